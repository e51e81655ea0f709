"""
Who hears of a mistake report: the owner of the item, that is the responsible person
(``content_owner``) of its page in the source language, since translations are made from
it and a correction starts there. A translation's own owner is not asked: the dashboard
shows the report with its language for the translators.
"""

from django.conf import settings
from wagtail.models import Locale, Page


def source_page(page: Page) -> Page:
    """The translation of ``page`` in the default (source) locale, else ``page`` itself."""
    source = Page.objects.filter(translation_key=page.translation_key, locale=Locale.get_default()).first()
    return (source or page).specific_deferred


def owner_of(page: Page):
    """The owner of ``page``'s source page, if any and if they can receive e-mail."""
    owner = getattr(source_page(page), "content_owner", None)
    if owner is None or not owner.is_active or not owner.email:
        return None
    return owner


def language_of(user) -> str:
    """The user's admin language (Wagtail's preferred language), else the site's."""
    profile = getattr(user, "wagtail_userprofile", None)
    return getattr(profile, "preferred_language", "") or settings.LANGUAGE_CODE
