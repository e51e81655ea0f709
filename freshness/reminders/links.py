"""Absolute addresses in the admin for the e-mails (``WAGTAILADMIN_BASE_URL``)."""

from django.conf import settings
from django.urls import reverse
from wagtail.models import Page


def absolute(path):
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + path


def page_edit_url(page_id):
    return absolute(reverse("wagtailadmin_pages:edit", args=[page_id]))


def edit_url(item):
    """Where the item is edited: its page editor, or the places' snippet editor."""
    if isinstance(item, Page):
        return page_edit_url(item.pk)
    return absolute(reverse("wagtailsnippets_directory_place:edit", args=[item.pk]))


def review_url(item):
    """The "Still correct" page (it asks once more, then records the review)."""
    name = "freshness:review_page" if isinstance(item, Page) else "freshness:review_place"
    return absolute(reverse(name, args=[item.pk]))
