"""``interfaceLabels``: every front-end string, a CMS label or our gettext text, along the fallback chain."""

import pytest

from tests.api.helpers import data, error_codes, gql
from tests.factories import locale
from translation.interface_strings import STRINGS
from translation.models import InterfaceLabel

LABELS = "query ($locale: String!) { interfaceLabels(locale: $locale) { key text locale } }"


def label(key, text, code="de"):
    return InterfaceLabel.objects.create(key=key, text=text, locale=locale(code))


def translate_label(source, code, text):
    translation = source.copy_for_translation(locale(code))
    translation.text = text
    translation.save()
    return translation


@pytest.fixture
def labels(db):
    back = label("kiosk.back", "Zurück zum Start")
    label("widget.empty", "Gerade gibt es hier nichts.")
    translate_label(back, "fa", "بازگشت")
    label("kiosk.chooseLanguage", "اختر اللغة", "ar")


def by_key(result):
    return {item["key"]: (item["text"], item["locale"]) for item in result["interfaceLabels"]}


def test_every_catalogue_key_is_returned_once_in_key_order(client, labels):
    keys = [item["key"] for item in data(client, LABELS, {"locale": "uk"})["interfaceLabels"]]
    assert keys == sorted(STRINGS)


def test_a_label_in_the_requested_locale_beats_our_translation(client, labels):
    arabic = by_key(data(client, LABELS, {"locale": "ar"}))
    assert arabic["kiosk.chooseLanguage"] == ("اختر اللغة", "ar")
    assert arabic["kiosk.openNow"] == ("مفتوح الآن", "ar")
    # Arabic has a gettext translation of "Back": the German label does not replace it.
    assert arabic["kiosk.back"] == ("رجوع", "ar")


def test_german_labels_replace_the_german_defaults(client, labels):
    german = by_key(data(client, LABELS, {"locale": "de"}))
    assert german["kiosk.back"] == ("Zurück zum Start", "de")
    assert german["widget.empty"] == ("Gerade gibt es hier nichts.", "de")
    assert german["kiosk.openNow"] == ("Jetzt geöffnet", "de")


def test_dari_falls_back_to_farsi_then_german(client, labels):
    more = InterfaceLabel.objects.get(key="widget.empty")
    translate_label(more, "prs", "فعلاً چیزی برای نمایش نیست.")
    dari = by_key(data(client, LABELS, {"locale": "prs"}))
    assert dari["kiosk.back"] == ("بازگشت", "fa")
    assert dari["widget.empty"] == ("فعلاً چیزی برای نمایش نیست.", "prs")
    assert dari["kiosk.openNow"] == ("Jetzt geöffnet", "de")
    assert dari["widget.source"] == ("Informationen des Willkommenszentrums Leipzig", "de")


def test_english_is_served_from_the_msgids(client, labels):
    assert by_key(data(client, LABELS, {"locale": "en"}))["kiosk.openNow"] == ("Open now", "en")


def test_unknown_locale_gives_the_coded_error(client, labels):
    body = gql(client, LABELS, {"locale": "xx"})
    assert error_codes(body) == ["UNKNOWN_LOCALE"]
    assert body["data"] is None
