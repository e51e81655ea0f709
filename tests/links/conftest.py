"""
A real HTTP server for the link checker's tests (``http.server`` in a thread on
127.0.0.1), answering as the web out there does: fine, gone, moved, refusing HEAD, slow.
"""

import time
from http.server import BaseHTTPRequestHandler

import pytest

from tests.services import LocalHTTPServer

#: path: (status, Location) for HEAD and GET alike.
ROUTES = {
    "/ok": (200, None),
    "/gone": (404, None),
    "/old": (301, "/ok"),
    "/for-now": (302, "/ok"),
    "/loop": (302, "/loop"),
}
#: Longer than the tests' timeout.
SLOW_SECONDS = 2


class Handler(BaseHTTPRequestHandler):
    def log_message(self, *args):
        pass

    def answer(self, status, location=None):
        self.send_response(status)
        if location:
            self.send_header("Location", location)
        self.send_header("Content-Length", "0")
        self.end_headers()

    def handle_any(self):
        self.server.seen.append((self.command, self.path, self.headers.get("User-Agent")))
        if self.path == "/slow":
            time.sleep(SLOW_SECONDS)
            return self.answer(200)
        if self.path == "/no-head":
            return self.answer(405 if self.command == "HEAD" else 200)
        self.answer(*ROUTES.get(self.path, (404, None)))

    do_HEAD = do_GET = handle_any


@pytest.fixture
def web():
    with LocalHTTPServer(Handler) as local:
        yield local


@pytest.fixture
def link_settings(settings):
    """Checks of 127.0.0.1 allowed (the production default refuses private addresses), short timeouts."""
    settings.LINK_CHECK_PRIVATE_ADDRESSES = True
    settings.LINK_CHECK_TIMEOUT = 0.5
    settings.LINK_CHECK_HOST_DELAY = 0
    return settings
