"""
What makes stored answers wrong, turned into purges of the response cache.

Every way content reaches or leaves the public: publishing (a translation's included, and
scheduled publishing by the worker), unpublishing (expiry by the worker included),
deleting, moving, a view restriction set or lifted, and edits of the snippets answers show
(topics, audiences, places, interface labels), help offers and requests (edited, or their
status changed: ``offers.signals.listing_changed``), and of images (alt text, focal point)
wherever a page shows them. A page change purges the page's whole subtree, in every
locale: unpublishing or restricting a section hides everything below it, and moving or
renaming it changes every path below it. The tags come from
``public_content.dependencies``, the purge happens when the transaction commits.
"""

from functools import wraps

from django.conf import settings
from django.db.models.signals import post_delete, post_save, pre_delete
from wagtail.images import get_image_model
from wagtail.models import Page, PageViewRestriction, TranslatableMixin
from wagtail.signals import page_published, page_unpublished, post_page_move

from freshness import signals as freshness_signals
from graphql_api.response_cache import purge_on_commit
from offers import signals as offers_signals
from public_content.dependencies import tags_of_change, tags_of_referrers, tags_of_subtree


def when_caching(receiver):
    """Nothing to purge while the response cache is off (a bulk demo load saves the work)."""

    @wraps(receiver)
    def wrapper(*args, **kwargs):
        if settings.GRAPHQL_RESPONSE_CACHE:
            receiver(*args, **kwargs)

    return wrapper


@when_caching
def page_changed(sender, instance, **kwargs):
    """Published, unpublished or moved: the page and everything below it."""
    purge_on_commit(tags_of_subtree(instance))


@when_caching
def page_deleted(sender, instance, **kwargs):
    if isinstance(instance, Page):
        purge_on_commit(tags_of_change(instance))


@when_caching
def restriction_changed(sender, instance, **kwargs):
    page = Page.objects.filter(pk=instance.page_id).first()
    if page is not None:
        # A restriction covers every translation of the page and what lies below each.
        tags = set()
        for translation in Page.objects.filter(translation_key=page.translation_key):
            tags |= tags_of_subtree(translation)
        purge_on_commit(tags)


@when_caching
def snippet_changed(sender, instance, raw=False, **kwargs):
    if raw or isinstance(instance, Page):
        return
    if isinstance(instance, TranslatableMixin):  # topics, audiences, places, interface labels
        purge_on_commit(tags_of_change(instance))


@when_caching
def image_changed(sender, instance, **kwargs):
    purge_on_commit(tags_of_referrers(instance))


@when_caching
def listing_changed(sender, instance, **kwargs):
    """A listing's status changed (approved, rejected, expired, extended, withdrawn): it and the lists."""
    purge_on_commit(tags_of_change(instance))


@when_caching
def item_reviewed(sender, instance, **kwargs):
    """A review ("still correct") written with UPDATE: the item and its lists (ordered by it)."""
    purge_on_commit(tags_of_change(instance))


def connect():
    page_published.connect(page_changed, dispatch_uid="graphql_purge_published")
    page_unpublished.connect(page_changed, dispatch_uid="graphql_purge_unpublished")
    post_page_move.connect(page_changed, dispatch_uid="graphql_purge_moved")
    pre_delete.connect(page_deleted, dispatch_uid="graphql_purge_deleted")
    post_save.connect(restriction_changed, sender=PageViewRestriction, dispatch_uid="graphql_purge_restricted")
    post_delete.connect(restriction_changed, sender=PageViewRestriction, dispatch_uid="graphql_purge_unrestricted")
    post_save.connect(image_changed, sender=get_image_model(), dispatch_uid="graphql_purge_image_saved")
    pre_delete.connect(image_changed, sender=get_image_model(), dispatch_uid="graphql_purge_image_deleted")
    post_save.connect(snippet_changed, dispatch_uid="graphql_purge_snippet_saved")
    post_delete.connect(snippet_changed, dispatch_uid="graphql_purge_snippet_deleted")
    # Edits and deletions of listings are snippet changes; a status change is one UPDATE of every translation.
    offers_signals.listing_changed.connect(listing_changed, dispatch_uid="graphql_purge_listing_changed")
    freshness_signals.reviewed.connect(item_reviewed, dispatch_uid="graphql_purge_reviewed")
