"""
Translation status of many pages in many locales, in a constant number of queries.

Each status is derived from facts that already exist, read in bulk:

* the target page (``Page`` with the same ``translation_key`` in the locale; an alias
  counts as missing, it shows the German text);
* wagtail-localize's ``TranslationSource`` (the snapshot translators work from, with
  ``last_updated_at``), ``Translation`` (item × locale), string segments and string
  translations (with their machine/manual flag) and ``TranslationLog`` (when the target
  was last written from the source);
* Wagtail's ``WorkflowState`` (a target in moderation is waiting for review);
* our ``TranslationRecord`` (minor edits acknowledged, reviews).

The rules, in order of urgency: missing → waiting for review → in progress (untranslated
strings, never published, or re-synced but not yet applied) → outdated (a source change
was published after the snapshot and not declared minor) → machine-translated (strings
from a machine newer than the last review; for legal information only a translation
reviewer's approval counts) → up to date.
"""

from dataclasses import dataclass
from datetime import datetime

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db.models import CharField, Count, F, Max, Q, QuerySet
from django.db.models.functions import Cast
from wagtail.models import Locale, Page, WorkflowState
from wagtail_localize.models import (
    StringSegment,
    StringTranslation,
    Translation,
    TranslationLog,
    TranslationSource,
)

from translation import locales as locale_info
from translation.choices import TranslationStatus
from translation.models import TranslationRecord


@dataclass
class ItemStatus:
    """The status of one source page in one target locale, with what the overview links to."""

    page_id: int
    translation_key: object
    locale_id: int
    status: str
    target_page_id: int | None = None
    translation_id: int | None = None
    source_id: int | None = None
    source_changed_at: datetime | None = None
    progress: tuple = (0, 0)
    machine_translated: bool = False
    legal: bool = False

    @property
    def status_label(self):
        return TranslationStatus(self.status).label


def target_locales():
    """Every Locale row translations are made into, in the order of settings.WELCOME_LOCALES."""
    order = {code: index for index, code in enumerate(locale_info.target_codes())}
    rows = Locale.objects.filter(language_code__in=order)
    return sorted(rows, key=lambda row: order[row.language_code])


def source_pages():
    """The pages translators translate: everything in the source locale but the tree root."""
    return Page.objects.filter(locale__language_code=locale_info.source_code(), depth__gt=1, alias_of__isnull=True)


def _page_rows(pages):
    if isinstance(pages, QuerySet):
        return list(
            pages.order_by().values(
                "id", "translation_key", "locale_id", "last_published_at", "live", "title", "content_type_id"
            )
        )
    return [
        {
            "id": page.pk,
            "translation_key": page.translation_key,
            "locale_id": page.locale_id,
            "last_published_at": page.last_published_at,
            "live": page.live,
            "title": page.title,
            "content_type_id": page.content_type_id,
        }
        for page in pages
    ]


def _keys_filter(pages, rows):
    if isinstance(pages, QuerySet):
        return pages.order_by().values("translation_key")
    return [row["translation_key"] for row in rows]


def _ids_filter(pages, rows):
    if isinstance(pages, QuerySet):
        return pages.order_by().values("id")
    return [row["id"] for row in rows]


def legal_page_ids(page_ids):
    """
    Ids among ``page_ids`` tagged with a legal topic (settings.TRANSLATION_LEGAL_TOPIC_SLUGS).

    One query per content model that has topics (four), whatever the number of pages;
    translations share their source's topics (synchronised field), so this works for both.
    """
    from pages.models import ContentPage

    slugs = settings.TRANSLATION_LEGAL_TOPIC_SLUGS
    found = set()
    for model in content_models(ContentPage):
        field = model._meta.get_field("topics")
        through = field.remote_field.through
        own = field.m2m_field_name()
        found.update(
            through.objects.filter(**{f"{own}_id__in": page_ids, "topic__slug__in": slugs}).values_list(
                f"{own}_id", flat=True
            )
        )
    return found


def content_models(base):
    from django.apps import apps

    return [model for model in apps.get_models() if issubclass(model, base) and not model._meta.abstract]


def machine_aggregates(source_ids, locale_ids):
    """
    ``{(source_id, locale_id): (translated, last_machine_at)}`` over current segments only.

    One grouped query: segments joined to the string translation of the same string and
    context in each locale (errors do not count as translated).
    """
    rows = (
        StringSegment.objects.filter(
            source_id__in=source_ids,
            string__translations__locale_id__in=locale_ids,
            string__translations__context_id=F("context_id"),
            string__translations__has_error=False,
        )
        .values("source_id", "string__translations__locale_id")
        .annotate(
            translated=Count("id"),
            last_machine=Max(
                "string__translations__updated_at",
                filter=Q(string__translations__translation_type=StringTranslation.TRANSLATION_TYPE_MACHINE),
            ),
        )
        .order_by()
    )
    return {
        (row["source_id"], row["string__translations__locale_id"]): (row["translated"], row["last_machine"])
        for row in rows
    }


def machine_flag(last_machine, record, legal):
    """True while machine-translated strings have not been reviewed by a person."""
    if last_machine is None:
        return False
    if record is None or record["reviewed_at"] is None:
        return True
    if legal and not record["reviewed_by_reviewer"]:
        # Legal information: only an approval by a translation reviewer counts.
        return True
    return last_machine > record["reviewed_at"]


def _records(keys, locale_ids):
    return {
        (row["translation_key"], row["locale_id"]): row
        for row in TranslationRecord.objects.filter(translation_key__in=keys, locale_id__in=locale_ids).values(
            "translation_key", "locale_id", "source_acknowledged_at", "reviewed_at", "reviewed_by_reviewer"
        )
    }


def compute_statuses(pages, locales=None):
    """
    The status of every page of ``pages`` (source-locale pages: a queryset or a list) in
    every locale of ``locales`` (default: all target locales), as a list of ItemStatus
    ordered page by page. Runs a fixed number of queries (about ten) for any number of pages.
    """
    locales = list(locales) if locales is not None else target_locales()
    locale_ids = [locale.pk for locale in locales]
    rows = _page_rows(pages)
    if not rows or not locale_ids:
        return []
    keys = _keys_filter(pages, rows)

    targets = {
        (row["translation_key"], row["locale_id"]): row
        for row in Page.objects.filter(translation_key__in=keys, locale_id__in=locale_ids)
        .order_by()
        .values("id", "translation_key", "locale_id", "alias_of_id", "live", "last_published_at")
    }
    sources = {
        (row["object_id"], row["locale_id"]): row
        for row in TranslationSource.objects.filter(object_id__in=keys).values("id", "object_id", "locale_id", "last_updated_at")
    }
    source_ids = [row["id"] for row in sources.values()]
    translations = {
        (row["source_id"], row["target_locale_id"]): row["id"]
        for row in Translation.objects.filter(source_id__in=source_ids, target_locale_id__in=locale_ids, enabled=True)
        .values("id", "source_id", "target_locale_id")
    }
    totals = dict(
        StringSegment.objects.filter(source_id__in=source_ids)
        .values("source_id")
        .annotate(total=Count("id"))
        .order_by()
        .values_list("source_id", "total")
    )
    done = machine_aggregates(source_ids, locale_ids)
    logs = {
        (row["source_id"], row["locale_id"]): row["at"]
        for row in TranslationLog.objects.filter(source_id__in=source_ids, locale_id__in=locale_ids)
        .values("source_id", "locale_id")
        .annotate(at=Max("created_at"))
        .order_by()
    }
    page_type = ContentType.objects.get_for_model(Page)
    in_review = set(
        WorkflowState.objects.filter(
            base_content_type=page_type,
            status=WorkflowState.STATUS_IN_PROGRESS,
            object_id__in=Page.objects.filter(translation_key__in=keys, locale_id__in=locale_ids)
            .annotate(str_id=Cast("id", CharField()))
            .values("str_id"),
        ).values_list("object_id", flat=True)
    )
    records = _records(keys, locale_ids)
    legal = legal_page_ids(_ids_filter(pages, rows))

    results = []
    for row in rows:
        source = sources.get((row["translation_key"], row["locale_id"]))
        for locale_id in locale_ids:
            results.append(
                _decide(row, locale_id, targets, source, translations, totals, done, logs, in_review, records, legal)
            )
    return results


def _decide(row, locale_id, targets, source, translations, totals, done, logs, in_review, records, legal):
    key = row["translation_key"]
    item = ItemStatus(
        page_id=row["id"],
        translation_key=key,
        locale_id=locale_id,
        status=TranslationStatus.MISSING,
        source_changed_at=row["last_published_at"],
        legal=row["id"] in legal,
    )
    target = targets.get((key, locale_id))
    if target is None or target["alias_of_id"] is not None:
        return item
    item.target_page_id = target["id"]
    record = records.get((key, locale_id))
    acknowledged = record["source_acknowledged_at"] if record else None

    translation_id = translations.get((source["id"], locale_id)) if source else None
    if translation_id is None:
        # Translated by hand (never submitted, or wagtail-localize's sync stopped for this
        # page): compare publication dates only.
        synced_at = _latest(target["last_published_at"], acknowledged)
        if str(target["id"]) in in_review:
            item.status = TranslationStatus.WAITING_FOR_REVIEW
        elif not target["live"]:
            item.status = TranslationStatus.IN_PROGRESS
        elif _changed_after(row["last_published_at"], synced_at):
            item.status = TranslationStatus.OUTDATED
        else:
            item.status = TranslationStatus.UP_TO_DATE
        return item

    item.source_id = source["id"]
    item.translation_id = translation_id
    translated, last_machine = done.get((source["id"], locale_id), (0, None))
    total = totals.get(source["id"], 0)
    item.progress = (translated, total)
    item.machine_translated = machine_flag(last_machine, record, item.legal)
    last_log = logs.get((source["id"], locale_id))

    if str(target["id"]) in in_review:
        item.status = TranslationStatus.WAITING_FOR_REVIEW
    elif translated < total or not target["live"] or _changed_after(source["last_updated_at"], last_log):
        item.status = TranslationStatus.IN_PROGRESS
    elif _changed_after(row["last_published_at"], _latest(source["last_updated_at"], acknowledged)):
        item.status = TranslationStatus.OUTDATED
    elif item.machine_translated:
        item.status = TranslationStatus.MACHINE_TRANSLATED
    else:
        item.status = TranslationStatus.UP_TO_DATE
    return item


def _latest(*moments):
    present = [moment for moment in moments if moment is not None]
    return max(present) if present else None


def _changed_after(changed_at, synced_at):
    return changed_at is not None and (synced_at is None or changed_at > synced_at)


def is_machine_translated(pages_or_ids, locale=None):
    """
    ``{page_id: bool}``: is each translated page machine-translated and not yet reviewed?

    For the API's ``machineTranslated`` field. ``pages_or_ids`` are pages in the reader's
    locale (instances or ids, any page types); ``locale`` (Locale, code or None) narrows to
    pages of that locale, other pages map to False. Source-language pages are never
    machine-translated. A fixed number of queries (about eight) however many pages.
    """
    items = list(pages_or_ids)
    if not items:
        return {}
    if isinstance(items[0], int | str):
        rows = list(Page.objects.filter(id__in=items).order_by().values("id", "translation_key", "locale_id"))
    else:
        rows = [{"id": page.pk, "translation_key": page.translation_key, "locale_id": page.locale_id} for page in items]
    result = {int(row["id"]): False for row in rows}
    if locale is not None:
        locale_id = locale.pk if isinstance(locale, Locale) else Locale.objects.get(language_code=locale).pk
        rows = [row for row in rows if row["locale_id"] == locale_id]
    if not rows:
        return result
    keys = {row["translation_key"] for row in rows}
    locale_ids = {row["locale_id"] for row in rows}
    sources = {}
    for source in TranslationSource.objects.filter(object_id__in=keys).values("id", "object_id", "locale_id"):
        sources.setdefault(source["object_id"], []).append(source)
    source_ids = [source["id"] for group in sources.values() for source in group]
    done = machine_aggregates(source_ids, locale_ids)
    records = _records(keys, locale_ids)
    candidates = [
        row for row in rows
        if any(done.get((src["id"], row["locale_id"]), (0, None))[1] for src in sources.get(row["translation_key"], []))
    ]
    legal = legal_page_ids([row["id"] for row in candidates]) if candidates else set()
    for row in candidates:
        for source in sources[row["translation_key"]]:
            if source["locale_id"] == row["locale_id"]:
                continue  # the page is itself the source
            _translated, last_machine = done.get((source["id"], row["locale_id"]), (0, None))
            record = records.get((row["translation_key"], row["locale_id"]))
            if machine_flag(last_machine, record, row["id"] in legal):
                result[row["id"]] = True
    return result


def counts_by_locale(statuses):
    """``{locale_id: {status: count}}`` for the overview's summary table."""
    counts = {}
    for item in statuses:
        per_locale = counts.setdefault(item.locale_id, {status: 0 for status in TranslationStatus.values})
        per_locale[item.status] += 1
    return counts
