"""
The page tree: a German home page as the default site's root, with one section page per
content type, replacing Wagtail's "Welcome to your new Wagtail site!" page.
"""

from wagtail.models import Page, Site

from demo.content.tree import HOME, INDEXES
from demo.steps.pages import ensure_page
from directory.models import PartnerIndexPage
from pages.models import EventIndexPage, GuideIndexPage, HomePage

INDEX_MODELS = {"guides": GuideIndexPage, "events": EventIndexPage, "partners": PartnerIndexPage}


def _wagtail_welcome_pages():
    """Wagtail's initial page: a plain ``Page`` right below the root, nothing else."""
    return Page.objects.filter(depth=2, content_type__model="page", content_type__app_label="wagtailcore")


def _is_wagtail_welcome(site):
    """Whether ``site`` is new or still shows Wagtail's welcome page: only then is it ours to take."""
    return site.pk is None or _wagtail_welcome_pages().filter(pk=site.root_page_id).exists()


def create_home(context):
    root = Page.get_first_root_node()
    home, created = ensure_page(
        root, HomePage, HOME["key"], locale=context.source_locale,
        title=HOME["title"], slug=HOME["slug"], intro=HOME["intro"],
    )
    made = int(created)
    site = Site.objects.filter(is_default_site=True).first() or Site(is_default_site=True)
    if site.root_page_id != home.pk and _is_wagtail_welcome(site):
        site.hostname, site.port, site.root_page = "localhost", 80, home
        site.site_name = "Willkommenszentrum Leipzig (Demo)"
        site.save()
        made += 1
    for page in _wagtail_welcome_pages():
        if not page.get_children().exists() and not Site.objects.filter(root_page=page).exists():
            page.delete()
            made += 1
    context.home = home
    return made


def create_index_pages(context):
    made = 0
    for data in INDEXES:
        page, created = ensure_page(
            context.home, INDEX_MODELS[data["model"]], f"index:{data['key']}",
            title=data["title"], slug=data["slug"], intro=data["intro"],
        )
        context.indexes[data["key"]] = page
        made += created
    return made
