"""
An index of the pages that expire by themselves (``expire_at`` set): the API's response
cache asks for the next expiry whenever it stores an answer (no answer may outlive it),
and the visibility scope for the next parent to expire. Without it both were a scan of
the whole page table (13 ms at 50 000 pages); with it, a look at a handful of rows.
"""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("pages", "0005_page_indexes_for_public_lists"),
    ]

    operations = [
        migrations.RunSQL(
            "CREATE INDEX IF NOT EXISTS welcome_page_expiring ON wagtailcore_page (expire_at) "
            "WHERE expire_at IS NOT NULL",
            "DROP INDEX IF EXISTS welcome_page_expiring",
        ),
    ]
