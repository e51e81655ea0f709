"""
Inviting a partner's staff: the group, collection and permissions made once, the e-mail
over SMTP with its one-time link, resending, expiry, revoking, and the password page.
"""

import time

import pytest
from django.core import signing
from django.contrib.auth import get_user_model
from django.contrib.auth.backends import ModelBackend
from django.contrib.auth.models import Group
from django.urls import reverse
from wagtail.models import Collection, GroupCollectionPermission, GroupPagePermission, WorkflowPage

from directory.models import PartnerTeam, StaffInvitation
from directory.staff import invitations, teams
from tests.partner_staff.conftest import invite

EMAIL = "lena@bruecke.example"
STRONG = "Sommer-Fest-2026!"


def link_of(received):
    (link,) = [link for link in received.links() if "/admin/welcome/" in link]
    return link.split("testserver", 1)[-1].removeprefix("http://127.0.0.1:8000")


def test_an_invitation_makes_the_group_once_with_edit_but_no_publish(publisher_client, partner, smtp_server):
    response = invite(publisher_client, partner)
    assert response.status_code == 302
    invite(publisher_client, partner, email="jan@bruecke.example", name="Jan")

    team = PartnerTeam.objects.get(partner=partner)
    assert Group.objects.filter(name="Partner: Verein Brücke").count() == 1
    assert team.group.name == "Partner: Verein Brücke"
    page_rules = GroupPagePermission.objects.filter(group=team.group)
    assert {(rule.page_id, rule.permission.codename) for rule in page_rules} == {
        (partner.pk, "add_page"),
        (partner.pk, "change_page"),
    }
    assert team.collection.name == "Partner: Verein Brücke"
    assert team.collection.get_parent() == Collection.get_first_root_node()
    assert set(
        GroupCollectionPermission.objects.filter(group=team.group).values_list("permission__codename", flat=True)
    ) == {"add_image", "change_image", "choose_image", "add_document", "change_document", "choose_document"}
    assert set(team.group.permissions.values_list("codename", flat=True)) == {"access_admin"}

    user = get_user_model().objects.get(email=EMAIL)
    assert not user.is_active and not user.has_usable_password()
    assert user.groups.get() == team.group
    assert (user.first_name, user.last_name) == ("Lena", "Vogel")
    assert not partner.permissions_for_user(user).can_edit()  # not before the password is set
    user.is_active = True
    for page in [partner, *partner.get_descendants()]:
        assert page.permissions_for_user(user).can_edit()
        assert not page.permissions_for_user(user).can_publish()
    assert StaffInvitation.objects.filter(team=team).count() == 2


def test_the_invitation_arrives_over_smtp_with_a_link_to_set_the_password(publisher_client, partner, smtp_server, client):
    invite(publisher_client, partner)

    (received,) = smtp_server.to(EMAIL)
    assert "Verein Brücke" in received.subject
    assert "7 days" in received.text and EMAIL in received.text  # the user name is the address
    link = link_of(received)
    publisher_client.logout()

    page = client.get(link)
    assert page.status_code == 200
    assert b"Set your password" in page.content


def test_setting_the_password_activates_logs_in_and_lands_on_the_partner(client, publisher, partner, smtp_server):
    invitation = invitations.invite(partner, EMAIL, "Lena", "en", invited_by=publisher)
    link = reverse("partner_staff_welcome", args=[invitations.make_token(invitation)])

    response = client.post(link, {"new_password1": STRONG, "new_password2": STRONG})

    assert response.status_code == 302
    assert response["Location"] == reverse("wagtailadmin_explore", args=[partner.pk])
    invitation.refresh_from_db()
    assert invitation.accepted_at is not None
    user = invitation.user
    user.refresh_from_db()
    assert user.is_active and user.check_password(STRONG)
    assert client.get(response["Location"]).status_code == 200  # logged in, in the admin

    client.logout()
    used = client.get(link)
    assert used.status_code == 404
    assert b"already been used" in used.content


@pytest.mark.parametrize(
    ("first", "second", "message"),
    [
        ("Sommer-Fest-2026!", "Sommer-Fest-2027!", b"didn"),  # Django: "The two password fields didn’t match."
        ("12345678901", "12345678901", b"entirely numeric"),
        ("lena", "lena", b"too short"),
    ],
)
def test_a_weak_or_mistyped_password_is_a_form_error(client, publisher, partner, first, second, message, settings):
    settings.LANGUAGE_CODE = "en"
    invitation = invitations.invite(partner, EMAIL, "Lena", "en", invited_by=publisher)
    link = reverse("partner_staff_welcome", args=[invitations.make_token(invitation)])

    response = client.post(link, {"new_password1": first, "new_password2": second}, HTTP_ACCEPT_LANGUAGE="en")

    assert response.status_code == 200
    assert message in response.content
    invitation.user.refresh_from_db()
    assert not invitation.user.is_active and not invitation.user.has_usable_password()


class SignedLongAgo(signing.TimestampSigner):
    """Signs as if the clock read ``days`` days and a minute earlier."""

    def __init__(self, days, **kwargs):
        super().__init__(**kwargs)
        self.days = days

    def timestamp(self):
        return signing.b62_encode(int(time.time()) - self.days * 86400 - 60)


def test_an_expired_link_shows_a_clear_page(client, publisher, partner, settings):
    invitation = invitations.invite(partner, EMAIL, "Lena", "en", invited_by=publisher)
    signer = SignedLongAgo(settings.PARTNER_INVITATION_DAYS, salt=invitations.SALT)
    token = signer.sign_object({"i": invitation.pk, "c": invitations._check(invitation)})
    link = reverse("partner_staff_welcome", args=[token])
    fresh = reverse("partner_staff_welcome", args=[invitations.make_token(invitation)])

    response = client.get(link, HTTP_ACCEPT_LANGUAGE="en")

    assert response.status_code == 410
    assert b"expired" in response.content
    assert client.post(link, {"new_password1": STRONG, "new_password2": STRONG}).status_code == 410
    invitation.user.refresh_from_db()
    assert not invitation.user.is_active
    assert client.get(fresh).status_code == 200  # the same invitation, signed now, is still good


def test_a_forged_link_is_refused(client, db):
    response = client.get(reverse("partner_staff_welcome", args=["not-a-token"]), HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 404
    assert b"not valid" in response.content


def test_resending_sends_a_new_link_and_the_old_one_stops_working(publisher_client, partner, smtp_server, client):
    invite(publisher_client, partner)
    invitation = StaffInvitation.objects.get(user__email=EMAIL)

    response = publisher_client.post(reverse("partner_staff:resend", args=[invitation.pk]))

    assert response.status_code == 302
    first, second = smtp_server.to(EMAIL)
    assert link_of(first) != link_of(second)
    assert client.get(link_of(first)).status_code == 404
    assert client.get(link_of(second)).status_code == 200
    assert StaffInvitation.objects.filter(user__email=EMAIL).count() == 1
    assert get_user_model().objects.filter(email=EMAIL).count() == 1


def test_inviting_the_same_address_again_resends(publisher_client, partner, smtp_server):
    invite(publisher_client, partner)
    invite(publisher_client, partner, email=EMAIL.upper())

    assert len(smtp_server.to(EMAIL)) == 2
    assert get_user_model().objects.filter(email__iexact=EMAIL).count() == 1


def test_revoking_deactivates_and_takes_away_the_group(publisher_client, publisher, partner, client):
    invitation = invitations.invite(partner, EMAIL, "Lena", "en", invited_by=publisher)
    invitations.accept(invitation, STRONG)

    response = publisher_client.post(reverse("partner_staff:revoke", args=[invitation.pk]))

    assert response.status_code == 302
    user = get_user_model().objects.get(email=EMAIL)
    assert not user.is_active and not user.groups.exists()
    assert not partner.permissions_for_user(user).can_edit()
    assert ModelBackend().authenticate(None, username=EMAIL, password=STRONG) is None
    listing = publisher_client.get(reverse("partner_staff:staff", args=[partner.pk]))
    assert b"revoked" in listing.content


def test_a_revoked_link_shows_a_clear_page(client, publisher, partner):
    invitation = invitations.invite(partner, EMAIL, "Lena", "en", invited_by=publisher)
    link = reverse("partner_staff_welcome", args=[invitations.make_token(invitation)])
    invitations.revoke(invitation)

    response = client.get(link, HTTP_ACCEPT_LANGUAGE="en")

    assert response.status_code == 404
    assert b"withdrawn" in response.content


def test_editors_see_who_was_invited_and_when(publisher_client, partner, smtp_server):
    invite(publisher_client, partner)

    page = publisher_client.get(reverse("partner_staff:staff", args=[partner.pk]))

    assert page.status_code == 200
    assert EMAIL.encode() in page.content and b"invited" in page.content
    assert b"redaktion" in page.content  # who invited


def test_an_existing_account_cannot_be_taken_over_by_an_invitation(publisher_client, partner, contributor):
    response = invite(publisher_client, partner, email=contributor.email)

    assert response.status_code == 200
    assert b"exists already" in response.content
    contributor.refresh_from_db()
    assert contributor.is_active and not contributor.groups.filter(name__startswith="Partner:").exists()


def test_only_who_may_publish_the_partner_may_invite(contributor_client, partner):
    # Wagtail's answer to a PermissionDenied in the admin: back to the dashboard, with a message.
    assert invite(contributor_client, partner)["Location"] == reverse("wagtailadmin_home")
    assert contributor_client.get(reverse("partner_staff:staff", args=[partner.pk]))["Location"] == reverse("wagtailadmin_home")
    assert not StaffInvitation.objects.exists()


def test_the_partner_page_header_offers_invite_staff_to_editors(publisher_client, partner):
    page = publisher_client.get(reverse("wagtailadmin_pages:edit", args=[partner.pk])).content.decode()
    assert reverse("partner_staff:staff", args=[partner.pk]) in page


def test_but_not_to_who_may_not_publish(contributor_client, partner):
    page = contributor_client.get(reverse("wagtailadmin_pages:edit", args=[partner.pk])).content.decode()
    assert reverse("partner_staff:staff", args=[partner.pk]) not in page


def test_a_workflow_is_made_when_none_covers_the_partner(partner):
    WorkflowPage.objects.all().delete()
    assert partner.get_workflow() is None

    team = teams.team_for(partner)

    partner.refresh_from_db()
    workflow = partner.get_workflow()
    assert workflow.name == teams.WORKFLOW_NAME and workflow.active
    (task,) = workflow.tasks.specific()
    assert list(task.groups.values_list("name", flat=True)) == ["Moderators"]
    assert team == teams.team_for(partner)  # idempotent
    assert PartnerTeam.objects.count() == 1


def test_the_default_workflow_is_kept_when_it_covers_the_partner(partner):
    before = partner.get_workflow()
    teams.team_for(partner)
    assert partner.get_workflow() == before
    assert not WorkflowPage.objects.filter(page=partner).exists()


def test_inviting_a_revoked_person_again_starts_afresh(publisher, partner, client, smtp_server):
    invitation = invitations.invite(partner, EMAIL, "Lena", "en", invited_by=publisher)
    invitations.accept(invitation, STRONG)
    invitations.revoke(invitation)

    again = invitations.invite(partner, EMAIL, "", "en", invited_by=publisher)

    assert again.pk == invitation.pk and again.revoked_at is None and again.accepted_at is None
    user = again.user
    user.refresh_from_db()
    assert not user.is_active and not user.has_usable_password()  # the old password is gone
    assert user.groups.filter(pk=again.team.group_id).exists()
    link = reverse("partner_staff_welcome", args=[invitations.make_token(again)])
    assert client.post(link, {"new_password1": STRONG, "new_password2": STRONG}).status_code == 302


def test_an_active_person_is_not_invited_again(publisher, partner):
    invitation = invitations.invite(partner, EMAIL, "Lena", "en", invited_by=publisher)
    invitations.accept(invitation, STRONG)

    with pytest.raises(invitations.InvitationError):
        invitations.invite(partner, EMAIL, "", "en", invited_by=publisher)
    invitation.user.refresh_from_db()
    assert invitation.user.check_password(STRONG)


def test_the_admin_opens_in_the_language_chosen_for_the_invitation(publisher_client, partner, smtp_server):
    invite(publisher_client, partner, language="de")

    profile = get_user_model().objects.get(email=EMAIL).wagtail_userprofile
    assert profile.preferred_language == "de"
