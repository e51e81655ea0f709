"""
A partner's staff cannot see other partners' drafts: not in the explorer, the admin's
search, the page chooser, the revisions, comparisons, previews and history of other
partners' pages, the "awaiting review" panel, Wagtail's reports, the freshness dashboard
or the offers' moderation queue.
"""

import pytest
from django.urls import reverse

from directory.staff import invitations
from offers.choices import Status
from tests.factories import ServicePageFactory
from tests.offers.people import listing, submitter

SECRET = "Geheimer Entwurf"
SECRET_REVISION = "Neuer Titel im Entwurf"
PASSWORD = "Sommer-Fest-2026!"


@pytest.fixture
def staff(partner, publisher):
    invitation = invitations.invite(partner, "lena@bruecke.example", "Lena", "en", invited_by=publisher)
    return invitations.accept(invitation, PASSWORD)


@pytest.fixture
def other_staff(other_partner, publisher):
    invitation = invitations.invite(other_partner, "omar@kulturen.example", "Omar", "en", invited_by=publisher)
    return invitations.accept(invitation, PASSWORD)


@pytest.fixture
def drafts(other_partner, other_staff):
    """Another partner's never published service, and a live one with a draft in review."""
    unpublished = ServicePageFactory(parent=other_partner, title=SECRET, slug="geheim", live=False)
    unpublished.save_revision(user=other_staff)
    live = ServicePageFactory(parent=other_partner, title="Beratung", slug="beratung")
    live.title = SECRET_REVISION
    revision = live.save_revision(user=other_staff)
    live.get_workflow().start(live, other_staff)
    return unpublished, live, revision


@pytest.fixture
def staff_client(client, staff):
    client.force_login(staff)
    return client


def hidden(response):
    text = response.content.decode()
    return SECRET not in text and SECRET_REVISION not in text


def test_the_explorer_shows_only_their_partner(staff_client, partner, other_partner, drafts, site_tree):
    index = staff_client.get(reverse("wagtailadmin_explore", args=[site_tree.partners.pk]))
    assert index["Location"] == reverse("wagtailadmin_explore", args=[partner.pk])  # their partner is their root
    own = staff_client.get(index["Location"]).content.decode()
    assert "Sozialberatung" in own and other_partner.title not in own
    other = staff_client.get(reverse("wagtailadmin_explore", args=[other_partner.pk]), follow=True)
    assert other.redirect_chain[-1][0] == reverse("wagtailadmin_explore", args=[partner.pk]) and hidden(other)


def test_the_admin_search_finds_only_their_pages(staff_client, drafts, partner):
    for query in ("Geheimer", "Neuer Titel", "Beratung"):
        response = staff_client.get(reverse("wagtailadmin_pages:search_results"), {"q": query})
        assert response.status_code == 200
        assert hidden(response)
    own = staff_client.get(reverse("wagtailadmin_pages:search_results"), {"q": "Sozialberatung"})
    assert "Sozialberatung" in own.content.decode()


def test_the_page_chooser_lists_no_draft_of_another_partner(staff_client, drafts, other_partner, partner):
    ServicePageFactory(parent=other_partner, title="Sprachkurs", slug="sprachkurs")
    browse = staff_client.get(reverse("wagtailadmin_choose_page_child", args=[other_partner.pk]))
    assert browse.status_code == 200
    assert hidden(browse)
    assert "Sprachkurs" in browse.content.decode()  # a live page without a draft may be linked to
    for query, found in [("Geheimer", False), ("Neuer", False), ("Sprachkurs", True)]:
        search = staff_client.get(reverse("wagtailadmin_choose_page_search"), {"q": query})
        assert search.status_code == 200 and hidden(search)
        assert ("Sprachkurs" in search.content.decode()) is found
    own_draft = ServicePageFactory(parent=partner, title="Unser Entwurf", slug="unser-entwurf", live=False)
    own = staff_client.get(reverse("wagtailadmin_choose_page_child", args=[partner.pk]))
    assert own_draft.title in own.content.decode()


def test_the_editorial_team_still_chooses_every_page(publisher_client, drafts, other_partner):
    browse = publisher_client.get(reverse("wagtailadmin_choose_page_child", args=[other_partner.pk])).content.decode()
    assert SECRET in browse and SECRET_REVISION in browse


def test_revisions_compare_preview_and_history_of_another_partner_are_closed(staff_client, drafts):
    unpublished, live, revision = drafts
    urls = [
        reverse("wagtailadmin_pages:edit", args=[live.pk]),
        reverse("wagtailadmin_pages:edit", args=[unpublished.pk]),
        reverse("wagtailadmin_pages:revisions_index", args=[live.pk]),
        reverse("wagtailadmin_pages:revisions_view", args=[live.pk, revision.pk]),
        reverse("wagtailadmin_pages:revisions_compare", args=[live.pk, "live", revision.pk]),
        reverse("wagtailadmin_pages:view_draft", args=[live.pk]),
        reverse("wagtailadmin_pages:view_draft", args=[unpublished.pk]),
        reverse("wagtailadmin_pages:preview_on_edit", args=[live.pk]),
        reverse("wagtailadmin_pages:history", args=[live.pk]),
        reverse("wagtailadmin_pages:workflow_history", args=[live.pk]),
        reverse("wagtailadmin_pages:workflow_preview", args=[live.pk, live.current_workflow_task.pk]),
        reverse("wagtailadmin_pages:usage", args=[unpublished.pk]),
    ]
    for url in urls:
        response = staff_client.get(url, follow=True)
        assert hidden(response), url
        landed = response.redirect_chain[-1][0] if response.redirect_chain else url
        assert response.status_code in (403, 404) or landed in (reverse("wagtailadmin_home"), "/admin/"), url


def test_a_draft_can_be_previewed_by_posting_to_another_partners_page_neither(staff_client, drafts):
    _unpublished, live, _revision = drafts
    response = staff_client.post(reverse("wagtailadmin_pages:preview_on_edit", args=[live.pk]), {"title": "x"})
    assert response.status_code in (302, 403, 404)


def test_the_dashboard_shows_no_other_partners_review(staff_client, drafts):
    dashboard = staff_client.get(reverse("wagtailadmin_home"))
    assert dashboard.status_code == 200
    assert hidden(dashboard)


@pytest.mark.parametrize(
    "name", ["locked_pages", "workflow", "workflow_tasks", "site_history", "aging_pages", "page_types_usage"]
)
def test_reports_show_nothing_of_another_partner(staff_client, drafts, name):
    response = staff_client.get(reverse(f"wagtailadmin_reports:{name}"), follow=True)
    assert response.status_code in (200, 403), name
    assert hidden(response), name


def test_the_page_types_report_is_for_the_editorial_team(staff_client, publisher_client_of, drafts):
    url = reverse("wagtailadmin_reports:page_types_usage")
    assert staff_client.get(url)["Location"] == reverse("wagtailadmin_home")
    assert staff_client.get(reverse("wagtailadmin_reports:page_types_usage_results"))["Location"] == reverse("wagtailadmin_home")
    assert url not in staff_client.get(reverse("wagtailadmin_home")).content.decode()  # nor in the menu
    editorial = publisher_client_of()
    assert SECRET_REVISION in editorial.get(url).content.decode()  # the report itself still works


@pytest.fixture
def publisher_client_of(publisher):
    def make():
        from django.test import Client

        client = Client()
        client.force_login(publisher)
        return client

    return make


def test_the_freshness_dashboard_is_closed_to_partner_staff(staff_client, drafts):
    response = staff_client.get(reverse("freshness:dashboard"))
    assert response.status_code in (302, 403)
    assert hidden(response)


def test_the_offers_queue_holds_only_their_partners_listings(staff_client, partner, other_partner):
    owner = submitter()
    own = listing(owner, status=Status.PENDING, partner=partner, title="Fahrrad für Brücke")
    other = listing(owner, status=Status.PENDING, partner=other_partner, title="Sofa für Kulturen")

    queue = staff_client.get(reverse("moderation:queue")).content.decode()

    assert own.title in queue and other.title not in queue
    assert staff_client.get(reverse("moderation:detail", args=[other.pk])).status_code in (302, 403, 404)


def test_their_own_pages_editor_names_no_other_account_or_group_and_keeps_the_owner(
    staff_client, partner, other_staff, publisher
):
    """The review panel's owner and team lists named every account (e-mail user names) and group."""
    partner.content_owner = publisher
    partner.save_revision().publish()
    page = staff_client.get(reverse("wagtailadmin_pages:edit", args=[partner.pk])).content.decode()
    assert "omar@kulturen.example" not in page and "Partner: Haus der Kulturen" not in page
    assert "Editorial lead" not in page

    # A changed owner in a staff member's post is ignored: it stays the editorial team's choice.

    service = partner.get_children().get(slug="sozialberatung").specific
    form = staff_client.get(reverse("wagtailadmin_pages:edit", args=[service.pk])).context["form"]
    assert form.fields["content_owner"].disabled and list(form.fields["content_owner"].queryset) == list(
        form.fields["content_owner"].queryset.model.objects.filter(pk=service.content_owner_id)
    )


def test_the_editorial_team_chooses_any_owner(publisher_client, partner, other_staff):
    form = publisher_client.get(reverse("wagtailadmin_pages:edit", args=[partner.pk])).context["form"]
    assert not form.fields["content_owner"].disabled
    assert form.fields["content_owner"].queryset.filter(pk=other_staff.pk).exists()
