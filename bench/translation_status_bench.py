"""
Benchmark: translation status of 1 000 pages × 12 locales (time and SQL query count).

Builds the data in a throwaway database (a temporary SQLite file unless --database-url
is given), with bulk inserts shaped like real wagtail-localize data: per source page a
TranslationSource with five string segments; per page × locale, in rotation, a missing
translation, one in progress, one waiting for review, an outdated one, a machine
translation and up-to-date ones. Then it times ``compute_statuses`` over all pages.

    .venv/bin/python bench/translation_status_bench.py [--pages 1000] [--runs 3]
    .venv/bin/python bench/translation_status_bench.py --database-url postgres://postgres@127.0.0.1:5432/welcome_bench
"""

import argparse
import os
import sys
import tempfile
import time
import uuid
from datetime import timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))


def parse_args():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[1])
    parser.add_argument("--pages", type=int, default=1000)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--verbose", action="store_true", help="Print each query with its time.")
    parser.add_argument("--database-url", help="A database that may be emptied (default: a temporary SQLite file).")
    return parser.parse_args()


def setup_django(database_url):
    os.environ["DATABASE_URL"] = database_url
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "cms.settings.test")
    import django

    django.setup()
    from django.core.management import call_command

    from django.db import connection

    if connection.vendor == "postgresql":
        # A throwaway database: start from an empty schema so migrations create everything.
        with connection.cursor() as cursor:
            cursor.execute("DROP SCHEMA public CASCADE; CREATE SCHEMA public;")
    call_command("migrate", verbosity=0)


def build(pages_count):
    from django.contrib.contenttypes.models import ContentType
    from django.utils import timezone
    from wagtail.models import Locale, Page, Workflow, WorkflowState
    from wagtail_localize.models import (
        String, StringSegment, StringTranslation, TranslatableObject, Translation, TranslationContext,
        TranslationLog, TranslationSource,
    )

    from translation.status import target_locales

    now = timezone.now()
    german = Locale.objects.get(language_code="de")
    locales = target_locales()
    page_type = ContentType.objects.get_for_model(Page)
    root = Page.get_first_root_node()
    home = root.add_child(instance=Page(title="Bench", slug="bench", locale=german))

    keys = [uuid.uuid4() for _ in range(pages_count)]
    rows, step = [], 0

    def child(title, locale, key, published):
        nonlocal step
        step += 1
        return Page(
            title=title, draft_title=title, slug=f"p{step}", content_type=page_type, locale=locale,
            translation_key=key, live=published is not None, last_published_at=published,
            path=Page._get_path(home.path, home.depth + 1, step), depth=home.depth + 1, url_path=f"/p{step}/",
        )

    sources_published = now - timedelta(days=10)
    for number, key in enumerate(keys):
        rows.append(child(f"Seite {number}", german, key, sources_published))
    objects = TranslatableObject.objects.bulk_create(
        [TranslatableObject(translation_key=key, content_type=page_type) for key in keys]
    )
    sources = TranslationSource.objects.bulk_create(
        [
            TranslationSource(
                object=obj, specific_content_type=page_type, locale=german, object_repr=f"Seite {index}",
                content_json="{}", last_updated_at=now - timedelta(days=9),
            )
            for index, obj in enumerate(objects)
        ]
    )
    strings = String.objects.bulk_create(
        [String(locale=german, data=f"Text {index}-{part}", data_hash=uuid.uuid4()) for index in range(pages_count) for part in range(5)]
    )
    contexts = TranslationContext.objects.bulk_create(
        [TranslationContext(object=obj, path=f"field{part}", path_id=uuid.uuid4()) for obj in objects for part in range(5)]
    )
    StringSegment.objects.bulk_create(
        [
            StringSegment(source=source, context=contexts[index * 5 + part], string=strings[index * 5 + part], order=part, attrs="{}")
            for index, source in enumerate(sources)
            for part in range(5)
        ]
    )
    translations, string_translations, logs, review_pages = [], [], [], []
    for index, source in enumerate(sources):
        for locale_index, locale in enumerate(locales):
            kind = (index + locale_index) % 6  # 0 missing, 1 in progress, 2 review, 3 outdated, 4 machine, 5 current
            if kind == 0:
                continue
            target = child(f"T {index}", locale, keys[index], None if kind == 1 else now - timedelta(days=8))
            rows.append(target)
            if kind == 2:
                review_pages.append(target)
            translations.append(Translation(source=source, target_locale=locale))
            done = 3 if kind == 1 else 5
            for part in range(done):
                string_translations.append(
                    StringTranslation(
                        translation_of=strings[index * 5 + part], locale=locale, context=contexts[index * 5 + part],
                        data=f"T {index}-{part}", translation_type="machine" if kind == 4 else "manual",
                    )
                )
            logs.append(TranslationLog(source=source, locale=locale))
    Page.objects.bulk_create(rows, batch_size=2000)
    home.numchild = step
    home.save(update_fields=["numchild"])
    Translation.objects.bulk_create(translations, batch_size=2000)
    StringTranslation.objects.bulk_create(string_translations, batch_size=5000)
    TranslationLog.objects.bulk_create(logs, batch_size=5000)
    # "Outdated": the German source was published again after its snapshot.
    outdated_keys = [keys[index] for index in range(pages_count) if index % 6 in (3,)]
    Page.objects.filter(translation_key__in=outdated_keys, locale=german).update(last_published_at=now)
    workflow = Workflow.objects.first()
    ids = Page.objects.filter(path__in=[page.path for page in review_pages]).values_list("id", flat=True)
    WorkflowState.objects.bulk_create(
        [
            WorkflowState(content_type=page_type, base_content_type=page_type, object_id=str(page_id), workflow=workflow,
                          status=WorkflowState.STATUS_IN_PROGRESS)
            for page_id in ids
        ],
        batch_size=2000,
    )
    return home


last_queries = []


def measure(runs):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from translation.status import compute_statuses, counts_by_locale, source_pages, target_locales

    pages = source_pages().filter(depth__gt=2)
    locales = target_locales()
    timings = []
    for _ in range(runs):
        with CaptureQueriesContext(connection) as queries:
            started = time.perf_counter()
            statuses = compute_statuses(pages, locales)
            counts = counts_by_locale(statuses)
            timings.append(time.perf_counter() - started)
    global last_queries
    last_queries = queries.captured_queries
    return statuses, counts, timings, len(queries)


def main():
    args = parse_args()
    database_url = args.database_url or f"sqlite:///{tempfile.mkdtemp(prefix='welcome-bench-')}/bench.sqlite3"
    setup_django(database_url)
    from django.db import connection

    started = time.perf_counter()
    build(args.pages)
    print(f"data: {args.pages} pages × 12 locales built in {time.perf_counter() - started:.1f} s ({connection.vendor})")
    statuses, counts, timings, queries = measure(args.runs)
    totals = {}
    for per_locale in counts.values():
        for status, count in per_locale.items():
            totals[status] = totals.get(status, 0) + count
    print(f"items: {len(statuses)} (page × locale); by status: {totals}")
    print(f"compute_statuses: best {min(timings) * 1000:.0f} ms, median {sorted(timings)[len(timings) // 2] * 1000:.0f} ms over {len(timings)} runs")
    print(f"SQL queries: {queries}")
    if args.verbose:
        for query in last_queries:
            print(f"  {float(query['time']) * 1000:7.1f} ms  {query['sql'][:140]}")


if __name__ == "__main__":
    main()
