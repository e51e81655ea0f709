"""API keys: issued once in the admin, stored only as a hash, revocable."""

import pytest
from django.contrib.auth import get_user_model
from django.db import connection

from embed.keys import hash_key, split_prefix
from embed.models import ApiKey

GRAPHQL = "/graphql/?query=%7B__typename%7D"


@pytest.fixture
def admin_client(client, db):
    user = get_user_model().objects.create_superuser("admin", "admin@example.org", "pw")
    client.force_login(user)
    return client


def all_stored_text(key):
    """Every column of the key's row as text, read straight from the database."""
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT * FROM {ApiKey._meta.db_table} WHERE id = %s", [key.pk])
        return " ".join(str(value) for value in cursor.fetchone())


def test_admin_issues_a_key_shown_once_and_stores_only_its_hash(admin_client):
    response = admin_client.post(
        "/admin/snippets/embed/apikey/add/",
        {"name": "Verein X", "allowed_origins": "https://verein.example.org", "rate_limit_per_minute": "60"},
    )
    assert response.status_code == 200
    raw = response.context["raw_key"]
    assert raw in response.content.decode()
    key = ApiKey.objects.get(name="Verein X")
    assert key.key_hash == hash_key(raw)
    assert raw not in all_stored_text(key)
    assert raw.split("_", 2)[2] not in all_stored_text(key)  # the secret may itself contain "_"
    assert split_prefix(raw) == key.prefix
    # Not readable again: the edit page does not show it.
    edit = admin_client.get(f"/admin/snippets/embed/apikey/edit/{key.pk}/")
    assert raw not in edit.content.decode()
    # And it works.
    assert admin_client.get(GRAPHQL, HTTP_X_API_KEY=raw).status_code == 200


def test_two_keys_never_share_a_secret(issue_key):
    _key_a, raw_a = issue_key("A")
    _key_b, raw_b = issue_key("B")
    assert raw_a != raw_b and len(raw_a) > 35


def test_revoked_key_is_refused_at_once(client, issue_key):
    key, raw = issue_key()
    assert client.get(GRAPHQL, HTTP_X_API_KEY=raw).status_code == 200  # now cached
    key.revoke()
    response = client.get(GRAPHQL, HTTP_X_API_KEY=raw)
    assert response.status_code == 401
    assert response.json()["errors"][0]["extensions"]["code"] == "API_KEY_REVOKED"


def test_admin_revokes_with_the_checkbox(admin_client, issue_key):
    key, raw = issue_key()
    response = admin_client.post(
        f"/admin/snippets/embed/apikey/edit/{key.pk}/",
        {
            "name": key.name,
            "allowed_origins": key.allowed_origins,
            "rate_limit_per_minute": "120",
            "revoke": "on",
        },
    )
    assert response.status_code == 302
    key.refresh_from_db()
    assert key.revoked_at is not None
    assert admin_client.get(GRAPHQL, HTTP_X_API_KEY=raw).status_code == 401


@pytest.mark.parametrize("bad", ["nonsense", "wk_abcdefgh_wrong", "wk_short_x"])
def test_unknown_or_malformed_keys_are_refused_not_treated_as_anonymous(client, issue_key, bad):
    issue_key()
    response = client.get(GRAPHQL, HTTP_X_API_KEY=bad)
    assert response.status_code == 401
    assert response.json()["errors"][0]["extensions"]["code"] == "INVALID_API_KEY"


def test_a_right_prefix_with_a_wrong_secret_is_refused(client, issue_key):
    key, raw = issue_key()
    forged = f"wk_{key.prefix}_{'x' * 32}"
    assert client.get(GRAPHQL, HTTP_X_API_KEY=forged).status_code == 401


def test_invalid_origins_are_rejected_by_validation(issue_key):
    from django.core.exceptions import ValidationError

    key, _raw = issue_key()
    key.allowed_origins = "verein.example.org/path"
    with pytest.raises(ValidationError):
        key.full_clean()


def test_widget_script_is_served_with_strings_and_site_address(client, site_tree):
    response = client.get("/embed/widget.js")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/javascript")
    body = response.content.decode()
    assert "__WELCOME_" not in body
    assert "attachShadow" in body and "معلومات من مركز الترحيب في لايبزيغ" in body
