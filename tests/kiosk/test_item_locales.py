"""The kiosk lays out each item in its own locale's direction, for any locale an item may be in."""

from django.conf import settings

from tests.kiosk.test_screen import config_of


def test_the_configuration_knows_the_direction_of_every_content_locale(client, screen):
    # The screen offers de, ar and en; a Dari reader's item may come in Farsi, any item in German.
    directions = config_of(client.get("/kiosk/foyer/"))["directions"]
    assert set(directions) == {entry["code"] for entry in settings.WELCOME_LOCALES}
    assert directions["fa"] == directions["prs"] == directions["ar"] == "rtl"
    assert directions["de"] == directions["uk"] == "ltr"
