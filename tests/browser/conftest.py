"""
Browser tests: Playwright for Python driving Debian's chromium (no downloaded browser).

Without chromium (or without playwright) these tests are skipped with the reason; under
CI (``CI=true``) a missing browser fails them instead, so CI cannot pass by skipping.
Screenshots go to ``test-artifacts/screenshots/`` (or ``$SCREENSHOT_DIR``).
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


@pytest.fixture(scope="module")
def browser(django_db_setup, django_db_blocker):
    """
    Playwright's sync API keeps an asyncio loop running in this thread, which Django's
    async-safety check mistakes for async code calling the ORM. The check is lifted only
    while a browser module runs, and restored after it.

    Playwright also runs the test in a greenlet with its own context variables, where
    Django's (context-local) connection handler starts afresh and has lost the copy of
    the migrated data that ``serialized_rollback`` restores after each flush; it is
    handed over here, so the locales and root page of the migrations survive the tests.
    """
    reason = _missing_browser()
    if reason:  # only reached under CI: a skipped browser test must not pass CI
        pytest.fail(f"CI=true but the browser tests cannot run: {reason}")
    from django.db import connections
    from playwright.sync_api import sync_playwright

    serialized = {
        alias: connections[alias]._test_serialized_contents
        for alias in connections
        if hasattr(connections[alias], "_test_serialized_contents")
    }
    previous = os.environ.get("DJANGO_ALLOW_ASYNC_UNSAFE")
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            for alias, contents in serialized.items():
                connections[alias]._test_serialized_contents = contents
            yield browser
            browser.close()
    finally:
        if previous is None:
            os.environ.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
        else:
            os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = previous


@pytest.fixture
def page(transactional_db, live_server, browser):
    """
    A fresh browser context per test. It depends on the database fixtures so that it is
    closed *before* the database is flushed: a request still in flight from the page
    must not meet the flush on the live server's shared connection.
    """
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


@pytest.fixture
def content(transactional_db, live_server, partner_site, settings):
    """Kiosk and widget content, visible to the live server's thread."""
    from tests.browser.content import build

    settings.KIOSK_PUBLIC_SITE_URL = live_server.url
    return build(live_server.url, allowed_origin=partner_site.origin)


@pytest.fixture(scope="session")
def partner_site(tmp_path_factory):
    """
    A partner's own web server on another port: a second origin for the widget.
    ``http://127.0.0.1:<port>`` and ``http://localhost:<port>`` are two origins of it.
    """
    import functools
    import threading

    root = tmp_path_factory.mktemp("partner-site")
    handler = functools.partial(QuietHandler, directory=str(root))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield PartnerSite(root, server.server_address[1])
    server.shutdown()


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
