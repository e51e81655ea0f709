"""What a new editor saw wrong in the admin's screens (issue 15): each fixed and kept so."""

import json
import re

import pytest

from embed.models import ApiKey
from tests.factories import GuidePageFactory, PartnerPageFactory, TopicFactory, locale


@pytest.fixture
def topics(site_tree):
    """One topic in German with its Arabic and English translations, and a second German one."""
    housing = TopicFactory(name="Wohnen", slug="wohnen")
    arabic = housing.copy_for_translation(locale("ar"))
    arabic.name = "السكن"
    arabic.save()
    english = housing.copy_for_translation(locale("en"))
    english.name = "Housing"
    english.save()
    work = TopicFactory(name="Arbeit", slug="arbeit")
    return {"housing": housing, "arabic": arabic, "english": english, "work": work}


def checkbox_labels(html, field):
    return re.findall(rf'<input[^>]*name="{field}"[^>]*>\s*([^<]+?)\s*</label>', html)


def test_a_german_page_offers_german_topics_only(superuser_client, site_tree, topics):
    guide = GuidePageFactory(parent=site_tree.guides, title="Wohnung finden")
    html = superuser_client.get(f"/admin/pages/{guide.pk}/edit/").content.decode()
    labels = checkbox_labels(html, "topics")
    assert sorted(labels) == ["Arbeit", "Wohnen"]


def test_a_new_page_offers_the_topics_of_its_parents_locale(superuser_client, site_tree, topics):
    html = superuser_client.get(f"/admin/pages/add/pages/guidepage/{site_tree.guides.pk}/").content.decode()
    assert sorted(checkbox_labels(html, "topics")) == ["Arbeit", "Wohnen"]


def test_a_term_already_chosen_stays_listed_whatever_its_locale(superuser_client, site_tree, topics):
    guide = GuidePageFactory(parent=site_tree.guides, title="Wohnung finden")
    guide.topics.set([topics["english"]])
    guide.save()
    html = superuser_client.get(f"/admin/pages/{guide.pk}/edit/").content.decode()
    assert sorted(checkbox_labels(html, "topics")) == ["Arbeit", "Housing", "Wohnen"]


def test_page_menu_items_of_ours_look_like_wagtails_own(superuser_client, site_tree):
    """Our items in the page's "…" menu were styled as small bordered buttons."""
    guide = GuidePageFactory(parent=site_tree.guides, title="Wohnung finden")
    guide.save_revision().publish()
    html = superuser_client.get(f"/admin/pages/{guide.pk}/edit/").content.decode()
    preview = re.search(r'<a href="/admin/preview-token/\d+/"[^>]*>', html)
    assert preview is not None
    assert "button-small" not in preview.group(0)


def test_partner_chooser_speaks_the_editors_language_and_opens_at_the_partners(superuser_client, site_tree):
    html = superuser_client.get("/admin/snippets/embed/apikey/add/").content.decode()
    assert "Choose a partner" in html
    assert "Seite auswählen" not in html
    options = re.search(r'new PageChooser\("id_partner", (\{.*?\})\)', html) or re.search(
        r'data-w-chooser-options-value="([^"]+)"', html
    )
    assert options is not None, "the partner chooser's options were not found"
    raw = options.group(1).replace("&quot;", '"')
    assert json.loads(raw)["parentId"] == site_tree.partners.pk


def test_api_key_list_heading_follows_the_editors_language(superuser_client, site_tree):
    partner = PartnerPageFactory(parent=site_tree.partners, title="Verein")
    ApiKey.objects.create(name="Verein Website", partner=partner)
    html = superuser_client.get("/admin/snippets/embed/apikey/").content.decode()
    assert "Requests, last 30 days" in html
    assert "Anfragen, letzte" not in html
