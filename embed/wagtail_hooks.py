from wagtail.snippets.models import register_snippet

from .admin_views import ApiKeyViewSet

register_snippet(ApiKeyViewSet)
