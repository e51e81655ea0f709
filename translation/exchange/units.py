"""The units an agency translates: wagtail-localize's string segments of one translation."""

from dataclasses import dataclass

from wagtail.models import Page
from wagtail_localize.models import StringSegment, Translation, TranslationSource
from wagtail_localize.operations import TranslationCreator


#: Fields an agency does not translate unless the editor asks: a page keeps its address.
NOT_FOR_AGENCIES = {"slug"}


@dataclass(frozen=True)
class Unit:
    path: str
    source: str
    target: str
    string_id: int | None = None
    context_id: int | None = None
    #: Unique within the page: the path, or ``path:2``, ``path:3`` … for the further
    #: segments of one field (a rich text with several paragraphs).
    key: str = ""


def units_for(translation, *, slugs=False):
    """
    The current string segments of the translation, in page order, with their translation;
    without the slug unless ``slugs``.
    """
    segments = (
        StringSegment.objects.filter(source=translation.source)
        .order_by("order")
        .select_related("context", "string")
        .annotate_translation(translation.target_locale, include_errors=True)
    )
    units, seen = [], {}
    for segment in segments:
        path = segment.context.path
        if path in NOT_FOR_AGENCIES and not slugs:
            continue
        seen[path] = seen.get(path, 0) + 1
        key = path if seen[path] == 1 else f"{path}:{seen[path]}"
        units.append(
            Unit(path, segment.string.data, segment.translation or "", segment.string_id, segment.context_id, key)
        )
    return units


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


def may_leave_the_house(pages, *, drafts=False):
    """
    Pages that may go to an outside agency: published, not expired, not below an
    unpublished page and never view-restricted (itself or above: Wagtail's ``public()``).
    With ``drafts``, pages not yet published (or unpublished) come too, never restricted ones.
    """
    from django.db.models import Q
    from django.utils import timezone

    pages = pages.public()
    if drafts:
        return pages
    now = timezone.now()
    unpublished_sections = Page.objects.filter(numchild__gt=0).filter(
        Q(live=False) | Q(expired=True) | Q(expire_at__lte=now)
    )
    for section in unpublished_sections.values_list("path", flat=True):
        pages = pages.exclude(path__startswith=section)
    return pages.live().filter(expired=False).filter(Q(expire_at__isnull=True) | Q(expire_at__gt=now))


def pages_for_export(locale, section=None, open_only=True, drafts=False):
    """
    Source pages to send to an agency for ``locale``: the section (inclusive) or the
    whole source tree, by default only those that are not up to date there, and only
    what may leave the house (``may_leave_the_house``).
    """
    from translation.choices import TranslationStatus
    from translation.status import compute_statuses, source_pages

    pages = may_leave_the_house(source_pages(), drafts=drafts)
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
