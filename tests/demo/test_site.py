"""The demo takes over the default site from Wagtail's welcome page, and only from it."""

from wagtail.models import Page, Site

from directory.models import PartnerIndexPage
from pages.models import EventIndexPage, GuideIndexPage, HomePage

from .conftest import load_demo


def test_the_default_site_serves_the_german_home_page_with_its_sections(demo_db):
    site = Site.objects.get(is_default_site=True)
    home = site.root_page.specific
    assert isinstance(home, HomePage)
    assert home.locale.language_code == "de"
    assert (site.hostname, site.port) == ("localhost", 80)
    assert {type(page.specific) for page in home.get_children()} == {GuideIndexPage, EventIndexPage, PartnerIndexPage}
    # Wagtail's "Welcome to your new Wagtail site!" page is gone.
    assert not Page.objects.filter(depth=2, content_type__model="page").exists()
    assert "DEMO" in home.intro


def test_a_site_that_shows_real_content_is_left_alone(demo_db):
    real_home = Page.get_first_root_node().add_child(instance=HomePage(title="Echte Startseite", slug="echt"))
    Site.objects.filter(is_default_site=True).update(root_page=real_home)

    load_demo()

    assert Site.objects.get(is_default_site=True).root_page_id == real_home.pk
    assert Page.objects.filter(pk=real_home.pk).exists()
