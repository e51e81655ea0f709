"""The kiosk page shell, its configuration, and QR codes."""

import datetime
import json

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from kiosk.models import KioskScreen
from tests.factories import GuidePageFactory, TopicFactory


def config_of(response):
    html = response.content.decode()
    start = html.index(">", html.index('id="kiosk-config"')) + 1
    return json.loads(html[start : html.index("</script>", start)])


def test_screen_page_is_a_shell_with_its_configuration(client, screen, site_tree):
    topic = TopicFactory(slug="wohnen")
    guide = GuidePageFactory(parent=site_tree.guides, title="Anmelden")
    screen.featured_topics.add(topic)
    screen.featured_guides.add(guide)
    response = client.get("/kiosk/foyer/")
    assert response.status_code == 200
    html = response.content.decode()
    assert '<html lang="de" dir="ltr">' in html
    assert 'type="module"' in html and "kiosk/main.js" in html
    config = config_of(response)
    assert [entry["code"] for entry in config["locales"]] == ["de", "en", "ar"]
    assert {entry["code"]: entry["direction"] for entry in config["locales"]}["ar"] == "rtl"
    assert config["topics"] == ["wohnen"]
    assert config["guideIds"] == [str(guide.pk)]
    assert config["place"]["lat"] == pytest.approx(51.3386)
    assert config["graphqlUrl"] == "/graphql/"
    assert set(config["strings"]) == {"de", "ar", "en"}


def test_a_screen_defaulting_to_arabic_starts_right_to_left(client, screen):
    screen.default_locale = "ar"
    screen.save()
    assert '<html lang="ar" dir="rtl">' in client.get("/kiosk/foyer/").content.decode()


def test_unknown_screen_is_404(client, db):
    assert client.get("/kiosk/nowhere/").status_code == 404


def test_configuration_is_validated(screen):
    screen.locales = ["de", "xx"]
    screen.default_locale = "ar"
    screen.announcement_start = timezone.now()
    screen.announcement_end = screen.announcement_start - datetime.timedelta(hours=1)
    with pytest.raises(ValidationError) as error:
        screen.full_clean()
    assert set(error.value.message_dict) == {"locales", "default_locale", "announcement_end"}


def test_announcement_is_active_only_between_start_and_end(screen):
    now = timezone.now()
    screen.announcement = "Geschlossen"
    screen.announcement_start = now + datetime.timedelta(hours=1)
    assert not screen.announcement_is_active(now)
    assert screen.announcement_is_active(now + datetime.timedelta(hours=2))
    screen.announcement_end = now + datetime.timedelta(hours=3)
    assert not screen.announcement_is_active(now + datetime.timedelta(hours=4))


def test_qr_code_is_svg_for_our_own_links(client, screen, site_tree):
    response = client.get("/kiosk/qr.svg", {"url": "http://localhost/ratgeber/anmelden/"})
    assert response.status_code == 200
    assert response["Content-Type"] == "image/svg+xml"
    assert response.content.startswith(b"<svg") and b"http://www.w3.org/2000/svg" in response.content
    assert "max-age=86400" in response["Cache-Control"]


@pytest.mark.parametrize(
    "url", ["https://evil.example.com/", "javascript:alert(1)", "http://localhost/" + "x" * 600, ""]
)
def test_qr_code_refuses_other_links(client, screen, site_tree, url):
    assert client.get("/kiosk/qr.svg", {"url": url}).status_code == 400


def test_offline_status_is_computed_without_the_page(screen):
    assert KioskScreen.objects.get(pk=screen.pk).connection_label == "offline"


def test_interface_strings_come_translated_for_each_offered_language(client, screen):
    strings = config_of(client.get("/kiosk/foyer/"))["strings"]
    assert strings["ar"]["chooseLanguage"] == "اختر لغتك"
    assert strings["de"]["chooseLanguage"] == "Wählen Sie Ihre Sprache"
    assert strings["en"]["chooseLanguage"] == "Choose your language"
    assert "%(age)s" in strings["ar"]["offline"]
