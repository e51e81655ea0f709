"""
Privacy across translations and links: a view restriction covers every translation of
a page, made before or after it, in every root field, relation, search and feed; rich
text and document blocks never reveal the address or title of what the public cannot
see; an unpublished partner's feed is missing.
"""

import datetime

import pytest
from django.core.files.base import ContentFile
from wagtail.blocks import StreamValue
from wagtail.documents import get_document_model
from wagtail.models import Collection, CollectionViewRestriction, PageViewRestriction

from pages.blocks import GuideBodyBlock
from tests.api.helpers import data, translate
from tests.factories import EventPageFactory, GuidePageFactory, PartnerPageFactory, PlaceFactory, ServicePageFactory

ARABIC = """query ($id: ID!, $ar: ID!) {
  guides(locale: "ar") { totalCount }
  services(locale: "ar") { totalCount }
  guide(id: $id, locale: "ar") { title }
  page(id: $ar, locale: "ar") { title }
  search(query: "Geheim", locale: "ar") { totalCount }
  partners(locale: "ar") { edges { node { services { title } } } }
}"""


@pytest.fixture
def translated(site_tree):
    guide = GuidePageFactory(parent=site_tree.guides, title="Geheim Ratgeber")
    arabic_guide = translate(guide, "ar", title="Geheim دليل")
    partner = PartnerPageFactory(parent=site_tree.partners, title="Verein", slug="verein")
    service = ServicePageFactory(parent=partner, title="Geheim Dienst")
    translate(partner, "ar", title="جمعية")
    translate(service, "ar", title="Geheim خدمة")
    EventPageFactory(
        parent=service.get_parent(), title="Treffen", place=PlaceFactory(),
        start=datetime.datetime(2026, 2, 1, 10, tzinfo=datetime.UTC), end=datetime.datetime(2026, 2, 1, 12, tzinfo=datetime.UTC),
    )
    return guide, arabic_guide, service


def arabic(client, guide, arabic_guide):
    return data(client, ARABIC, {"id": str(guide.pk), "ar": str(arabic_guide.pk)})


def test_a_restriction_set_after_translating_hides_every_translation(client, translated):
    guide, arabic_guide, service = translated
    before = arabic(client, guide, arabic_guide)
    assert before["guide"] == {"title": "Geheim دليل"} and before["services"]["totalCount"] == 1
    assert before["search"]["totalCount"] >= 2

    for page in (guide, service):
        PageViewRestriction.objects.create(page=page, restriction_type=PageViewRestriction.LOGIN)
    after = arabic(client, guide, arabic_guide)
    assert after == {
        "guides": {"totalCount": 0},
        "services": {"totalCount": 0},
        "guide": None,
        "page": None,
        "search": {"totalCount": 0},
        "partners": {"edges": [{"node": {"services": []}}]},
    }


def test_a_restriction_on_a_translation_hides_the_source_too(client, translated):
    guide, arabic_guide, _ = translated
    PageViewRestriction.objects.create(page=arabic_guide, restriction_type=PageViewRestriction.PASSWORD, password="x")
    assert data(client, '{ guides { totalCount } }')["guides"]["totalCount"] == 0


def test_a_restricted_partner_has_no_feed_in_any_language(client, translated):
    _, _, service = translated
    partner = service.get_parent()
    assert client.get("/feeds/events/partner/verein.ics?locale=ar").status_code == 200
    PageViewRestriction.objects.create(page=partner, restriction_type=PageViewRestriction.LOGIN)
    assert client.get("/feeds/events/partner/verein.ics?locale=ar").status_code == 404
    assert client.get("/feeds/events/partner/verein.ics").status_code == 404


@pytest.mark.parametrize("translated_first", [False, True])
def test_an_unpublished_partner_has_no_feed(client, site_tree, translated_first):
    partner = PartnerPageFactory(parent=site_tree.partners, slug="weg")
    EventPageFactory(parent=partner, place=PlaceFactory())
    if translated_first:
        # Its Arabic translation stays live: the German feed must not fall back to it.
        translate(partner, "ar", title="جمعية")
    assert client.get("/feeds/events/partner/weg.ics").status_code == 200
    partner.unpublish()
    response = client.get("/feeds/events/partner/weg.ics")
    assert response.status_code == 404
    assert b"VEVENT" not in response.content


def private_document(title="Interne Liste"):
    root = Collection.get_first_root_node()
    private = root.add_child(name="Intern")
    CollectionViewRestriction.objects.create(collection=private, restriction_type=CollectionViewRestriction.LOGIN)
    document = get_document_model()(title=title, collection=private)
    document.file.save("intern.pdf", ContentFile(b"%PDF-1.4"), save=True)
    return document


def public_document():
    document = get_document_model()(title="Merkblatt")
    document.file.save("merkblatt.pdf", ContentFile(b"%PDF-1.4"), save=True)
    return document


SERVICE = 'query ($id: ID!) { service(id: $id) { description } }'


def test_rich_text_links_to_hidden_pages_and_private_documents_keep_only_their_text(client, site_tree):
    draft = GuidePageFactory(parent=site_tree.guides, title="Geheimer Entwurf", slug="geheimer-entwurf", live=False)
    shown = GuidePageFactory(parent=site_tree.guides, title="Öffentlich", slug="oeffentlich")
    secret, open_document = private_document(), public_document()
    partner = PartnerPageFactory(parent=site_tree.partners)
    service = ServicePageFactory(
        parent=partner,
        description=(
            f'<p><a linktype="page" id="{draft.pk}">Mehr dazu</a>, '
            f'<a linktype="page" id="{shown.pk}">Ratgeber</a>, '
            f'<a linktype="document" id="{secret.pk}">Liste</a>, '
            f'<a linktype="document" id="{open_document.pk}">Merkblatt</a>, '
            f'<a href="https://example.org/">extern</a></p>'
        ),
    )
    html = data(client, SERVICE, {"id": str(service.pk)})["service"]["description"]
    assert "Mehr dazu" in html and "Liste" in html
    assert "geheimer-entwurf" not in html and "intern" not in html and "Geheimer" not in html
    assert html.count("<a ") == 3
    assert "oeffentlich" in html and "merkblatt" in html and "https://example.org/" in html


def test_document_blocks_of_private_collections_are_dropped(client, site_tree):
    secret, open_document = private_document(), public_document()
    body = StreamValue(
        GuideBodyBlock(),
        [("document", {"document": secret, "title": ""}), ("document", {"document": open_document, "title": ""})],
    )
    guide = GuidePageFactory(parent=site_tree.guides, body=body)
    result = data(client, 'query ($id: ID!) { guide(id: $id) { body { ... on DocumentBlock { title url } } } }', {"id": str(guide.pk)})
    assert [block["title"] for block in result["guide"]["body"]] == ["Merkblatt"]


def test_guide_bodies_in_mixed_search_results_are_filtered_too(client, site_tree):
    draft = GuidePageFactory(parent=site_tree.guides, title="Entwurf", slug="entwurf-geheim", live=False)
    body = StreamValue(GuideBodyBlock(), [("paragraph", f'<p>Wohnen: <a linktype="page" id="{draft.pk}">hier</a></p>')])
    GuidePageFactory(parent=site_tree.guides, title="Wohnen", body=body)
    EventPageFactory(parent=site_tree.events, title="Wohnen im Gespräch", place=PlaceFactory())
    result = data(
        client,
        '{ search(query: "Wohnen") { edges { node { __typename ... on Guide { body { ... on ParagraphBlock { html } } } } } } }',
    )
    kinds = sorted(edge["node"]["__typename"] for edge in result["search"]["edges"])
    assert kinds == ["Event", "Guide"]
    (guide,) = [edge["node"] for edge in result["search"]["edges"] if edge["node"]["__typename"] == "Guide"]
    assert guide["body"][0]["html"] == "<p>Wohnen: hier</p>"
