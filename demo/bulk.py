"""
Loading many objects quickly: pause the per-save search and reference indexing.

Every page save normally re-indexes the page for search and for Wagtail's reference index
("usage"), one task each, which is most of the time a demo load takes. Both are paused
while loading and rebuilt once at the end with Wagtail's own commands: search by
disconnecting Wagtail's post-save indexing handler (reconnected afterwards, also on
errors), references with Wagtail's ``disable_reference_index_auto_update``.
"""

from contextlib import contextmanager

from django.core.management import call_command
from django.db.models.signals import post_save
from wagtail.search.index import get_indexed_models
from wagtail.search.signal_handlers import post_save_signal_handler
from wagtail.signal_handlers import disable_reference_index_auto_update


@contextmanager
def search_auto_update_paused():
    models = [model for model in get_indexed_models() if getattr(model, "search_auto_update", True)]
    disconnected = [model for model in models if post_save.disconnect(post_save_signal_handler, sender=model)]
    try:
        yield
    finally:
        for model in disconnected:
            post_save.connect(post_save_signal_handler, sender=model)


@contextmanager
def indexing_paused():
    with search_auto_update_paused(), disable_reference_index_auto_update():
        yield


def rebuild_indexes(stdout=None):
    """Rebuild Wagtail's reference index and the search index from the database."""
    call_command("rebuild_references_index", stdout=stdout, verbosity=0)
    call_command("update_index", stdout=stdout, verbosity=0)
