"""The locale accessor agrees with settings and with the Locale rows."""

from wagtail.models import Locale

from translation import locales


def test_every_configured_locale_has_a_row(db):
    codes = set(Locale.objects.values_list("language_code", flat=True))
    assert {info.code for info in locales.all_locales()} <= codes
    assert len(locales.all_locales()) == 13


def test_metadata_of_one_locale():
    dari = locales.get("prs")
    assert (dari.name, dari.direction, dari.is_rtl) == ("دری", "rtl", True)
    assert locales.fallback_chain("prs") == ("prs", "fa", "de")
    assert locales.fallback_chain("de-x-ls") == ("de-x-ls", "de")
    assert locales.native_name("uk") == "Українська"


def test_source_and_targets():
    assert locales.source_code() == "de"
    assert "de" not in locales.target_codes()
    assert len(locales.target_codes()) == 12
