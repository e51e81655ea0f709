"""
Two indexes on Wagtail's page table that make a page of a public list cost the same at
50 000 pages as at 1 000 (docs/decisions/0002):

- ``(locale_id, title, id)``: lists are ordered by title within the reader's locale; the
  database walks this index and stops after one page of items, instead of reading every
  page of the locale and sorting them.
- ``path`` of the pages that may hide their subtree (parents that are not live, expired or
  due to expire): the visibility rule reads them on every request; without the index that
  was a scan of the whole table.

Wagtail's ``Page`` is not ours to give ``Meta.indexes``, hence SQL; both are plain
``CREATE INDEX`` that PostgreSQL and SQLite understand.
"""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("pages", "0004_shared_audiences_and_languages"),
    ]

    operations = [
        migrations.RunSQL(
            "CREATE INDEX IF NOT EXISTS welcome_page_locale_title ON wagtailcore_page (locale_id, title, id)",
            "DROP INDEX IF EXISTS welcome_page_locale_title",
        ),
        migrations.RunSQL(
            "CREATE INDEX IF NOT EXISTS welcome_page_hiding_parents ON wagtailcore_page (path) "
            "WHERE numchild > 0 AND (NOT live OR expired OR expire_at IS NOT NULL)",
            "DROP INDEX IF EXISTS welcome_page_hiding_parents",
        ),
    ]
