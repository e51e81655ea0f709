"""Admin wiring of the translation workflow: URLs, the menu item, the glossary and label snippets."""

from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from translation import urls
from translation.models import GlossaryTerm, InterfaceLabel
from translation.views.overview import can_see_overview


@hooks.register("register_admin_urls")
def register_admin_urls():
    return [path("translation/", include(urls, namespace="translation"))]


class TranslationsMenuItem(MenuItem):
    def is_shown(self, request):
        return can_see_overview(request.user)


@hooks.register("register_admin_menu_item")
def register_overview_menu_item():
    return TranslationsMenuItem(
        _("Translations"), reverse("translation:overview"), icon_name="wagtail-localize-language", order=450
    )


class GlossaryTermViewSet(SnippetViewSet):
    model = GlossaryTerm
    icon = "openquote"
    menu_label = _("Glossary")
    list_display = ["source_term", "target_locale", "target_term", "note"]
    list_filter = ["target_locale"]
    search_fields = ["source_term", "target_term"]


class InterfaceLabelViewSet(SnippetViewSet):
    model = InterfaceLabel
    icon = "tag"
    list_display = ["key", "text", "locale"]
    search_fields = ["key", "text"]


register_snippet(GlossaryTermViewSet)
register_snippet(InterfaceLabelViewSet)
