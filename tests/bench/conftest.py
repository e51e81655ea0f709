"""
The peer APIs of bench/peers_bench.py exist only in the bench settings, so their tests run
in their own invocation (the normal suite reports them as skipped, with this command):

    .venv/bin/python -m pytest --ds=bench.peers.test_settings tests/bench

They need the ``bench`` extra (Django REST framework) and, for grapple, the pinned set of
bench/peers/requirements-grapple.txt; a missing grapple is a skip that says so.
"""

import io

import pytest
from django.conf import settings
from django.core.management import call_command
from django.db import transaction

PEERS_SETTINGS = "bench.peers.test_settings"


def pytest_configure(config):
    config.addinivalue_line(
        "markers", f"bench_peers: needs the peer APIs of the bench settings (pytest --ds={PEERS_SETTINGS} tests/bench)"
    )


def peers_installed():
    return settings.ROOT_URLCONF == "bench.peers.urls"


def pytest_collection_modifyitems(config, items):
    skip = pytest.mark.skip(
        reason=f"peer APIs not in these settings: run `.venv/bin/python -m pytest --ds={PEERS_SETTINGS} tests/bench`"
    )
    for item in items:
        if "bench_peers" in item.keywords and not peers_installed():
            item.add_marker(skip)


@pytest.fixture(scope="package")
def demo(django_db_setup, django_db_blocker):
    """The demo plus three synthetic bundles (over 20 public German guides and services), rolled back."""
    with django_db_blocker.unblock(), transaction.atomic():
        call_command("load_demo", "--size", "36", stdout=io.StringIO())
        yield
        transaction.set_rollback(True)
