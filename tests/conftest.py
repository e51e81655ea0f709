from dataclasses import dataclass

import pytest
from wagtail.models import Page, Site

from pages.models import EventIndexPage, GuideIndexPage, HomePage
from directory.models import PartnerIndexPage
from tests.factories import locale


@dataclass
class SiteTree:
    home: HomePage
    guides: GuideIndexPage
    events: EventIndexPage
    partners: PartnerIndexPage


def build_site_tree():
    """The German tree the site serves: home page and one section page per content type."""
    root = Page.get_first_root_node()
    Page.objects.filter(depth=2).delete()
    home = root.add_child(instance=HomePage(title="Willkommen", slug="home", locale=locale("de")))
    Site.objects.update_or_create(
        is_default_site=True, defaults={"hostname": "localhost", "root_page": home, "site_name": "Test"}
    )
    return SiteTree(
        home=home,
        guides=home.add_child(instance=GuideIndexPage(title="Ratgeber", slug="ratgeber")),
        events=home.add_child(instance=EventIndexPage(title="Veranstaltungen", slug="veranstaltungen")),
        partners=home.add_child(instance=PartnerIndexPage(title="Partner", slug="partner")),
    )


@pytest.fixture
def site_tree(db):
    return build_site_tree()
