"""
"Mark the last change as minor": a typo fix in the German page does not send every
translation back to the translators.

Why an action and not a checkbox on the edit form: the page forms differ per type
(services have their own ``ServicePageForm``), snippets have no page form at all, and an
editor often only notices after publishing that a change was trivial. The action works
on the published state, is recorded (``MinorEdit``: who, which revision, which locales)
and is refused when there is nothing to keep current.

Only locales whose translation was current *before* this publication are kept current:
an earlier substantial change that is still untranslated is never hidden by a later
minor one.
"""

from django.db import transaction
from wagtail.models import PageLogEntry
from wagtail_localize.models import TranslationSource

from translation.models import MinorEdit, TranslationRecord
from translation.status import target_locales


def previous_publication(page):
    """When the page was published before its current live version (None if it was not)."""
    stamps = list(
        PageLogEntry.objects.filter(page=page, action="wagtail.publish")
        .order_by("-timestamp")
        .values_list("timestamp", flat=True)[:2]
    )
    return stamps[1] if len(stamps) > 1 else None


@transaction.atomic
def mark_minor(page, user):
    """
    Declare the page's latest publication minor. Returns the locale codes kept current
    (an empty list when no translation was current before it; nothing is recorded then).
    """
    page = page.specific
    published_at = page.last_published_at
    if published_at is None:
        return []
    before = previous_publication(page)
    source = TranslationSource.objects.filter(object_id=page.translation_key, locale_id=page.locale_id).first()
    records = {
        record.locale_id: record
        for record in TranslationRecord.objects.filter(translation_key=page.translation_key)
    }
    # Only translations readers have had: a draft never published has nothing to keep current.
    translated_locales = set(
        type(page).objects.filter(
            translation_key=page.translation_key, alias_of__isnull=True, last_published_at__isnull=False
        )
        .exclude(locale_id=page.locale_id)
        .values_list("locale_id", flat=True)
    )
    kept = []
    for locale in target_locales():
        if locale.pk not in translated_locales:
            continue
        record = records.get(locale.pk)
        synced = [moment for moment in (source and source.last_updated_at, record and record.source_acknowledged_at) if moment]
        if before is not None and (not synced or max(synced) < before):
            continue  # already outdated by an earlier change: stays outdated
        TranslationRecord.objects.update_or_create(
            translation_key=page.translation_key,
            locale=locale,
            defaults={"source_acknowledged_at": published_at},
        )
        kept.append(locale.language_code)
    if kept:
        MinorEdit.objects.create(page=page, revision=page.live_revision, marked_by=user, locales_kept_current=kept)
    return kept
