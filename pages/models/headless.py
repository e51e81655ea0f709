"""One plain template for every page type."""

from django.conf import settings

from pages.models.loading import LoadedFromRow


class HeadlessPageMixin(LoadedFromRow):
    """
    The website, kiosks and partner sites render our pages from the GraphQL API, so the
    CMS itself needs no page templates of its own. Wagtail still renders a page for the
    editors' preview and for "view live"; this mixin gives every page type one plain,
    readable template for that instead of a template per type (or a 500 without one).

    Every page type of ours has it, so it also brings their cheaper loading from rows
    (``LoadedFromRow``), which the API's lists depend on.
    """

    def get_template(self, request, *args, **kwargs):
        return "pages/page.html"

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["rtl_locales"] = settings.LANGUAGES_BIDI
        return context
