"""Every page type renders for "view live" and the editors' preview (no 500 for a headless CMS)."""

import pytest
from django.test import RequestFactory
from wagtail.blocks import StreamValue
from wagtail.models import Locale

from tests.factories import EventPageFactory, GuidePageFactory, PartnerPageFactory, ServicePageFactory


@pytest.fixture
def pages(site_tree):
    guide = GuidePageFactory(parent=site_tree.guides, title="Anmeldung")
    guide.body = StreamValue(
        guide.body.stream_block,
        [("heading", {"text": "Schritt für Schritt", "level": "h2"}), ("checklist", {"title": "", "items": ["Pass"]})],
    )
    guide.save_revision().publish()
    partner = PartnerPageFactory(parent=site_tree.partners, title="Flüchtlingsrat")
    return [
        site_tree.home,
        site_tree.guides,
        site_tree.events,
        site_tree.partners,
        guide,
        partner,
        ServicePageFactory(parent=partner, title="Asylberatung"),
        EventPageFactory(parent=site_tree.events, title="Sprachcafé"),
    ]


def test_every_page_type_is_served_with_the_plain_template(client, pages):
    home, *below = pages
    # The home page's address is the website's root, which leads to the reader's language.
    assert home.url == "/" and client.get("/")["Location"] == "/de/"
    for page in below:
        response = client.get(page.url)
        assert response.status_code == 200, page
        assert f"<h1>{page.title}</h1>" in response.content.decode()
    assert f"<h1>{home.title}</h1>" in home.serve(RequestFactory().get("/")).render().content.decode()
    guide_html = client.get(pages[4].url).content.decode()
    assert "Schritt für Schritt" in guide_html
    assert "Pass" in guide_html


def test_the_plain_template_sets_the_text_direction_of_the_page_locale(rf, pages):
    guide = pages[4]
    arabic = guide.copy_for_translation(Locale.objects.get(language_code="ar"), copy_parents=True)
    response = arabic.serve(rf.get("/"))
    response.render()
    assert 'dir="rtl"' in response.content.decode()
    assert 'dir="ltr"' in guide.serve(rf.get("/")).render().content.decode()
