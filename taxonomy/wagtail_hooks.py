"""Admin for the shared vocabulary: topics, audiences and spoken languages under one menu."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.ui.tables import UpdatedAtColumn
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from taxonomy.models import Audience, SpokenLanguage, Topic


class TopicViewSet(SnippetViewSet):
    model = Topic
    icon = "tag"
    menu_label = _("Topics")
    list_display = ["name", "slug", "sort_order", UpdatedAtColumn()]
    ordering = ["sort_order", "name"]


class AudienceViewSet(SnippetViewSet):
    model = Audience
    icon = "user"
    menu_label = _("Audiences")
    list_display = ["name", "slug", "sort_order", UpdatedAtColumn()]
    ordering = ["sort_order", "name"]


class SpokenLanguageViewSet(SnippetViewSet):
    """Reference data, not translated: searched by code and both names in the database."""

    model = SpokenLanguage
    icon = "globe"
    menu_label = _("Spoken languages")
    list_display = ["german_name", "native_name", "code"]
    search_fields = ["code", "native_name", "german_name"]
    ordering = ["german_name"]


class TaxonomyViewSetGroup(SnippetViewSetGroup):
    menu_label = _("Taxonomy")
    menu_icon = "tag"
    menu_order = 220
    items = (TopicViewSet, AudienceViewSet, SpokenLanguageViewSet)


register_snippet(TaxonomyViewSetGroup)
