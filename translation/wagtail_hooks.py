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
    """Translators' texts for the front ends' strings; the key is chosen from the catalogue in code."""

    model = InterfaceLabel
    icon = "tag"
    list_display = ["key", "text", "locale"]
    search_fields = ["key", "text"]


register_snippet(GlossaryTermViewSet)
register_snippet(InterfaceLabelViewSet)


@hooks.register("register_page_header_buttons")
def translation_header_buttons(page, user, view_name=None, next_url=None):
    """On a German page: "last change was minor". On a translation: "submit for review"."""
    from wagtail.admin.widgets import Button
    from wagtail_localize.models import Translation

    from translation import locales as locale_info

    if page.is_root() or not can_see_overview(user):
        return
    if page.locale.language_code == locale_info.source_code():
        if page.live and page.last_published_at and page.permissions_for_user(user).can_publish():
            yield Button(
                _("Last change was minor (translations stay current)"),
                reverse("translation:mark_minor", args=[page.pk]),
                priority=65,
                icon_name="wagtail-localize-language",
            )
        return
    translation = Translation.objects.filter(
        source__object_id=page.translation_key, target_locale_id=page.locale_id, enabled=True
    ).first()
    if translation is not None:
        yield Button(
            _("Submit translation for review"),
            reverse("translation:submit_for_review", args=[translation.pk]),
            priority=65,
            icon_name="wagtail-localize-language",
        )
