"""
Optional two-factor login for the admin (cms/two_factor/): turning it on with a real
authenticator code, the second step after the password, recovery codes, turning it off,
and the setting that makes it mandatory for superusers.
"""

import io
import re

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.files.base import ContentFile
from django.core.management import CommandError, call_command
from django.test import override_settings
from django.urls import reverse
from django.utils import translation
from django_otp.oath import totp
from django_otp.plugins.otp_static.models import StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice
from wagtail.documents import get_document_model
from wagtail.models import Collection, CollectionViewRestriction
from wagtail.users.models import UserProfile

from cms.two_factor import devices
from tests.admin.i18n import ADMIN_LANGUAGE

LOGIN = reverse("wagtailadmin_login")
HOME = reverse("wagtailadmin_home")
VERIFY = reverse("two_factor:verify")
SETUP = reverse("two_factor:setup")
MANAGE = reverse("two_factor:manage")
PASSWORD = "richtig-und-lang"

#: Admin pages a user between the two steps must not reach.
ADMIN_URLS = [
    HOME,
    reverse("wagtailadmin_explore_root"),
    reverse("wagtailimages:index"),
    reverse("wagtaildocs:index"),
    reverse("wagtaildocs:add_multiple"),
    reverse("wagtailadmin_account"),
    reverse("wagtailusers_users:index"),
    MANAGE,
    SETUP,
]


def make_user(username, **extra):
    user = get_user_model().objects.create_user(username, password=PASSWORD, email=f"{username}@example.org", **extra)
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = ADMIN_LANGUAGE
    profile.save()
    return user


@pytest.fixture
def editor(db):
    return make_user("redakteurin", is_superuser=True)


@pytest.fixture
def recovery_codes(editor):
    """``editor`` with two-factor login on: their recovery codes."""
    return devices.confirm(TOTPDevice.objects.create(user=editor, name="app", confirmed=False))


def code(device):
    """The code the authenticator app shows now, as if the next 30 seconds had begun.

    django-otp accepts each time step's code once (``last_t``); tests that need several
    codes in a row forget the last one instead of waiting.
    """
    device.refresh_from_db()
    device.last_t = -1
    device.throttle_reset(commit=False)
    device.save()
    return f"{totp(device.bin_key, device.step, device.t0, device.digits, device.drift):0{device.digits}d}"


def authenticator(user):
    return TOTPDevice.objects.get(user=user, confirmed=True)


def sign_in(client, username="redakteurin"):
    return client.post(LOGIN, {"username": username, "password": PASSWORD}, REMOTE_ADDR="203.0.113.7")


def error_codes(response):
    return [error.code for error in response.context["form"].errors.as_data().get("code", [])]


def is_verified_session(client):
    return "otp_device_id" in client.session


# Without two-factor login ---------------------------------------------------------------


def test_a_user_without_it_signs_in_as_before_and_is_offered_it(client, editor):
    response = sign_in(client)
    assert response.status_code == 302 and response["Location"] == HOME
    assert client.get(HOME).status_code == 200
    account = client.get(reverse("wagtailadmin_account")).content.decode()
    assert f'href="{SETUP}"' in account


# Turning it on ------------------------------------------------------------------------


def test_turning_it_on_with_a_code_from_the_app(client, editor):
    client.force_login(editor)
    page = client.get(SETUP)
    assert page.status_code == 200
    html = page.content.decode()
    pending = TOTPDevice.objects.get(user=editor, confirmed=False)
    # The QR code is inline SVG made on the server; the key is there to type by hand.
    assert re.search(r"<svg[^>]*>.*</svg>", html, re.S)
    assert devices.secret_text(pending) in html
    assert "img-src" in page["Content-Security-Policy"]  # the page is under the policy; inline SVG needs no source
    # The same secret on a reload, so a slow phone does not scan a stale code.
    client.get(SETUP)
    assert TOTPDevice.objects.filter(user=editor).count() == 1

    wrong = client.post(SETUP, {"code": "000000" if code(pending) != "000000" else "111111"})
    assert wrong.status_code == 200 and error_codes(wrong) == ["invalid"]
    assert not devices.is_enabled(editor)

    done = client.post(SETUP, {"code": code(pending)})
    assert done.status_code == 200
    shown = done.context["codes"]
    assert len(shown) == devices.RECOVERY_CODE_COUNT
    assert all(f"<code>{recovery}</code>" in done.content.decode() for recovery in shown)
    assert devices.is_enabled(editor)
    assert set(StaticToken.objects.filter(device__user=editor).values_list("token", flat=True)) == set(shown)
    # This session passed the second step with that code: the admin is open.
    assert is_verified_session(client)
    assert client.get(HOME).status_code == 200
    # The account page now offers to manage it, and setup leads there.
    assert f'href="{MANAGE}"' in client.get(reverse("wagtailadmin_account")).content.decode()
    assert client.get(SETUP)["Location"] == MANAGE


# The second step ------------------------------------------------------------------------


def test_with_it_on_the_password_leads_to_the_verify_page_and_nothing_else(client, editor, recovery_codes):
    response = client.post(
        LOGIN, {"username": "redakteurin", "password": PASSWORD, "next": HOME}, REMOTE_ADDR="203.0.113.7", follow=True
    )
    assert response.redirect_chain[-1][0].startswith(VERIFY)
    assert response.templates[0].name == "two_factor/verify.html"
    for url in ADMIN_URLS:
        answer = client.get(url)
        assert answer.status_code == 302, url
        assert answer["Location"].startswith(f"{VERIFY}?next="), url
    assert client.post(reverse("wagtaildocs:add_multiple"), {})["Location"] == VERIFY


def test_wrong_passwords_are_still_throttled_before_the_second_step(client, editor, recovery_codes):
    answers = [
        client.post(LOGIN, {"username": "redakteurin", "password": f"falsch-{n}"}, REMOTE_ADDR="203.0.113.7").status_code
        for n in range(5)
    ]
    assert answers == [200, 200, 200, 200, 429]  # django-axes, as without two-factor login
    assert sign_in(client).status_code == 429


def test_a_wrong_code_is_a_form_error(client, editor, recovery_codes):
    sign_in(client)
    device = authenticator(editor)
    right = code(device)
    wrong = client.post(VERIFY, {"code": f"{(int(right) + 1) % 1_000_000:06d}"})
    assert wrong.status_code == 200 and error_codes(wrong) == ["invalid"]
    wrong_recovery = client.post(VERIFY, {"code": "abcdefgh"})
    assert error_codes(wrong_recovery) == ["invalid"]
    assert client.get(HOME)["Location"].startswith(VERIFY)
    assert "1, 2, 4, 8" in wrong.content.decode()  # the help text says how wrong codes are slowed down


def test_wrong_codes_are_throttled_by_django_otp(client, editor, recovery_codes):
    sign_in(client)
    device = authenticator(editor)
    right = code(device)
    client.post(VERIFY, {"code": f"{(int(right) + 1) % 1_000_000:06d}"})
    # At once after a wrong code even the right one is refused: wait first.
    refused = client.post(VERIFY, {"code": right})
    assert error_codes(refused) == ["throttled"]
    assert not is_verified_session(client)


def test_the_right_code_opens_the_admin(client, editor, recovery_codes):
    sign_in(client)
    target = reverse("wagtailimages:index")
    assert client.get(target)["Location"] == f"{VERIFY}?next={target.replace('/', '%2F')}"
    response = client.post(VERIFY, {"code": code(authenticator(editor)), "next": target})
    assert response.status_code == 302 and response["Location"] == target
    assert is_verified_session(client)
    for url in ADMIN_URLS[:-2]:
        assert client.get(url).status_code == 200, url


def test_a_recovery_code_opens_the_admin_once(client, editor, recovery_codes):
    sign_in(client)
    response = client.post(VERIFY, {"code": recovery_codes[0].upper()})
    assert response.status_code == 302 and response["Location"] == HOME
    assert client.get(HOME).status_code == 200
    assert devices.remaining_recovery_codes(editor) == devices.RECOVERY_CODE_COUNT - 1
    client.post(reverse("wagtailadmin_logout"))
    sign_in(client)
    again = client.post(VERIFY, {"code": recovery_codes[0]})
    assert error_codes(again) == ["invalid"]
    assert client.get(HOME)["Location"].startswith(VERIFY)


def test_logout_works_from_the_verify_page(client, editor, recovery_codes):
    sign_in(client)
    page = client.get(VERIFY).content.decode()
    assert f'action="{reverse("wagtailadmin_logout")}"' in page
    response = client.post(reverse("wagtailadmin_logout"))
    assert response.status_code == 302
    assert "_auth_user_id" not in client.session


def test_between_the_steps_the_session_is_anonymous_outside_the_admin(client, editor, recovery_codes):
    internal = Collection.get_first_root_node().add_child(name="Intern")
    CollectionViewRestriction.objects.create(collection=internal, restriction_type=CollectionViewRestriction.LOGIN)
    document = get_document_model().objects.create(
        title="Intern", file=ContentFile(b"nur intern", name="intern.txt"), collection=internal
    )
    url = reverse("wagtaildocs_serve", args=[document.pk, document.filename])
    sign_in(client)
    assert client.get(url).status_code == 302  # to the login, as for anyone not signed in
    client.post(VERIFY, {"code": code(authenticator(editor))})
    assert client.get(url).status_code == 200


# Turning it off and new recovery codes ---------------------------------------------------


@pytest.fixture
def verified_client(client, editor, recovery_codes):
    sign_in(client)
    client.post(VERIFY, {"code": code(authenticator(editor))})
    assert is_verified_session(client)
    return client


def test_turning_it_off_needs_a_current_code(verified_client, editor):
    assert verified_client.get(MANAGE).status_code == 200
    refused = verified_client.post(MANAGE, {"action": "turn-off", "code": ""})
    assert refused.status_code == 200 and "code" in refused.context["form"].errors
    wrong = verified_client.post(MANAGE, {"action": "turn-off", "code": "abcdefgh"})
    assert error_codes(wrong) == ["invalid"]
    assert devices.is_enabled(editor)

    response = verified_client.post(MANAGE, {"action": "turn-off", "code": code(authenticator(editor))})
    assert response.status_code == 302 and response["Location"] == reverse("wagtailadmin_account")
    assert not devices.is_enabled(editor)
    assert not TOTPDevice.objects.filter(user=editor).exists()
    assert devices.remaining_recovery_codes(editor) == 0
    # Signing in again needs the password only.
    verified_client.post(reverse("wagtailadmin_logout"))
    sign_in(verified_client)
    assert verified_client.get(HOME).status_code == 200


def test_new_recovery_codes_replace_the_old_ones(verified_client, editor, recovery_codes):
    response = verified_client.post(MANAGE, {"action": "recovery-codes", "code": code(authenticator(editor))})
    assert response.status_code == 200
    fresh = response.context["codes"]
    assert set(StaticToken.objects.filter(device__user=editor).values_list("token", flat=True)) == set(fresh)
    assert not set(fresh) & set(recovery_codes)
    assert devices.is_enabled(editor)


def test_a_command_turns_it_off_for_someone_who_lost_phone_and_codes(editor, recovery_codes):
    output = io.StringIO()
    call_command("turn_off_two_factor", "redakteurin", stdout=output)
    assert "off" in output.getvalue()
    assert not devices.is_enabled(editor) and devices.remaining_recovery_codes(editor) == 0
    with pytest.raises(CommandError):
        call_command("turn_off_two_factor", "redakteurin")
    with pytest.raises(CommandError):
        call_command("turn_off_two_factor", "niemand")


# Required for superusers ----------------------------------------------------------------


@override_settings(WELCOME_2FA_REQUIRED_FOR_SUPERUSERS=True)
def test_the_setting_sends_superusers_without_it_to_the_setup(client, editor):
    sign_in(client)
    for url in ADMIN_URLS[:-1]:
        answer = client.get(url)
        assert answer.status_code == 302 and answer["Location"].startswith(f"{SETUP}?next="), url
    page = client.get(SETUP)
    assert page.status_code == 200 and page.context["required"]
    pending = TOTPDevice.objects.get(user=editor, confirmed=False)
    assert client.post(SETUP, {"code": code(pending)}).status_code == 200
    assert client.get(HOME).status_code == 200


@override_settings(WELCOME_2FA_REQUIRED_FOR_SUPERUSERS=True)
def test_the_setting_leaves_other_users_free_to_choose(client, editor, db):
    make_user("autorin").groups.add(Group.objects.get(name="Moderators"))
    sign_in(client, "autorin")
    assert client.get(HOME).status_code == 200
    assert f'href="{SETUP}"' in client.get(reverse("wagtailadmin_account")).content.decode()  # offered, not forced


def test_the_pages_speak_german(client, editor, recovery_codes):
    profile = UserProfile.get_for_user(editor)
    profile.preferred_language = "de"
    profile.save()
    sign_in(client)
    assert "Zwei-Faktor-Anmeldung" in client.get(VERIFY).content.decode()
    with translation.override("de"):
        assert translation.gettext("This code is not right.") == "Dieser Code stimmt nicht."
