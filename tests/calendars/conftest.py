"""
A partner's calendar server for the import's tests: ``http.server`` in a thread on
127.0.0.1, serving ``.ics`` files the test changes between two imports, with an ETag (and
``304 Not Modified`` for a request that sends it back), a slow address and a missing one.
"""

import hashlib
import time
from http.server import BaseHTTPRequestHandler

import pytest

from freshness.calendars.models import CalendarFeed
from tests.factories import PartnerPageFactory
from tests.services import LocalHTTPServer

#: Longer than the tests' timeout.
SLOW_SECONDS = 2


class Handler(BaseHTTPRequestHandler):
    def log_message(self, *args):
        pass

    def do_GET(self):
        self.server.seen.append({"path": self.path, **dict(self.headers)})
        if self.path == "/slow.ics":
            time.sleep(SLOW_SECONDS)
        if self.path == "/trickle.ics":
            return self.trickle()
        body = self.server.files.get(self.path)
        if body is None:
            return self.answer(404, b"not found")
        etag = '"' + hashlib.md5(body).hexdigest() + '"'
        if self.headers.get("If-None-Match") == etag:
            return self.answer(304, b"")
        self.answer(200, body, {"ETag": etag, "Content-Type": "text/calendar; charset=utf-8"})

    def trickle(self):
        """40 kB, a kilobyte every tenth of a second: each read in time, the whole far too slow."""
        self.send_response(200)
        self.send_header("Content-Length", str(40 * 1024))
        self.end_headers()
        for _piece in range(40):
            self.wfile.write(b"X" * 1024)
            self.wfile.flush()
            time.sleep(0.1)

    def answer(self, status, body, headers=None):
        self.send_response(status)
        for name, value in (headers or {}).items():
            self.send_header(name, value)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


class CalendarServer(LocalHTTPServer):
    def __init__(self):
        super().__init__(Handler)
        self.server.files = {}

    def serve(self, path, *events, raw=None):
        """Serve a calendar of ``events`` (VEVENT bodies) at ``path``, or ``raw`` bytes."""
        self.server.files[path] = raw if raw is not None else calendar(*events)

    def remove(self, path):
        self.server.files.pop(path, None)


def calendar(*events):
    lines = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//Verein//Kalender//DE"]
    for event in events:
        lines += ["BEGIN:VEVENT", *[line.strip() for line in event.strip().splitlines()], "END:VEVENT"]
    lines.append("END:VCALENDAR")
    return ("\r\n".join(lines) + "\r\n").encode()


ONLINE = "https://treffen.example.org/raum"


def vevent(uid, summary, start="20350105T180000", end="20350105T200000", *extra, location=ONLINE):
    """A VEVENT body in Leipzig time; ``extra`` lines as written in the file."""
    lines = [
        f"UID:{uid}",
        f"SUMMARY:{summary}",
        f"DTSTART;TZID=Europe/Berlin:{start}",
        f"DTEND;TZID=Europe/Berlin:{end}",
        "DTSTAMP:20261201T120000Z",
    ]
    if location:
        lines.append(f"LOCATION:{location}")
    return "\n".join([*lines, *extra])


@pytest.fixture
def calendar_server():
    with CalendarServer() as local:
        yield local


@pytest.fixture
def calendar_settings(settings):
    """127.0.0.1 allowed (production refuses private addresses), a short timeout."""
    settings.CALENDAR_IMPORT_PRIVATE_ADDRESSES = True
    settings.CALENDAR_IMPORT_TIMEOUT = 0.5
    return settings


@pytest.fixture
def partner(site_tree):
    return PartnerPageFactory(parent=site_tree.partners, title="Verein Brücke", slug="bruecke")


@pytest.fixture
def feed(partner, calendar_server, calendar_settings):
    return CalendarFeed.objects.create(partner=partner, url=calendar_server.url("/verein.ics"))
