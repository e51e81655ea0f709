"""The units an agency translates: wagtail-localize's string segments of one translation."""

from dataclasses import dataclass

from wagtail_localize.models import StringSegment, Translation, TranslationSource
from wagtail_localize.operations import TranslationCreator


@dataclass(frozen=True)
class Unit:
    path: str
    source: str
    target: str
    string_id: int | None = None
    context_id: int | None = None


def units_for(translation):
    """The current string segments of the translation, in page order, with their translation."""
    segments = (
        StringSegment.objects.filter(source=translation.source)
        .order_by("order")
        .select_related("context", "string")
        .annotate_translation(translation.target_locale, include_errors=True)
    )
    return [
        Unit(segment.context.path, segment.string.data, segment.translation or "", segment.string_id, segment.context_id)
        for segment in segments
    ]


def ensure_translations(pages, locale, user=None):
    """
    The Translation of each page into ``locale``, submitting the page for translation
    first where it was not (an export means someone is about to translate it).
    """
    creator = TranslationCreator(user, [locale])
    translations = []
    for page in pages:
        # Agencies translate what is published now: bring an older snapshot up to date first.
        TranslationSource.update_or_create_from_instance(page)
        translation = Translation.objects.filter(
            source__object_id=page.translation_key, source__locale_id=page.locale_id, target_locale=locale
        ).select_related("source", "target_locale").first()
        if translation is None or not translation.enabled:
            creator.create_translations(page, include_related_objects=False)
            translation = Translation.objects.select_related("source", "target_locale").get(
                source__object_id=page.translation_key, source__locale_id=page.locale_id, target_locale=locale
            )
            if not translation.enabled:
                translation.enabled = True
                translation.save(update_fields=["enabled"])
        translations.append(translation)
    return translations


def pages_for_export(locale, section=None, open_only=True):
    """
    Source pages to send to an agency for ``locale``: the section (inclusive) or the
    whole source tree, by default only those that are not up to date there.
    """
    from translation.choices import TranslationStatus
    from translation.status import compute_statuses, source_pages

    pages = source_pages()
    if section is not None:
        pages = pages.filter(path__startswith=section.path, depth__gte=section.depth)
    pages = pages.order_by("path")
    if open_only:
        wanted = {
            item.page_id
            for item in compute_statuses(pages, [locale])
            if item.status not in (TranslationStatus.UP_TO_DATE, TranslationStatus.WAITING_FOR_REVIEW)
        }
        pages = pages.filter(pk__in=wanted)
    return [page.specific for page in pages]
