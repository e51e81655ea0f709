"""``interfaceLabels``: kiosk and widget labels along the locale fallback chain."""

import pytest

from tests.api.helpers import data, error_codes, gql
from tests.factories import locale
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
    open_now = label("kiosk.open-now", "Jetzt geöffnet")
    back = label("kiosk.back", "Zurück")
    label("widget.more", "Mehr erfahren")
    translate_label(open_now, "ar", "مفتوح الآن")
    translate_label(back, "fa", "بازگشت")


def by_key(result):
    return {item["key"]: (item["text"], item["locale"]) for item in result["interfaceLabels"]}


def test_a_label_in_the_requested_locale_is_returned_in_it(client, labels):
    assert by_key(data(client, LABELS, {"locale": "ar"})) == {
        "kiosk.back": ("Zurück", "de"),
        "kiosk.open-now": ("مفتوح الآن", "ar"),
        "widget.more": ("Mehr erfahren", "de"),
    }


def test_dari_falls_back_to_farsi_then_german(client, labels):
    more = InterfaceLabel.objects.get(key="widget.more")
    translate_label(more, "prs", "بیشتر بدانید")
    assert by_key(data(client, LABELS, {"locale": "prs"})) == {
        "kiosk.back": ("بازگشت", "fa"),
        "kiosk.open-now": ("Jetzt geöffnet", "de"),
        "widget.more": ("بیشتر بدانید", "prs"),
    }


def test_unknown_locale_gives_the_coded_error(client, labels):
    body = gql(client, LABELS, {"locale": "xx"})
    assert error_codes(body) == ["UNKNOWN_LOCALE"]
    assert body["data"] is None
