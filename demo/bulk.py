"""
Loading many objects quickly: pause the per-save search and reference indexing.

Every page save normally re-indexes the page for search and for Wagtail's reference index
("usage"), one task each, which is most of the time a demo load takes. Both are paused
while loading, through their documented switches (the search backend's AUTO_UPDATE
setting and Wagtail's ``disable_reference_index_auto_update``), and rebuilt once at the
end with Wagtail's own commands.
"""

from contextlib import contextmanager

from django.conf import settings
from django.core.management import call_command
from django.test.utils import override_settings
from wagtail.signal_handlers import disable_reference_index_auto_update


@contextmanager
def indexing_paused():
    backends = getattr(settings, "WAGTAILSEARCH_BACKENDS", None) or {
        "default": {"BACKEND": "wagtail.search.backends.database"}
    }
    paused = {name: {**config, "AUTO_UPDATE": False} for name, config in backends.items()}
    with override_settings(WAGTAILSEARCH_BACKENDS=paused), disable_reference_index_auto_update():
        yield


def rebuild_indexes(search=True, stdout=None):
    """Rebuild the reference index and, unless ``search`` is False, the search index."""
    call_command("rebuild_references_index", stdout=stdout, verbosity=0)
    if search:
        call_command("update_index", stdout=stdout, verbosity=0)
