"""
Outdated translations on the freshness dashboard: a German source published again after
the translation was made (and not declared a minor change).

``translation.status`` already decides this for the translators' overview in a fixed
number of queries; the dashboard asks it about the same pages it lists, narrowed by the
same filters (the owner and topics are the source page's).
"""

from dataclasses import dataclass

from wagtail.models import Locale, Page

from freshness import cycles
from freshness.owners import owned_by
from translation import locales as locale_info
from translation.choices import TranslationStatus
from translation.status import compute_statuses, target_locales


@dataclass
class OutdatedTranslation:
    source: Page
    locale: Locale
    target_page_id: int | None
    status: str = TranslationStatus.OUTDATED


def _source_pages(params):
    pages = []
    for model in cycles.REVIEWED_MODELS:
        if not issubclass(model, Page) or params.get("kind") not in ("", None, model._meta.model_name):
            continue
        items = model.objects.live().filter(locale__language_code=locale_info.source_code())
        items = owned_by(items, params.get("owner"))
        if params.get("topic"):
            items = items.filter(topics__slug=params["topic"]).distinct()
        pages.extend(items.select_related("content_owner", "owner_team"))
    return pages


def outdated_translations(params=None):
    """Every outdated translation of a reviewed page matching the dashboard's filters."""
    return translations_in({TranslationStatus.OUTDATED}, params)


def translations_in(statuses, params=None, locales=None):
    """
    Every translation of a reviewed page matching the filters whose status is one of
    ``statuses`` (a missing one has no target page), in ``locales`` (default: all targets).
    """
    params = params or {}
    locales = [row for row in (locales or target_locales()) if params.get("language") in ("", None, row.language_code)]
    pages = _source_pages(params)
    if not pages or not locales:
        return []
    by_id = {page.pk: page for page in pages}
    by_locale = {row.pk: row for row in locales}
    return [
        OutdatedTranslation(by_id[item.page_id], by_locale[item.locale_id], item.target_page_id, item.status)
        for item in compute_statuses(pages, locales)
        if item.status in statuses
    ]
