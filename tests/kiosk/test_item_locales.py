"""The kiosk lays out each item in its own locale's direction, for any locale an item may be in."""

from django.conf import settings

from tests.kiosk.test_screen import config_of


def test_the_configuration_knows_the_direction_of_every_content_locale(client, screen):
    # The screen offers de, ar and en; a Dari reader's item may come in Farsi, any item in German.
    directions = config_of(client.get("/kiosk/foyer/"))["directions"]
    assert set(directions) == {entry["code"] for entry in settings.WELCOME_LOCALES}
    assert directions["fa"] == directions["prs"] == directions["ar"] == "rtl"
    assert directions["de"] == directions["uk"] == "ltr"


def test_the_machine_translation_notice_is_in_each_offered_language(client, screen):
    strings = config_of(client.get("/kiosk/foyer/"))["strings"]
    assert strings["ar"]["machineNotice"] == "تمت ترجمة هذا النص آلياً ولم يراجعه أي شخص بعد."
    assert strings["de"]["machineNotice"] == "Dieser Text wurde maschinell übersetzt und noch nicht von einem Menschen geprüft."
    assert strings["ar"]["sourceUpdated"].startswith("عُدِّلت النسخة الألمانية")


def test_every_kiosk_string_is_translated_into_german_and_arabic(db):
    """Not only found along the fallback chain: the Arabic screen's own text, not German's."""
    from translation.interface_strings import STRINGS, shown_by
    from translation.labels import interface_labels

    for code in ["de", "ar"]:
        labels = interface_labels(code)
        assert [key for key in STRINGS if shown_by(key, "kiosk") and labels[key].locale != code] == [], code
