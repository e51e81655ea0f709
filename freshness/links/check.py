"""
Checking one address, politely: HEAD first (GET only when HEAD is refused), a timeout per
request, a User-Agent that says who asks and how to reach us, one request per host at a
time with a pause between two, redirects followed by hand (at most five) so that each hop
is checked against the address rule and a permanent move is noticed.

Nothing here touches the database: ``run`` calls it from worker threads.
"""

import ipaddress
import socket
import threading
import time
from contextlib import contextmanager
from dataclasses import dataclass
from urllib.parse import urljoin, urlsplit

import requests
from django.conf import settings

from freshness.choices import LinkError, LinkState

#: Answers that mean "this server does not do HEAD", not "this page is gone".
HEAD_REFUSED = {405, 501}
PERMANENT_REDIRECTS = {301, 308}


@dataclass
class Outcome:
    status_code: int | None = None
    final_url: str = ""
    error: str = ""
    detail: str = ""
    moved: bool = False

    @property
    def state(self):
        if self.error or self.status_code is None or self.status_code >= 400:
            return LinkState.BROKEN
        return LinkState.MOVED if self.moved else LinkState.OK


class Refused(Exception):
    """An address the checker must not visit (another scheme, or a private network)."""


class HostGate:
    """One request per host at a time, and at least ``delay`` seconds between two to one host."""

    def __init__(self, delay):
        self.delay = delay
        self._guard = threading.Lock()
        self._locks = {}
        self._last = {}

    @contextmanager
    def visit(self, host):
        with self._guard:
            lock = self._locks.setdefault(host, threading.Lock())
        with lock:
            wait = self._last.get(host, float("-inf")) + self.delay - time.monotonic()
            if wait > 0:
                time.sleep(wait)
            try:
                yield
            finally:
                self._last[host] = time.monotonic()


class Checker:
    def __init__(self, *, timeout, user_agent, allow_private, host_delay, max_redirects=5):
        self.timeout = timeout
        self.headers = {"User-Agent": user_agent}
        self.allow_private = allow_private
        self.max_redirects = max_redirects
        self.gate = HostGate(host_delay)

    @classmethod
    def from_settings(cls):
        return cls(
            timeout=settings.LINK_CHECK_TIMEOUT,
            user_agent=settings.LINK_CHECK_USER_AGENT,
            allow_private=settings.LINK_CHECK_PRIVATE_ADDRESSES,
            host_delay=settings.LINK_CHECK_HOST_DELAY,
        )

    def check(self, url):
        """The ``Outcome`` of following ``url``; never raises for anything the network does."""
        try:
            return self._follow(url)
        except Refused as refused:
            return Outcome(final_url=url, error=LinkError.REFUSED, detail=str(refused))
        except socket.gaierror as error:
            return Outcome(final_url=url, error=LinkError.DNS, detail=str(error))
        except requests.Timeout as error:
            return Outcome(final_url=url, error=LinkError.TIMEOUT, detail=str(error))
        except requests.exceptions.SSLError as error:
            return Outcome(final_url=url, error=LinkError.TLS, detail=str(error))
        except requests.ConnectionError as error:
            return Outcome(final_url=url, error=LinkError.CONNECTION, detail=str(error))
        except (requests.RequestException, ValueError, UnicodeError) as error:
            return Outcome(final_url=url, error=LinkError.INVALID, detail=str(error))

    def _follow(self, url):
        moved = False
        for hop in range(self.max_redirects + 1):
            response = self._request(url)
            location = response.headers.get("Location")
            if not (response.is_redirect and location):
                return Outcome(status_code=response.status_code, final_url=url, moved=moved)
            # The editors' address itself moved for good: they should write the new one.
            moved = moved or (hop == 0 and response.status_code in PERMANENT_REDIRECTS)
            url = urljoin(url, location)
        return Outcome(
            status_code=response.status_code, final_url=url, error=LinkError.REDIRECTS,
            detail=f"more than {self.max_redirects} redirects",
        )

    def _request(self, url):
        parts = urlsplit(url)
        self._allow(parts)
        options = {"headers": self.headers, "timeout": self.timeout, "allow_redirects": False}
        with self.gate.visit(parts.netloc.lower()):
            response = requests.head(url, **options)
            if response.status_code in HEAD_REFUSED:
                response = requests.get(url, stream=True, **options)
                response.close()  # the status is all we need, not the body
        return response

    def _allow(self, parts):
        allow_address(parts, allow_private=self.allow_private)


def allow_address(parts, *, allow_private):
    """
    Only http and https, and (unless allowed) only public addresses: whoever can write a
    link (or a partner's calendar address, ``freshness.calendars``) must not make the server
    probe its own network. A name that resolves to a private address again between this
    check and the request is not caught here. Raises ``Refused``, or ``socket.gaierror``.
    """
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise Refused(f"not an http(s) address: {parts.geturl()}")
    port = parts.port or (443 if parts.scheme == "https" else 80)
    addresses = socket.getaddrinfo(parts.hostname, port, proto=socket.IPPROTO_TCP)  # gaierror: DNS
    if allow_private:
        return
    for *_rest, address in addresses:
        if not ipaddress.ip_address(address[0].split("%")[0]).is_global:
            raise Refused(f"{parts.hostname} is in a private network ({address[0]})")


def check_document(document):
    """A document link works when its file is still in storage."""
    if document is None:
        return Outcome(error=LinkError.MISSING, detail="the document was deleted")
    try:
        exists = document.file.storage.exists(document.file.name)
    except OSError as error:
        return Outcome(final_url=document.url, error=LinkError.MISSING, detail=str(error))
    if not exists:
        return Outcome(final_url=document.url, error=LinkError.MISSING, detail=document.file.name)
    return Outcome(status_code=200, final_url=document.url)
