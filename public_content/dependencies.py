"""
What an answer was made of, as tags: the items it showed and the lists it searched.

A consumer that keeps answers (the API's response cache, a CDN in front of it, later the
website's pages) must forget exactly those answers that a change makes wrong. So while an
answer is made, every item a reader is shown and every list that was searched is written
down here, and every change of content is turned into the same tags (``tags_of_change``):
what carries one of them is out of date.

- An **item** is tagged by its translation key (``page:<key>``, ``taxonomy.topic:<key>``):
  a reader may be shown the German page while the Arabic one is being published, and the
  publication must reach that answer too.
- A **list** is tagged by its model (``list:pages.guidepage``): any page of that model
  that appears, disappears or changes may change the list, its order or its count.
- An answer that no change of content announces is marked ``brief``, so it is kept only
  briefly: one that depends on the clock (open now, the next 31 days of events), and one
  that used the search index, which the worker updates a moment *after* a publication.

Recording goes through a context variable rather than arguments: every item reaches the
reader through ``batches.adopt`` and every list through ``Reading``, so recording there
catches all of them, whichever resolver loaded them; a path that forgot to pass a recorder
along would silently serve stale answers.
"""

from collections import defaultdict
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, field

from django.contrib.contenttypes.models import ContentType
from django.db.models import Model
from django.utils import timezone
from wagtail.models import Page, ReferenceIndex, TranslatableMixin

LIST_PREFIX = "list:"


@dataclass
class Dependencies:
    tags: set[str] = field(default_factory=set)
    #: True when the answer may change without a change of content (the clock, the search index).
    brief: bool = False


_current: ContextVar[Dependencies | None] = ContextVar("welcome_answer_dependencies", default=None)


@contextmanager
def recording():
    """Record what is read inside the block; yields the ``Dependencies``."""
    dependencies = Dependencies()
    token = _current.set(dependencies)
    try:
        yield dependencies
    finally:
        _current.reset(token)


def _root_model(model):
    """The model a row's identity belongs to: ``Page`` for every page type."""
    if issubclass(model, Page):
        return Page
    return model._meta.concrete_model


def item_tag(obj) -> str:
    model = _root_model(type(obj))
    name = "page" if model is Page else model._meta.label_lower
    identity = obj.translation_key if isinstance(obj, TranslatableMixin) else obj.pk
    return f"{name}:{identity}"


def list_tag(model) -> str:
    return f"{LIST_PREFIX}{model._meta.label_lower}"


def list_tags_of_model(model) -> set[str]:
    """A change of a ``model`` row changes lists of it and of each concrete parent (``Page``)."""
    models = [model._meta.concrete_model, *model._meta.get_parent_list()]
    return {list_tag(each) for each in models}


def read_items(items):
    """
    The answer shows ``items``. Only stored rows have an identity to purge by: a batch may
    hold values made from them (an event's dates), whose rows are recorded when they load.
    """
    dependencies = _current.get()
    if dependencies is not None:
        dependencies.tags.update(item_tag(item) for item in items if isinstance(item, Model))


def read_list(model):
    dependencies = _current.get()
    if dependencies is not None:
        dependencies.tags.add(list_tag(model))


def now():
    """The current time, for an answer that depends on it (kept only briefly)."""
    _keep_briefly()
    return timezone.now()


def read_search_index():
    """For an answer that used the search index (kept only briefly)."""
    _keep_briefly()


def _keep_briefly():
    dependencies = _current.get()
    if dependencies is not None:
        dependencies.brief = True


def tags_of_change(instance) -> set[str]:
    """The tags of answers that a change of ``instance`` (saved, deleted, published …) may make wrong."""
    return {item_tag(instance), *list_tags_of_model(type(instance))}


def tags_of_subtree(page) -> set[str]:
    """
    A page and everything below it, in every locale: what unpublishing, moving or
    restricting ``page`` may change (its descendants vanish, move or hide with it).
    """
    rows = (
        Page.objects.filter(path__startswith=page.path)
        .values_list("translation_key", "content_type_id")
        .distinct()
    )
    tags, content_types = set(), set()
    for key, content_type_id in rows:
        tags.add(f"page:{key}")
        content_types.add(content_type_id)
    for content_type_id in content_types:
        model = ContentType.objects.get_for_id(content_type_id).model_class()
        if model is not None:
            tags |= list_tags_of_model(model)
    return tags | tags_of_change(page)


def tags_of_referrers(obj) -> set[str]:
    """
    What shows ``obj`` inside something else: an image (its alt text, its crop) in a
    page's header or body. Found through Wagtail's reference index, which tracks foreign
    keys, StreamField blocks and rich text alike.
    """
    ids_by_type = defaultdict(set)
    for content_type_id, object_id in ReferenceIndex.get_references_to(obj).values_list(
        "base_content_type_id", "object_id"
    ):
        ids_by_type[content_type_id].add(object_id)
    tags = set()
    for content_type_id, ids in ids_by_type.items():
        model = ContentType.objects.get_for_id(content_type_id).model_class()
        if model is not None:
            tags.update(item_tag(item) for item in model._default_manager.filter(pk__in=ids))
    return tags
