"""
Translated text as a draft: what an import or a translator's "submit for review" writes,
invisible to readers until a reviewer publishes it.

wagtail-localize's ``save_target(publish=False)`` saves the target page itself before it
saves a revision, so for a target that is already live the new, unreviewed text is
public at once. ``save_draft`` keeps the live page as readers know it: it builds the
translated page in memory (``get_ephemeral_translated_instance``) and stores it only as
a new revision. Publishing that revision (the reviewer's approval) is what makes it
public. A target that does not exist yet, or was never published, has nothing public to
protect and is written as wagtail-localize does.
"""

from django.core.exceptions import ObjectDoesNotExist
from django.db import transaction
from wagtail.models import Page
from wagtail_localize.models import TranslationLog


def live_target(translation):
    """The target page when it exists and is live, else ``None``."""
    try:
        target = translation.source.get_translated_instance(translation.target_locale)
    except ObjectDoesNotExist:
        return None
    if not isinstance(target, Page) or not target.live:
        return None
    return target


@transaction.atomic
def save_draft(translation, user=None):
    """
    Write the translation's current strings as a draft of its target page and return the
    target. A live target keeps its live content; an alias (the German text shown in the
    target tree) becomes a page of its own, still showing that German text, with the
    translation as its draft.
    """
    target = live_target(translation)
    if target is None:
        translation.save_target(user=user, publish=False)
        return translation.get_target_instance()
    if target.alias_of_id:
        target.alias_of_id = None
        target.save(update_fields=["alias_of_id"], clean=False)
        target.save_revision(user=user, changed=False, clean=False)
    draft = translation.source.get_ephemeral_translated_instance(translation.target_locale, fallback=True)
    # The address stays the one readers and links know; agencies do not translate slugs.
    draft.slug = target.slug
    revision = draft.save_revision(user=user)
    TranslationLog.objects.create(source=translation.source, locale=translation.target_locale, revision=revision)
    return target
