"""
The demo is loaded once for all tests of this package, inside a transaction that is
rolled back at the end, so the rest of the suite still starts from an empty install.
Each test runs in its own savepoint within it (pytest-django's ``db``).
"""

import io
from dataclasses import dataclass

import pytest
from django.core.management import call_command
from django.db import transaction


@dataclass
class LoadedDemo:
    output: str


def load_demo(*args):
    out = io.StringIO()
    call_command("load_demo", *args, stdout=out)
    return out.getvalue()


@pytest.fixture(scope="package")
def demo(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock(), transaction.atomic():
        yield LoadedDemo(output=load_demo())
        transaction.set_rollback(True)


@pytest.fixture
def demo_db(demo, db):
    """The loaded demo, with the test's changes rolled back afterwards."""
    return demo
