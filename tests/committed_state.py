"""
For tests whose writes must be committed because another connection or process reads
them (``pg_dump``, a second connection standing in for a read replica).

pytest-django's transactional tests (``django_db(transaction=True)``) empty every table
afterwards, and with them what the migrations wrote (locales, the root page, groups …)
that the tests running later expect. ``restored_afterwards`` records those rows first and
writes them back at the end, as the browser tests' ``committed_database`` does: a
module-scoped fixture wraps the module's transactional tests in it.
"""

import json
from contextlib import contextmanager


@contextmanager
def restored_afterwards(django_db_blocker):
    from django.contrib.contenttypes.models import ContentType
    from django.core.management import call_command
    from django.db import connection

    with django_db_blocker.unblock():
        before = connection.creation.serialize_db_to_string()
    try:
        yield
    finally:
        with django_db_blocker.unblock():
            # Sequences go on from where they are, so later tests never reuse a primary key.
            call_command("flush", verbosity=0, interactive=False, reset_sequences=False, inhibit_post_migrate=True)
            # pytest-django's own emptying re-created the content types under new ids. Wagtail's
            # Task.__init__ looks its content type up while a task is being deserialised: with
            # the old rows written first, it finds them instead of creating a duplicate.
            ContentType.objects.clear_cache()
            rows = json.loads(before)
            rows.sort(key=lambda row: row["model"] != "contenttypes.contenttype")
            connection.creation.deserialize_db_from_string(json.dumps(rows))
            ContentType.objects.clear_cache()
