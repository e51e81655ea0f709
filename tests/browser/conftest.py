"""
Browser tests: Playwright for Python driving Debian's chromium (no downloaded browser).

Without chromium (or without playwright) these tests are skipped with the reason; under
CI (``CI=true``) a missing browser fails them instead, so CI cannot pass by skipping.
Screenshots go to ``test-artifacts/screenshots/`` (or ``$SCREENSHOT_DIR``).

The live server answers from its own database connection, so the browser tests' content
must be committed, not kept in a test's transaction. It is committed once for the whole
package (``content``), and afterwards the tables are emptied and the state from before
restored, as Django's ``serialized_rollback`` would do after every single test: emptying
and restoring every table costs a second or more, building the content almost another.
The tests therefore share the content and must not depend on what another one changed;
each gets its own browser context (cookies, storage, clock). The package's tests carry no
``django_db`` mark, get ``db`` from here and use ``server``, not pytest-django's
``live_server``: both of pytest-django's would empty the tables after each test again.
"""

import http.server
import os
import shutil
from pathlib import Path

import pytest

CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
SCREENSHOT_DIR = Path(os.environ.get("SCREENSHOT_DIR", Path(__file__).resolve().parents[2] / "test-artifacts" / "screenshots"))


def _missing_browser():
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        return "playwright is not installed (pip install -c constraints.txt -e '.[test]')"
    if not (os.path.isfile(CHROMIUM) and os.access(CHROMIUM, os.X_OK)) and not shutil.which(CHROMIUM):
        return f"no Chromium at {CHROMIUM} (apt-get install -y chromium, or set CHROMIUM_PATH)"
    return None


def _in_ci():
    return os.environ.get("CI", "").lower() in {"1", "true", "yes"}


def pytest_collection_modifyitems(config, items):
    """Outside CI, a missing browser skips these tests with the reason (shown by -ra)."""
    reason = _missing_browser()
    if reason is None or _in_ci():
        return
    here = Path(__file__).parent
    for item in items:
        if Path(str(item.fspath)).parent == here:
            item.add_marker(pytest.mark.skip(reason=f"browser tests skipped: {reason}"))


@pytest.fixture(scope="package")
def committed_database(django_db_setup, django_db_blocker):
    """
    Database access for the package, committed as it happens. At the end every table is
    emptied and the rows from before the package (the migrations' locales, root page,
    groups …) are written back, so the database is as the other tests expect it.
    """
    from django.core.management import call_command
    from django.db import connection

    with django_db_blocker.unblock():
        before = connection.creation.serialize_db_to_string()
        yield
        # As TransactionTestCase does: the sequences go on from where they are, so the
        # tests after these never reuse a primary key of the rows written back.
        call_command("flush", verbosity=0, interactive=False, reset_sequences=False, inhibit_post_migrate=True)
        connection.creation.deserialize_db_from_string(before)


@pytest.fixture
def db(committed_database):
    """
    The browser tests' database access: the package's committed database, not a
    transaction per test. Named ``db`` so that pytest-django creates the test database
    for these tests too when they run on their own.

    Once Playwright runs, the tests run in another context than the package's fixtures,
    and Django keeps one connection per context: the test's own is closed after it, or
    it would outlive the test database.
    """
    from django.db import connections

    yield
    connections.close_all()


@pytest.fixture(scope="package")
def server(committed_database):
    """Django served on a free port in a thread of this process, for the package."""
    from pytest_django.live_server_helper import LiveServer

    server = LiveServer("localhost")
    server._live_server_modified_settings.enable()
    yield server
    server._live_server_modified_settings.disable()
    server.stop()


@pytest.fixture(scope="module")
def browser(server):
    """
    Playwright's sync API keeps an asyncio loop running in this thread, which Django's
    async-safety check mistakes for async code calling the ORM. The check is lifted only
    while a browser module runs, and restored after it.
    """
    reason = _missing_browser()
    if reason:  # only reached under CI: a skipped browser test must not pass CI
        pytest.fail(f"CI=true but the browser tests cannot run: {reason}")
    from playwright.sync_api import sync_playwright

    previous = os.environ.get("DJANGO_ALLOW_ASYNC_UNSAFE")
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            yield browser
            browser.close()
    finally:
        if previous is None:
            os.environ.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
        else:
            os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = previous


@pytest.fixture
def page(db, browser):
    """A fresh browser context per test: no cookies, storage or cache from another test."""
    context = browser.new_context(viewport={"width": 1600, "height": 1000}, locale="de-DE", timezone_id="Europe/Berlin")
    page = context.new_page()
    errors = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.js_errors = errors
    yield page
    context.close()


@pytest.fixture(scope="session")
def screenshot_dir():
    SCREENSHOT_DIR.mkdir(parents=True, exist_ok=True)
    return SCREENSHOT_DIR


@pytest.fixture(scope="package")
def content(committed_database, server, partner_site):
    """Kiosk and widget content, committed, so the live server's thread sees it."""
    from django.test import override_settings

    from tests.browser.content import build

    with override_settings(KIOSK_PUBLIC_SITE_URL=server.url):
        yield build(server.url, allowed_origin=partner_site.origin)


@pytest.fixture(scope="session")
def partner_site(tmp_path_factory):
    """
    A partner's own web server on another port: a second origin for the widget.
    ``http://127.0.0.1:<port>`` and ``http://localhost:<port>`` are two origins of it.
    """
    import functools

    from tests.services import LocalHTTPServer

    root = tmp_path_factory.mktemp("partner-site")
    with LocalHTTPServer(functools.partial(QuietHandler, directory=str(root))) as local:
        yield PartnerSite(root, local.server.server_port)


class PartnerSite:
    def __init__(self, root, port):
        self.root = root
        self.port = port
        self.origin = f"http://127.0.0.1:{port}"
        self.other_origin = f"http://localhost:{port}"

    def publish(self, name, html):
        (self.root / name).write_text(html, encoding="utf-8")
        return name


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format, *args):
        pass
