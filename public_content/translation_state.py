"""
Whether a translation readers get is older than its German source, loaded per batch.

When the German text changes after a translation was made, a reader of the translation
should be told ("the German version was updated on …"). The translation's status comes
from ``translation.status.compute_statuses``, a fixed number of queries for a whole batch.
A translation counts as outdated for readers when its status is *outdated*, or when a
new translation is under way (in progress, waiting for review) while the German page was
published after the live translation.
"""

from dataclasses import dataclass
from datetime import datetime

from wagtail.models import Locale, Page

from public_content.batches import batch_of
from translation import locales
from translation.choices import TranslationStatus
from translation.status import compute_statuses

#: What the loader reads from a page instance.
NEEDED = {"translation_key", "locale_id", "last_published_at"}
UNDER_WAY = (TranslationStatus.IN_PROGRESS, TranslationStatus.WAITING_FOR_REVIEW)


@dataclass(frozen=True)
class TranslationState:
    outdated: bool = False
    #: When the source was last published, for an outdated translation.
    source_updated_at: datetime | None = None


CURRENT = TranslationState()


def _loaded(item):
    return isinstance(item, Page) and not NEEDED & item.get_deferred_fields()


class TranslationStates:
    """Per request: ``{page id: TranslationState}``."""

    def __init__(self):
        self._states = {}
        self._source_locale_id = None

    def source_locale_id(self):
        if self._source_locale_id is None:
            self._source_locale_id = Locale.objects.get(language_code=locales.source_code()).pk
        return self._source_locale_id

    def of(self, page) -> TranslationState:
        if page.pk not in self._states:
            source_locale = self.source_locale_id()
            pending = {
                item.pk: item
                for item in batch_of(page).items
                if _loaded(item) and item.pk not in self._states and item.locale_id != source_locale
            }
            if page.locale_id != source_locale:
                pending[page.pk] = page
            self._load(list(pending.values()), source_locale)
        return self._states.get(page.pk, CURRENT)

    def _load(self, pages, source_locale):
        for page in pages:
            self._states[page.pk] = CURRENT
        if not pages:
            return
        sources = Page.objects.filter(
            translation_key__in={page.translation_key for page in pages}, locale_id=source_locale
        )
        wanted = Locale.objects.filter(pk__in={page.locale_id for page in pages})
        statuses = {(item.translation_key, item.locale_id): item for item in compute_statuses(sources, wanted)}
        for page in pages:
            item = statuses.get((page.translation_key, page.locale_id))
            if item is None or item.source_changed_at is None:
                continue
            newer = page.last_published_at is not None and item.source_changed_at > page.last_published_at
            if item.status == TranslationStatus.OUTDATED or (item.status in UNDER_WAY and newer):
                self._states[page.pk] = TranslationState(True, item.source_changed_at)
