"""
Draft, unpublished, expired, private and deleted content never appears: not in a root
field, not in search, not through a relation. A hidden item looks exactly like a
missing one.
"""

import datetime

import pytest
from django.utils import timezone
from wagtail.blocks import StreamValue
from wagtail.models import Page, PageViewRestriction

from pages.blocks import GuideBodyBlock
from tests.api.helpers import data
from tests.factories import EventPageFactory, GuidePageFactory, PartnerPageFactory, ServicePageFactory

EVERYTHING = """
query ($id: ID!, $slug: String!) {
  guides { totalCount edges { node { title } } }
  services { totalCount edges { node { title } } }
  partners { totalCount edges { node { title } } }
  events(from: "2026-01-01T00:00:00Z", to: "2026-03-01T00:00:00Z") { totalCount edges { node { event { title } } } }
  search(query: "Geheim") { totalCount edges { node { title } } }
  page(id: $id) { title }
  guide(slug: $slug) { title }
}
"""


def draft(page):
    page.live = False
    page.save()


def unpublish(page):
    page.unpublish()


def expire(page):
    # expired is only set by the scheduled job; expire_at alone must already hide the page.
    page.expire_at = timezone.now() - datetime.timedelta(minutes=1)
    page.save()


def restrict(page):
    PageViewRestriction.objects.create(page=page, restriction_type=PageViewRestriction.PASSWORD, password="x")


def delete(page):
    Page.objects.get(pk=page.pk).delete()


@pytest.fixture
def secret_content(site_tree):
    """One item of each type titled 'Geheim…', inside a partner that holds service and event."""
    guide = GuidePageFactory(parent=site_tree.guides, title="Geheim Ratgeber", slug="geheim")
    partner = PartnerPageFactory(parent=site_tree.partners, title="Geheim Verein")
    ServicePageFactory(parent=partner, title="Geheim Dienst")
    EventPageFactory(
        parent=partner, title="Geheim Treffen",
        start=datetime.datetime(2026, 2, 1, 10, tzinfo=datetime.UTC),
        end=datetime.datetime(2026, 2, 1, 12, tzinfo=datetime.UTC),
    )
    return site_tree, guide, partner


def assert_nothing_visible(client, guide_id):
    result = data(client, EVERYTHING, {"id": str(guide_id), "slug": "geheim"})
    for field in ("guides", "services", "partners", "events", "search"):
        assert result[field] == {"totalCount": 0, "edges": []}, field
    assert result["page"] is None and result["guide"] is None


def test_everything_is_visible_before_hiding(client, secret_content):
    _, guide, _ = secret_content
    result = data(client, EVERYTHING, {"id": str(guide.pk), "slug": "geheim"})
    assert [result[f]["totalCount"] for f in ("guides", "services", "partners", "events", "search")] == [1, 1, 1, 1, 4]
    assert result["page"] == {"title": "Geheim Ratgeber"} and result["guide"] == {"title": "Geheim Ratgeber"}


@pytest.mark.parametrize("hide", [draft, unpublish, expire, restrict, delete])
def test_hidden_items_never_appear(client, secret_content, hide):
    _, guide, partner = secret_content
    hide(guide)
    hide(partner)  # hides its service and event too: they are below it
    assert_nothing_visible(client, guide.pk)


@pytest.mark.parametrize("hide", [unpublish, expire, restrict])
def test_hidden_ancestor_hides_the_subtree(client, secret_content, hide):
    tree, guide, _ = secret_content
    hide(Page.objects.get(pk=tree.guides.pk))
    hide(Page.objects.get(pk=tree.partners.pk))
    assert_nothing_visible(client, guide.pk)


def test_pages_outside_the_site_never_appear(client, secret_content):
    tree, guide, _ = secret_content
    other_home = Page.get_first_root_node().add_child(instance=Page(title="Andere Seite", slug="andere"))
    guide.move(other_home, pos="last-child")
    result = data(client, EVERYTHING, {"id": str(guide.pk), "slug": "geheim"})
    assert result["guides"]["totalCount"] == 0 and result["page"] is None


CALL_OUT = """
query ($slug: String!) {
  guide(slug: $slug) { body { __typename ... on CallOutBlock { target { title } } } }
}
"""


@pytest.mark.parametrize("hide", [draft, unpublish, restrict, delete])
def test_call_out_to_a_hidden_service_is_dropped(client, site_tree, hide):
    partner = PartnerPageFactory(parent=site_tree.partners, title="Verein")
    public_service = ServicePageFactory(parent=partner, title="Offen")
    secret_service = ServicePageFactory(parent=partner, title="Geheim Dienst")
    guide = GuidePageFactory(parent=site_tree.guides, slug="mit-hinweis")
    guide.body = StreamValue(
        GuideBodyBlock(),
        [("call_out", {"target": public_service, "text": ""}), ("call_out", {"target": secret_service, "text": ""})],
        is_lazy=False,
    )
    guide.save_revision().publish()
    hide(secret_service)
    body = data(client, CALL_OUT, {"slug": "mit-hinweis"})["guide"]["body"]
    assert body == [{"__typename": "CallOutBlock", "target": {"title": "Offen"}}]


def test_unpublished_organiser_is_not_shown_through_an_event(client, site_tree):
    organiser = PartnerPageFactory(parent=site_tree.partners, title="Geheim Verein")
    EventPageFactory(
        parent=site_tree.events, title="Fest", organiser=organiser,
        start=datetime.datetime(2026, 2, 1, 10, tzinfo=datetime.UTC),
        end=datetime.datetime(2026, 2, 1, 12, tzinfo=datetime.UTC),
    )
    query = """{ events(from: "2026-01-01T00:00:00Z", to: "2026-03-01T00:00:00Z") {
        edges { node { event { title organiser { title } } } } } }"""
    assert data(client, query)["events"]["edges"][0]["node"]["event"]["organiser"] == {"title": "Geheim Verein"}
    organiser.unpublish()
    assert data(client, query)["events"]["edges"][0]["node"]["event"] == {"title": "Fest", "organiser": None}


def test_unpublished_provider_hides_its_services_and_partner_lists_skip_draft_services(client, site_tree):
    partner = PartnerPageFactory(parent=site_tree.partners, title="Verein")
    ServicePageFactory(parent=partner, title="Offen")
    draft(ServicePageFactory(parent=partner, title="Entwurf"))
    query = "{ partners { edges { node { services { title } } } } }"
    assert data(client, query)["partners"]["edges"][0]["node"]["services"] == [{"title": "Offen"}]
