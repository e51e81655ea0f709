"""
Only the screen itself reports its heartbeat: a secret made in the admin (shown once,
stored hashed), a small body, a few heartbeats a minute. Screens without a secret (those
from before the secrets) are refused until staff make one.
"""

import datetime
import json
import re

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.db import connection
from wagtail.models import ModelLogEntry
from wagtail.users.models import UserProfile

from kiosk import views
from kiosk.models import KioskScreen, hash_secret

HEARTBEAT = "/kiosk/foyer/heartbeat"
LIST = "/admin/snippets/kiosk/kioskscreen/"


@pytest.fixture
def raw_secret(screen):
    raw = screen.set_new_secret()
    screen.save()
    return raw


def prefer(user, language):
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = language
    profile.save()


@pytest.fixture
def admin_client(client, db):
    """A superuser who reads the admin in English (German is the default; one test checks it)."""
    user = get_user_model().objects.create_superuser("admin", "admin@example.org", "pw")
    prefer(user, "en")
    client.force_login(user)
    return client


def beat(client, secret=None, slug="foyer", body='{"status": "ok"}', **extra):
    headers = {"HTTP_X_KIOSK_SECRET": secret} if secret is not None else {}
    return client.post(f"/kiosk/{slug}/heartbeat", data=body, content_type="application/json", **headers, **extra)


def all_stored_text(screen):
    """Every column of the screen's row as text, read straight from the database."""
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT * FROM {KioskScreen._meta.db_table} WHERE id = %s", [screen.pk])
        return " ".join(str(value) for value in cursor.fetchone())


def refusal(response, status, code):
    assert response.status_code == status, response.content
    assert response["Content-Type"] == "application/json"
    assert response["Cache-Control"].startswith("max-age=0") and "no-store" in response["Cache-Control"]
    body = response.json()
    assert body["error"]["code"] == code and body["error"]["message"]
    assert "announcement" not in body
    return body


# The heartbeat ---------------------------------------------------------------------


def test_the_right_secret_is_accepted(client, screen, raw_secret):
    response = beat(client, raw_secret)
    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"]
    screen.refresh_from_db()
    assert screen.is_online and screen.last_status == "ok"


@pytest.mark.parametrize(
    ("sent", "code"),
    [(None, "SECRET_MISSING"), ("", "SECRET_MISSING"), ("ks_wrong", "SECRET_INVALID"), ("x" * 300, "SECRET_INVALID")],
    ids=["missing", "empty", "wrong", "long"],
)
def test_a_missing_or_wrong_secret_is_refused(client, screen, raw_secret, sent, code):
    refusal(beat(client, sent), 403, code)
    screen.refresh_from_db()
    assert screen.last_seen is None


def test_another_screens_secret_is_refused(client, screen, raw_secret):
    other = KioskScreen.objects.create(name="Bürgerbüro", slug="buero", place=screen.place)
    other_secret = other.set_new_secret()
    other.save()
    refusal(beat(client, other_secret), 403, "SECRET_INVALID")
    assert beat(client, other_secret, slug="buero").status_code == 200


def test_a_screen_without_a_secret_is_refused_whatever_is_sent(client, screen):
    """Existing screens after the upgrade: refused until staff make a secret in the admin."""
    assert not screen.has_secret and screen.secret_hash == ""
    refusal(beat(client), 403, "NO_SECRET")
    refusal(beat(client, ""), 403, "NO_SECRET")
    refusal(beat(client, "ks_anything"), 403, "NO_SECRET")
    screen.refresh_from_db()
    assert screen.last_seen is None and not screen.is_online


def test_a_large_body_is_refused_before_it_is_read(client, screen, raw_secret):
    refusal(beat(client, raw_secret, body=json.dumps({"status": "x" * 2_000_000})), 413, "BODY_TOO_LARGE")
    # Also without a secret: the size is checked first, so nobody makes the server read 2 MB.
    refusal(beat(client, body="x" * 2_000_000), 413, "BODY_TOO_LARGE")
    screen.refresh_from_db()
    assert screen.last_seen is None


def test_a_body_just_within_the_limit_is_accepted(client, screen, raw_secret):
    body = json.dumps({"status": "ok", "padding": "x" * 4000})
    assert len(body) <= views.MAX_HEARTBEAT_BYTES
    assert beat(client, raw_secret, body=body).status_code == 200
    over = json.dumps({"status": "ok", "padding": "x" * (views.MAX_HEARTBEAT_BYTES)})
    refusal(beat(client, raw_secret, body=over), 413, "BODY_TOO_LARGE")


def test_a_body_longer_than_declared_is_not_read_past_the_declared_length(rf, screen, raw_secret):
    """A Content-Length that understates the body (or none): the view reads no more than declared."""
    for declared in ("20", "", "nonsense"):
        request = rf.post(
            HEARTBEAT,
            data='{"status": "' + "x" * 2_000_000 + '"}',
            content_type="application/json",
            CONTENT_LENGTH=declared,
            HTTP_X_KIOSK_SECRET=raw_secret,
        )
        response = views.heartbeat(request, slug="foyer")
        assert response.status_code == 200, declared
        screen.refresh_from_db()
        assert screen.last_status == ""  # a cut-off body is no JSON: an empty status


def test_more_than_a_few_heartbeats_a_minute_are_refused_with_retry_after(client, screen, raw_secret):
    for _ in range(views.HEARTBEATS_PER_MINUTE):
        assert beat(client, raw_secret).status_code == 200
    screen.refresh_from_db()
    seen = screen.last_seen
    response = beat(client, raw_secret, body='{"status": "too often"}')
    refusal(response, 429, "RATE_LIMITED")
    assert 1 <= int(response["Retry-After"]) <= 60
    assert response["Retry-After"] in response.json()["error"]["message"]
    screen.refresh_from_db()
    assert screen.last_seen == seen and screen.last_status == "ok"


def test_the_limit_is_per_screen(client, screen, raw_secret):
    other = KioskScreen.objects.create(name="Bürgerbüro", slug="buero", place=screen.place)
    other_secret = other.set_new_secret()
    other.save()
    for _ in range(views.HEARTBEATS_PER_MINUTE):
        beat(client, raw_secret)
    assert beat(client, raw_secret).status_code == 429
    assert beat(client, other_secret, slug="buero").status_code == 200


def test_refused_heartbeats_do_not_use_up_the_screens_allowance(client, screen, raw_secret):
    """Otherwise anybody could make a working screen look offline."""
    for _ in range(3 * views.HEARTBEATS_PER_MINUTE):
        assert beat(client, "ks_guess").status_code == 403
    assert beat(client, raw_secret).status_code == 200


def test_the_window_resets_after_a_minute(screen):
    now = 1_800_000_000.0  # at a window's start
    for _ in range(views.HEARTBEATS_PER_MINUTE):
        assert views.count_heartbeat(screen.pk, views.HEARTBEATS_PER_MINUTE, now=now)[0]
    allowed, retry_after = views.count_heartbeat(screen.pk, views.HEARTBEATS_PER_MINUTE, now=now + 20)
    assert not allowed and retry_after == 40
    assert views.count_heartbeat(screen.pk, views.HEARTBEATS_PER_MINUTE, now=now + 60)[0]


def test_unknown_screens_and_gets_are_still_404_and_405(client, db):
    assert beat(client, "ks_x", slug="nowhere").status_code == 404
    assert client.get(HEARTBEAT).status_code == 405


# The secret itself -----------------------------------------------------------------


def test_only_the_hash_is_stored_and_secrets_differ(screen):
    raw = screen.set_new_secret()
    screen.save()
    assert raw.startswith("ks_") and len(raw) >= 35
    assert screen.secret_hash == hash_secret(raw)
    assert raw not in all_stored_text(screen)
    assert raw[3:] not in all_stored_text(screen)
    assert screen.secret_matches(raw) and not screen.secret_matches(raw + "x")
    assert screen.set_new_secret() != raw


# The admin -------------------------------------------------------------------------


def display_url_in(response):
    html = response.content.decode()
    match = re.search(r'id="kiosk-display-url"[^>]*>([^<]+)<', html)
    assert match, html
    return match.group(1)


def test_creating_a_screen_shows_its_secret_once(admin_client, screen):
    response = admin_client.post(
        f"{LIST}add/",
        {
            "name": "Bürgerbüro",
            "slug": "buero",
            "place": screen.place.pk,
            "nearby_km": "2",
            "default_locale": "de",
            "idle_timeout_seconds": "90",
        },
    )
    assert response.status_code == 200, response.content.decode()[:2000]
    assert "no-store" in response["Cache-Control"]  # the page with the secret is kept by no cache
    raw = response.context["raw_secret"]
    new = KioskScreen.objects.get(slug="buero")
    assert new.secret_hash == hash_secret(raw)
    assert raw not in all_stored_text(new)
    # The address to open on the display: the secret in the fragment, never in the query.
    assert display_url_in(response) == f"http://testserver/kiosk/buero/#secret={raw}"
    # Not readable again.
    for page in (f"{LIST}edit/{new.pk}/", LIST, f"{LIST}history/{new.pk}/"):
        assert raw not in admin_client.get(page).content.decode()
    # And it works.
    assert beat(admin_client, raw, slug="buero").status_code == 200


def test_the_list_shows_which_screens_have_no_secret(admin_client, screen):
    with_secret = KioskScreen.objects.create(name="Bürgerbüro", slug="buero", place=screen.place)
    with_secret.set_new_secret()
    with_secret.save()
    listing = admin_client.get(LIST).content.decode()
    assert "Secret" in listing
    assert listing.count("none: heartbeat refused") == 1
    rows = {name: listing.index(name) for name in ("Stadthaus, Foyer", "Bürgerbüro")}
    assert listing.index("none: heartbeat refused") > rows["Stadthaus, Foyer"]
    assert f"{LIST}new-secret/{screen.pk}/" in listing and f"{LIST}new-secret/{with_secret.pk}/" in listing


def test_the_list_is_in_german_for_german_staff(admin_client, screen):
    prefer(get_user_model().objects.get(username="admin"), "de")
    listing = admin_client.get(LIST).content.decode()
    assert "Geheimschlüssel" in listing and "keiner: Lebenszeichen abgelehnt" in listing
    assert "Neuer Geheimschlüssel" in listing


def test_the_dashboard_says_an_offline_screen_has_no_secret(admin_client, screen):
    dashboard = admin_client.get("/admin/").content.decode()
    assert "Stadthaus, Foyer" in dashboard and "no secret: its heartbeat is refused" in dashboard


def test_a_new_secret_replaces_the_old_one_at_once(admin_client, screen, raw_secret):
    url = f"{LIST}new-secret/{screen.pk}/"
    confirm = admin_client.get(url)
    assert confirm.status_code == 200
    assert "stops working at once" in confirm.content.decode()
    assert url in admin_client.get(f"{LIST}edit/{screen.pk}/").content.decode()  # a header action

    response = admin_client.post(url)
    assert response.status_code == 200 and "no-store" in response["Cache-Control"]
    new = response.context["raw_secret"]
    assert new != raw_secret
    assert display_url_in(response) == f"http://testserver/kiosk/foyer/#secret={new}"
    refusal(beat(admin_client, raw_secret), 403, "SECRET_INVALID")
    assert beat(admin_client, new).status_code == 200
    entry = ModelLogEntry.objects.filter(object_id=str(screen.pk), action="kiosk.new_secret").get()
    assert entry.user.username == "admin"
    assert "New secret" in admin_client.get(f"{LIST}history/{screen.pk}/").content.decode()


def test_a_screen_from_before_the_secrets_gets_its_first_one(admin_client, screen):
    url = f"{LIST}new-secret/{screen.pk}/"
    assert "has no secret yet" in admin_client.get(url).content.decode()
    new = admin_client.post(url).context["raw_secret"]
    assert beat(admin_client, new).status_code == 200
    assert "none: heartbeat refused" not in admin_client.get(LIST).content.decode()


def test_only_staff_who_may_change_screens_make_secrets(client, screen, raw_secret):
    group = Group.objects.create(name="Kiosk viewers")
    group.permissions.add(
        Permission.objects.get(codename="access_admin"), Permission.objects.get(codename="view_kioskscreen")
    )
    user = get_user_model().objects.create_user("viewer", "v@example.org", "pw")
    user.groups.add(group)
    client.force_login(user)
    url = f"{LIST}new-secret/{screen.pk}/"
    assert url not in client.get(LIST).content.decode()
    assert client.get(url).status_code in {302, 403}
    assert client.post(url).status_code in {302, 403}
    screen.refresh_from_db()
    assert screen.secret_matches(raw_secret)


def test_new_secret_needs_post_to_change_anything(admin_client, screen, raw_secret):
    admin_client.get(f"{LIST}new-secret/{screen.pk}/")
    screen.refresh_from_db()
    assert screen.secret_matches(raw_secret)
    assert admin_client.get(f"{LIST}new-secret/999999/").status_code == 404


# The page --------------------------------------------------------------------------


def test_the_screen_page_never_carries_the_secret(client, screen, raw_secret):
    html = client.get("/kiosk/foyer/").content.decode()
    assert raw_secret not in html and screen.secret_hash not in html


def test_the_script_sends_the_secret_from_the_fragment_in_a_header():
    source = (views.settings.BASE_DIR / "kiosk" / "static" / "kiosk" / "main.js").read_text(encoding="utf-8")
    assert '"X-Kiosk-Secret"' in source and views.SECRET_HEADER == "X-Kiosk-Secret"
    assert "location.hash" in source and "localStorage.setItem" in source and "history.replaceState" in source


def test_timestamps_are_untouched_by_refusals(client, screen, raw_secret):
    assert beat(client, raw_secret).status_code == 200
    screen.refresh_from_db()
    before = screen.last_seen
    beat(client, "ks_wrong", body='{"status": "forged"}')
    screen.refresh_from_db()
    assert screen.last_seen == before and screen.last_status == "ok"
    assert before > datetime.datetime(2000, 1, 1, tzinfo=datetime.UTC)
