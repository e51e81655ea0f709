"""Heartbeats and the admin's view of which screens are offline."""

import datetime

import pytest
from django.contrib.auth import get_user_model
from django.utils import timezone

from kiosk.models import KioskScreen


@pytest.fixture
def secret(screen):
    """The screen's secret, sent as the display sends it (tests/kiosk/test_heartbeat_secret.py)."""
    raw = screen.set_new_secret()
    screen.save()
    return {"HTTP_X_KIOSK_SECRET": raw}


def test_heartbeat_records_last_seen_and_status(client, screen, secret):
    response = client.post(
        "/kiosk/foyer/heartbeat", data='{"status": "ok, content 2 min old"}', content_type="application/json", **secret
    )
    assert response.status_code == 200
    screen.refresh_from_db()
    assert timezone.now() - screen.last_seen < datetime.timedelta(seconds=5)
    assert screen.last_status == "ok, content 2 min old"
    assert screen.is_online


def test_heartbeat_answer_carries_the_announcement(client, screen, secret):
    screen.announcement = "Heute ab 14 Uhr geschlossen."
    screen.save()
    answer = client.post("/kiosk/foyer/heartbeat", **secret).json()
    assert answer["announcement"]["text"] == "Heute ab 14 Uhr geschlossen."


def test_heartbeat_needs_post_and_a_known_screen(client, screen):
    assert client.get("/kiosk/foyer/heartbeat").status_code == 405
    assert client.post("/kiosk/nowhere/heartbeat").status_code == 404


def test_screens_without_a_recent_heartbeat_are_offline(screen, settings):
    settings.KIOSK_OFFLINE_AFTER_SECONDS = 180
    never = KioskScreen.objects.create(name="Nie", slug="nie", place=screen.place)
    screen.last_seen = timezone.now() - datetime.timedelta(minutes=10)
    screen.save()
    fresh = KioskScreen.objects.create(name="Frisch", slug="frisch", place=screen.place, last_seen=timezone.now())
    assert set(KioskScreen.offline()) == {never, screen}
    assert fresh.is_online and not screen.is_online and not never.is_online


def test_admin_list_and_dashboard_show_offline_screens(client, screen):
    client.force_login(get_user_model().objects.create_superuser("admin", "a@example.org", "pw"))
    KioskScreen.objects.create(name="Bürgerbüro", slug="buero", place=screen.place, last_seen=timezone.now())
    listing = client.get("/admin/snippets/kiosk/kioskscreen/").content.decode()
    assert "offline" in listing and "online" in listing
    dashboard = client.get("/admin/").content.decode()
    assert "Stadthaus, Foyer" in dashboard
    assert "Bürgerbüro" not in dashboard
    # A dashboard panel like Wagtail's own, aligned with them (a bare section stood out).
    assert 'id="offline-kiosks-section"' in dashboard and "w-panel--dashboard" in dashboard


def test_dashboard_has_no_panel_when_all_screens_are_online(client, screen):
    client.force_login(get_user_model().objects.create_superuser("admin", "a@example.org", "pw"))
    screen.last_seen = timezone.now()
    screen.save()
    assert "offline-kiosks-heading" not in client.get("/admin/").content.decode()
