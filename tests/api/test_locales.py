"""``locales`` and ``topics``/``audiences``: codes, directions, fallback chains, locale fallback."""

from tests.api.helpers import data, error_codes, gql, translate_snippet
from tests.factories import AudienceFactory, TopicFactory


def test_locales_lists_direction_and_fallbacks(client, db):
    result = data(client, "{ locales { code nativeName direction fallbacks } }")["locales"]
    by_code = {entry["code"]: entry for entry in result}
    assert by_code["prs"] == {"code": "prs", "nativeName": "دری", "direction": "RTL", "fallbacks": ["fa", "de"]}
    assert by_code["de"]["direction"] == "LTR" and by_code["de"]["fallbacks"] == []
    assert "de-x-ls" in by_code


def test_topics_in_german(client, db):
    TopicFactory(name="Wohnen", slug="housing", sort_order=2)
    TopicFactory(name="Ankommen", slug="arrival", sort_order=1)
    result = data(client, '{ topics(locale: "de") { name slug locale } }')["topics"]
    assert result == [
        {"name": "Ankommen", "slug": "arrival", "locale": "de"},
        {"name": "Wohnen", "slug": "housing", "locale": "de"},
    ]


def test_topics_fall_back_from_dari_to_farsi_then_german(client, db):
    housing = TopicFactory(name="Wohnen", slug="housing", sort_order=1)
    work = TopicFactory(name="Arbeit", slug="work", sort_order=2)
    translate_snippet(housing, "fa", name="مسکن")
    translate_snippet(work, "prs", name="کار")
    result = data(client, '{ topics(locale: "prs") { name slug locale translationKey } }')["topics"]
    assert [(t["name"], t["locale"]) for t in result] == [("مسکن", "fa"), ("کار", "prs")]
    assert len({t["translationKey"] for t in result}) == 2


def test_audiences_in_fallback_locale(client, db):
    AudienceFactory(name="Ehrenamtliche", slug="volunteers")
    result = data(client, '{ audiences(locale: "prs") { name locale } }')["audiences"]
    assert result == [{"name": "Ehrenamtliche", "locale": "de"}]


def test_unknown_locale_is_a_coded_error(client, db):
    body = gql(client, '{ topics(locale: "xx") { name } }')
    assert error_codes(body) == ["UNKNOWN_LOCALE"]
