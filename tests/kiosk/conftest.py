import pytest

from kiosk.models import KioskScreen
from tests.factories import PlaceFactory


@pytest.fixture
def screen(db):
    place = PlaceFactory(name="Stadthaus")
    return KioskScreen.objects.create(
        name="Stadthaus, Foyer", slug="foyer", place=place, locales=["de", "ar", "en"], default_locale="de"
    )
