"""The kiosk's interface strings come from the one catalogue, with translators' CMS labels."""

import re
from pathlib import Path

from django.conf import settings
from django.db import connection
from django.test.utils import CaptureQueriesContext

from kiosk.models import KioskScreen
from tests.factories import locale
from tests.kiosk.test_screen import config_of
from translation.models import InterfaceLabel

SCRIPTS = Path(__file__).resolve().parents[2] / "kiosk" / "static" / "kiosk"


def names_read_by_the_scripts():
    """Every ``strings.x``, ``strings().x`` and ``s.x`` (``const s = strings()``) of the kiosk's modules."""
    source = "\n".join(path.read_text(encoding="utf-8") for path in SCRIPTS.glob("*.js"))
    return set(re.findall(r"\b(?:strings(?:\(\))?|s)\.([a-zA-Z]+)\b", source))


def test_every_string_the_scripts_read_is_in_every_offered_language(client, screen):
    strings = config_of(client.get("/kiosk/foyer/"))["strings"]
    read = names_read_by_the_scripts()
    assert {"chooseLanguage", "offline", "minutes", "loading"} <= read
    for code, texts in strings.items():
        assert read - set(texts) == set(), code
        assert all(texts[name] for name in read), code


def test_a_cms_label_reaches_the_kiosk_page(client, screen):
    InterfaceLabel.objects.create(key="kiosk.chooseLanguage", text="اختر اللغة", locale=locale("ar"))
    InterfaceLabel.objects.create(key="common.loading", text="Einen Moment …", locale=locale("de"))
    strings = config_of(client.get("/kiosk/foyer/"))["strings"]
    assert strings["ar"]["chooseLanguage"] == "اختر اللغة"
    assert strings["de"]["chooseLanguage"] == "Wählen Sie Ihre Sprache"
    assert strings["de"]["loading"] == "Einen Moment …"
    # Arabic has its own translation of "Loading …", which the German label does not replace.
    assert strings["ar"]["loading"] == "جارٍ التحميل …"


def test_strings_of_more_languages_cost_no_more_queries(client, screen):
    def queries_for(locales):
        KioskScreen.objects.filter(pk=screen.pk).update(locales=locales)
        with CaptureQueriesContext(connection) as captured:
            strings = config_of(client.get("/kiosk/foyer/"))["strings"]
        return strings, [query["sql"] for query in captured.captured_queries]

    (one, queries_for_one), (every, queries_for_every) = queries_for(["de"]), queries_for([])
    assert len(one) == 1 and len(every) == len(settings.WELCOME_LOCALES)
    assert len(queries_for_one) == len(queries_for_every), "\n".join(queries_for_every)
