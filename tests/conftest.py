"""
The German site tree most tests build their content in, built once per test module.

``shared_site_tree`` creates the tree inside a transaction that is rolled back when the
module's last test has run, so the next module (and the demo, and the browser tests, which
commit their content) still starts from an empty install. Each test runs in its own savepoint
within it (pytest-django's ``db``) and receives fresh instances of the pages, re-read by
primary key: a test may add children, rename or delete these pages, and the next test sees
the tree as it was built. Treebeard keeps state on the instance (``numchild``, ``path``),
which is why instances are never shared between tests. Modules whose tests all need the
same costly content build it the same way (``rolled_back_at_the_end``).
"""

from contextlib import contextmanager
from dataclasses import dataclass, fields

import pytest
from django.core.cache import cache
from django.db import transaction
from wagtail.models import Page, Site

from directory.models import PartnerIndexPage
from pages.models import EventIndexPage, GuideIndexPage, HomePage
from tests.factories import locale


@dataclass
class SiteTree:
    home: HomePage
    guides: GuideIndexPage
    events: EventIndexPage
    partners: PartnerIndexPage

    def primary_keys(self):
        return {field.name: getattr(self, field.name).pk for field in fields(self)}

    @classmethod
    def fetch(cls, primary_keys):
        """Fresh instances of the pages, as the database holds them now."""
        return cls(**{field.name: field.type.objects.get(pk=primary_keys[field.name]) for field in fields(cls)})


def build_site_tree():
    """The German tree the site serves: home page and one section page per content type."""
    root = Page.get_first_root_node()
    Page.objects.filter(depth=2).delete()
    home = root.add_child(instance=HomePage(title="Willkommen", slug="home", locale=locale("de")))
    Site.objects.update_or_create(
        is_default_site=True, defaults={"hostname": "localhost", "root_page": home, "site_name": "Test"}
    )
    return SiteTree(
        home=home,
        guides=home.add_child(instance=GuideIndexPage(title="Ratgeber", slug="ratgeber")),
        events=home.add_child(instance=EventIndexPage(title="Veranstaltungen", slug="veranstaltungen")),
        partners=home.add_child(instance=PartnerIndexPage(title="Partner", slug="partner")),
    )


@contextmanager
def rolled_back_at_the_end(django_db_blocker):
    """
    Database access for a module-scoped fixture: what it writes stays for the module's
    tests (each in its own savepoint within) and is rolled back when the fixture ends.
    Such a fixture yields primary keys; a function-scoped one hands out fresh instances.
    """
    with django_db_blocker.unblock(), transaction.atomic():
        yield
        transaction.set_rollback(True)


@pytest.fixture(scope="module")
def shared_site_tree(django_db_setup, django_db_blocker):
    """Primary keys of the tree, built once for the module and rolled back after it."""
    with rolled_back_at_the_end(django_db_blocker):
        yield build_site_tree().primary_keys()


@pytest.fixture
def site_tree(shared_site_tree, db):
    return SiteTree.fetch(shared_site_tree)


@pytest.fixture(autouse=True)
def _empty_cache():
    """
    Wagtail caches the site root paths, the API and the rate limits cache their own: rolled
    back rows must not survive in the cache, so every test starts with an empty one.
    """
    cache.clear()


@pytest.fixture
def smtp_server(settings):
    """
    A real SMTP server for this test (aiosmtpd), with the platform's mail going to it over
    SMTP: ``smtp_server.messages`` holds what arrived.
    """
    from tests.services import SMTPServer

    server = SMTPServer()
    server.start()
    # Queued as in production (cms.mail), delivered over SMTP by the worker (tasks run at once here).
    settings.EMAIL_BACKEND = "cms.mail.QueuedEmailBackend"
    settings.EMAIL_DELIVERY_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST = "127.0.0.1"
    settings.EMAIL_PORT = server.port
    settings.EMAIL_USE_TLS = False
    settings.EMAIL_USE_SSL = False
    settings.EMAIL_HOST_USER = ""
    settings.EMAIL_HOST_PASSWORD = ""
    try:
        yield server
    finally:
        server.stop()
