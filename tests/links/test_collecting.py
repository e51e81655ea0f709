"""The collector finds the addresses of live content wherever they are, and keeps one row per address."""

from freshness.choices import LinkKind
from freshness.links import collect
from freshness.models import CheckedLink, LinkUse
from tests.factories import GuidePageFactory
from tests.links.content import document, guide_with_links, partner_with_service_and_event


def test_links_in_rich_text_stream_blocks_and_url_fields_are_found_with_their_pages(site_tree):
    handout = document()
    guide = guide_with_links(
        site_tree.guides, rich_link="https://www.leipzig.de/", block_link="https://www.bamf.de/", handout=handout
    )
    partner, service, event = partner_with_service_and_event(
        site_tree.partners, website="https://verein.example/", contact="https://verein.example/termin",
        registration="https://verein.example/anmeldung",
    )

    found = collect.found()

    assert found == {
        "https://www.leipzig.de/": {(guide.pk, "body")},
        "https://www.bamf.de/": {(guide.pk, "body")},
        collect.DocumentRef(handout.pk): {(guide.pk, "body")},
        "https://verein.example/": {(partner.pk, "website"), (partner.pk, "about")},
        "https://verein.example/termin": {(service.pk, "contact_url")},
        "https://verein.example/anmeldung": {(event.pk, "registration_url"), (event.pk, "online_url")},
    }


def test_drafts_that_readers_cannot_see_are_not_checked(site_tree):
    GuidePageFactory(parent=site_tree.guides, live=False, body=[("external_link", {"url": "https://draft.example/", "title": "x"})])
    assert collect.found() == {}


def test_recording_keeps_one_row_per_address_and_forgets_unused_ones(site_tree):
    handout = document()
    guide = guide_with_links(
        site_tree.guides, rich_link="https://www.leipzig.de/", block_link="https://www.bamf.de/", handout=handout
    )
    collect.record(collect.found())
    assert CheckedLink.objects.count() == 3
    assert CheckedLink.objects.get(kind=LinkKind.DOCUMENT).document == handout
    assert list(LinkUse.objects.filter(link__url="https://www.leipzig.de/").values_list("page", "field")) == [
        (guide.pk, "body")
    ]

    guide.body = [("external_link", {"url": "https://www.bamf.de/", "title": "BAMF"})]
    guide.save()
    collect.record(collect.found())
    assert list(CheckedLink.objects.values_list("url", flat=True)) == ["https://www.bamf.de/"]
