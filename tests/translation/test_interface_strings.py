"""Our own interface strings: German catalogue compiled; front-end labels from the CMS per locale."""

from pathlib import Path

import polib
from django.conf import settings
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import translation as i18n
from wagtail.models import Locale
from wagtail_localize.models import StringSegment, StringTranslation

from tests.translation.conftest import submit
from translation.choices import TranslationStatus
from translation.labels import interface_labels
from translation.models import InterfaceLabel

CATALOGUE = Path(settings.LOCALE_PATHS[0]) / "de" / "LC_MESSAGES" / "django.po"


def test_german_catalogue_translates_everything_of_this_app():
    po = polib.pofile(str(CATALOGUE))
    ours = [entry for entry in po if any(path.startswith("translation/") for path, _line in entry.occurrences)]
    assert ours
    missing = [entry.msgid for entry in ours if not (entry.msgstr or any(entry.msgstr_plural.values()))]
    assert missing == []


def test_compiled_catalogue_is_used():
    assert CATALOGUE.with_suffix(".mo").exists()
    with i18n.override("de"):
        assert str(TranslationStatus.OUTDATED.label) == "Veraltet"
        assert i18n.gettext("Opening hours") == "Öffnungszeiten"
        assert i18n.gettext("Choose your language") == "Wählen Sie Ihre Sprache"
        assert i18n.gettext("Opening hours") == "Öffnungszeiten"
    with i18n.override("en"):
        assert str(TranslationStatus.OUTDATED.label) == "Outdated"


def test_overview_speaks_german_to_german_staff(admin_client, admin_user, site_tree):
    from wagtail.users.models import UserProfile

    profile = UserProfile.get_for_user(admin_user)
    profile.preferred_language = "de"
    profile.save()
    html = admin_client.get("/admin/translation/").content.decode()
    assert "Übersetzungen" in html and "Glossar" in html


def label(key, text, code="de"):
    return InterfaceLabel.objects.create(key=key, text=text, locale=Locale.objects.get(language_code=code))


def test_labels_follow_the_fallback_chain(db):
    open_now = label("kiosk.open-now", "Jetzt geöffnet")
    back = label("kiosk.back", "Zurück")
    label("kiosk.back", "Назад", "ru")
    # Ukrainian falls back to Russian, then German.
    labels = interface_labels("uk")
    assert labels["kiosk.back"].text == "Назад" and labels["kiosk.back"].locale == "ru"
    assert labels["kiosk.open-now"].locale == "de"
    InterfaceLabel.objects.create(
        key="kiosk.open-now", text="Зараз відчинено", locale=Locale.objects.get(language_code="uk"),
        translation_key=open_now.translation_key,
    )
    with CaptureQueriesContext(connection) as queries:
        labels = interface_labels("uk")
    assert len(queries) == 1
    assert labels["kiosk.open-now"].text == "Зараз відчинено"
    assert back.translation_key != open_now.translation_key


def test_a_new_language_is_a_translation_not_a_release(db):
    source = label("widget.more", "Mehr erfahren")
    translation = submit(source, "ti")
    segment = StringSegment.objects.get(source=translation.source)
    StringTranslation.objects.create(
        translation_of=segment.string, locale=translation.target_locale, context=segment.context, data="ተወሳኺ ፍለጥ",
        translation_type="manual",
    )
    translation.save_target(publish=True)
    assert interface_labels("ti")["widget.more"].text == "ተወሳኺ ፍለጥ"
    # The key is synchronised, not translated.
    assert InterfaceLabel.objects.get(locale__language_code="ti").key == "widget.more"
