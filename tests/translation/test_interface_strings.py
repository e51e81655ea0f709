"""Our own interface strings: German catalogue compiled; the front ends' strings, gettext defaults with CMS labels."""

import re
from pathlib import Path

import polib
import pytest
from django.conf import settings
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import translation as i18n
from wagtail.models import Locale
from wagtail_localize.models import StringSegment, StringTranslation

from tests.translation.conftest import assert_num_queries, submit
from translation import locales as locale_info
from translation.choices import TranslationStatus
from translation.interface_strings import STRINGS, short_key, shown_by
from translation.labels import front_end_strings, gettext_translation, interface_labels, interface_labels_for
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


# The catalogue ------------------------------------------------------------------------

KEY = re.compile(r"^(common|kiosk|widget|website)\.[a-z][a-zA-Z0-9]*$")


def test_every_key_is_namespaced_by_the_front_end_that_shows_it():
    assert [key for key in STRINGS if not KEY.match(key)] == []


@pytest.mark.parametrize("front_end", ["kiosk", "widget", "website"])
def test_a_front_end_never_gets_two_strings_under_one_name(front_end):
    names = [short_key(key) for key in STRINGS if shown_by(key, front_end)]
    assert sorted(names) == sorted(set(names))


def test_german_catalogue_translates_every_interface_string():
    assert [message for message in STRINGS.values() if gettext_translation(message, "de") is None] == []


# Resolution: a CMS label, else gettext, at each locale of the chain ---------------------


def label(key, text, code="de"):
    return InterfaceLabel.objects.create(key=key, text=text, locale=Locale.objects.get(language_code=code))


def resolved(code, key):
    found = interface_labels(code)[key]
    return found.text, found.locale


def test_without_labels_the_gettext_translations_are_served(db):
    assert resolved("ar", "kiosk.chooseLanguage") == ("اختر لغتك", "ar")
    assert resolved("de", "kiosk.chooseLanguage") == ("Wählen Sie Ihre Sprache", "de")
    assert resolved("en", "kiosk.chooseLanguage") == ("Choose your language", "en")
    assert resolved("ar", "widget.source") == ("معلومات من مركز الترحيب في لايبزيغ", "ar")


def test_every_catalogue_key_is_resolved_in_every_locale(db):
    for code in [info.code for info in locale_info.all_locales()]:
        assert list(interface_labels(code)) == sorted(STRINGS)


def test_a_cms_label_beats_gettext_in_its_locale(db):
    label("kiosk.chooseLanguage", "اختر اللغة", "ar")
    assert resolved("ar", "kiosk.chooseLanguage") == ("اختر اللغة", "ar")
    assert resolved("de", "kiosk.chooseLanguage") == ("Wählen Sie Ihre Sprache", "de")


def test_a_german_label_replaces_the_german_catalogue_text(db):
    label("common.services", "Beratung")
    assert resolved("de", "common.services") == ("Beratung", "de")
    # Locales without a translation of their own follow German.
    assert resolved("fr", "common.services") == ("Beratung", "de")


def test_a_locale_without_a_translation_gets_german_and_says_so(db):
    # Django's gettext would answer in German too, as if French had the text.
    assert resolved("fr", "kiosk.openNow") == ("Jetzt geöffnet", "de")
    # Leichte Sprache reads the German catalogue through gettext; it is still German.
    assert resolved("de-x-ls", "kiosk.openNow") == ("Jetzt geöffnet", "de")
    label("kiosk.openNow", "Jetzt offen", "de-x-ls")
    assert resolved("de-x-ls", "kiosk.openNow") == ("Jetzt offen", "de-x-ls")


def test_dari_falls_back_to_farsi_then_german(db):
    label("kiosk.back", "بازگشت", "fa")
    label("kiosk.topics", "موضوعات", "fa")
    label("kiosk.topics", "موضوع‌ها", "prs")
    assert resolved("prs", "kiosk.back") == ("بازگشت", "fa")
    assert resolved("prs", "kiosk.topics") == ("موضوع‌ها", "prs")
    assert resolved("prs", "kiosk.chooseLanguage") == ("Wählen Sie Ihre Sprache", "de")


@pytest.fixture
def arabic_falls_back_to_farsi(settings):
    settings.WELCOME_LOCALES = [
        {**entry, "fallbacks": ["fa", "de"]} if entry["code"] == "ar" else entry for entry in settings.WELCOME_LOCALES
    ]


def test_a_gettext_translation_beats_a_label_of_a_fallback_locale(db, arabic_falls_back_to_farsi):
    label("kiosk.chooseLanguage", "زبان خود را انتخاب کنید", "fa")
    label("kiosk.back", "رجوع إلى البداية", "ar")
    assert resolved("ar", "kiosk.chooseLanguage") == ("اختر لغتك", "ar")
    assert resolved("ar", "kiosk.back") == ("رجوع إلى البداية", "ar")


def test_tigrinya_falls_back_to_english_before_german(db):
    # The msgids are English: English has every string without a catalogue of its own.
    assert resolved("ti", "kiosk.openNow") == ("Open now", "en")
    label("kiosk.openNow", "Open right now", "en")
    assert resolved("ti", "kiosk.openNow") == ("Open right now", "en")


def test_keys_the_catalogue_does_not_declare_are_ignored(db):
    label("kiosk.open-now", "Jetzt geöffnet (alt)")
    labels = interface_labels("de")
    assert "kiosk.open-now" not in labels
    assert labels["kiosk.openNow"].text == "Jetzt geöffnet"


def test_one_query_whatever_the_number_of_keys_and_locales(db):
    for key in STRINGS:
        label(key, f"[{key}]", "fa")
    with assert_num_queries(1):
        labels = interface_labels("prs")
    assert {found.locale for found in labels.values()} == {"fa"}
    codes = [info.code for info in locale_info.all_locales()]
    with assert_num_queries(1):
        everything = interface_labels_for(codes)
    assert everything["ps"]["kiosk.back"].text == "[kiosk.back]"


def test_a_front_end_gets_common_and_its_own_strings_without_the_namespace(db):
    label("common.loading", "Lädt …")
    widget = front_end_strings(["de"], "widget")["de"]
    assert set(widget) == {
        "events", "guides", "loading", "machineNotice", "online", "services", "sourceUpdated", "unavailable", "empty", "source",
        "offers", "requests",
        "helpfulQuestion", "helpfulYes", "helpfulNo", "feedbackThanks", "feedbackFailed",
    }
    assert widget["loading"] == "Lädt …"
    kiosk = front_end_strings(["de"], "kiosk")["de"]
    assert kiosk["loading"] == "Lädt …" and "chooseLanguage" in kiosk and "source" not in kiosk


# Editing labels --------------------------------------------------------------------------


def test_the_key_must_be_one_of_the_catalogue(db):
    unknown = InterfaceLabel(key="kiosk.open-now", text="Jetzt geöffnet", locale=Locale.objects.get(language_code="de"))
    with pytest.raises(ValidationError) as error:
        unknown.full_clean()
    assert set(error.value.message_dict) == {"key"}


@pytest.mark.parametrize(
    "key, text, valid",
    [
        ("kiosk.minutes", "%(n)s Min.", True),
        ("kiosk.minutes", "Minuten", False),
        ("kiosk.minutes", "%(m)s Min.", False),
        ("kiosk.back", "Zurück", True),
        ("kiosk.back", "Zurück %(n)s", False),
    ],
)
def test_a_label_keeps_the_placeholders_of_its_default(db, key, text, valid):
    candidate = InterfaceLabel(key=key, text=text, locale=Locale.objects.get(language_code="de"))
    if valid:
        candidate.full_clean()
    else:
        with pytest.raises(ValidationError) as error:
            candidate.full_clean()
        assert set(error.value.message_dict) == {"text"}


def test_the_admin_form_offers_the_catalogue_with_its_default_texts(admin_client, admin_user):
    from wagtail.users.models import UserProfile

    profile = UserProfile.get_for_user(admin_user)
    profile.preferred_language = "de"
    profile.save()
    response = admin_client.get(reverse("wagtailsnippets_translation_interfacelabel:add"), {"locale": "de"})
    html = response.content.decode()
    assert "kiosk.chooseLanguage — Wählen Sie Ihre Sprache" in html
    assert [key for key in STRINGS if f'<option value="{key}"' not in html] == []
    label("kiosk.back", "Zurück zum Start")
    listing = admin_client.get(reverse("wagtailsnippets_translation_interfacelabel:list")).content.decode()
    assert "kiosk.back" in listing and "Zurück zum Start" in listing


def test_a_new_language_is_a_translation_not_a_release(db):
    source = label("widget.empty", "Gerade gibt es nichts.")
    translation = submit(source, "ti")
    segment = StringSegment.objects.get(source=translation.source)
    StringTranslation.objects.create(
        translation_of=segment.string, locale=translation.target_locale, context=segment.context, data="ሕጂ ዝርአ የለን",
        translation_type="manual",
    )
    translation.save_target(publish=True)
    assert resolved("ti", "widget.empty") == ("ሕጂ ዝርአ የለን", "ti")
    # The key is synchronised, not translated.
    assert InterfaceLabel.objects.get(locale__language_code="ti").key == "widget.empty"
