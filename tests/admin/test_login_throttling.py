"""Guessing an editor's password is throttled: after five wrong ones, that user and address wait."""

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse

LOGIN = reverse("wagtailadmin_login")


@pytest.fixture
def editor(db):
    return get_user_model().objects.create_user("redakteurin", password="richtig-und-lang", is_superuser=True)


def attempt(client, password, address="203.0.113.7"):
    return client.post(LOGIN, {"username": "redakteurin", "password": password}, REMOTE_ADDR=address)


def test_five_wrong_passwords_lock_that_user_and_address(client, editor):
    answers = [attempt(client, f"falsch-{n}").status_code for n in range(5)]
    assert answers == [200, 200, 200, 200, 429]  # the form again, then locked at the fifth
    # Locked now, even with the right password.
    locked = attempt(client, "richtig-und-lang")
    assert locked.status_code == 429
    assert "_auth_user_id" not in client.session
    # Another address is not locked out by this one.
    assert attempt(client, "richtig-und-lang", address="198.51.100.9").status_code == 302


def test_a_right_password_resets_the_count(client, editor):
    for n in range(4):
        attempt(client, f"falsch-{n}")
    assert attempt(client, "richtig-und-lang").status_code == 302
    client.logout()
    for n in range(4):
        assert attempt(client, f"falsch-{n}").status_code == 200
    assert attempt(client, "richtig-und-lang").status_code == 302
