"""
Fetching one feed politely and safely: the link checker's address rule on every hop (no
private networks, http/https only), a timeout, a size limit read from the stream, a
User-Agent that says who asks, and a conditional GET (ETag, Last-Modified) so an hourly
import of an unchanged calendar costs the partner's server one short answer.

Nothing here touches the database.
"""

import socket
import time
from dataclasses import dataclass
from urllib.parse import urljoin, urlsplit

import requests
from django.conf import settings

from freshness.calendars.choices import FeedError
from freshness.links.check import Refused, allow_address

MAX_REDIRECTS = 5
#: The whole body must arrive within this many timeouts (each read has one timeout).
READ_TIMEOUTS = 4


class FetchFailed(Exception):
    def __init__(self, code, detail):
        super().__init__(detail)
        self.code = code
        self.detail = str(detail)[:255]


@dataclass
class Fetched:
    body: bytes | None  # None: not modified since the validators we sent
    etag: str = ""
    last_modified: str = ""


def fetch(url, *, etag="", last_modified=""):
    """The feed's body (or ``Fetched(body=None)`` when unchanged); raises ``FetchFailed``."""
    headers = {"User-Agent": settings.CALENDAR_IMPORT_USER_AGENT, "Accept": "text/calendar, */*;q=0.5"}
    if etag:
        headers["If-None-Match"] = etag
    if last_modified:
        headers["If-Modified-Since"] = last_modified
    try:
        return _follow(url, headers)
    except Refused as refused:
        raise FetchFailed(FeedError.REFUSED, refused) from refused
    except requests.Timeout as error:
        raise FetchFailed(FeedError.TIMEOUT, error) from error
    except (socket.gaierror, requests.ConnectionError) as error:
        raise FetchFailed(FeedError.CONNECTION, error) from error
    except (requests.RequestException, ValueError, UnicodeError) as error:
        raise FetchFailed(FeedError.CONNECTION, error) from error


def _follow(url, headers):
    for _hop in range(MAX_REDIRECTS + 1):
        allow_address(urlsplit(url), allow_private=settings.CALENDAR_IMPORT_PRIVATE_ADDRESSES)
        response = requests.get(
            url, headers=headers, timeout=settings.CALENDAR_IMPORT_TIMEOUT, allow_redirects=False, stream=True
        )
        with response:
            location = response.headers.get("Location")
            if response.is_redirect and location:
                url = urljoin(url, location)
                continue
            if response.status_code == 304:
                return Fetched(body=None)
            if response.status_code >= 400:
                raise FetchFailed(FeedError.STATUS, f"HTTP {response.status_code}")
            return Fetched(
                body=_read_limited(response),
                etag=response.headers.get("ETag", "")[:255],
                last_modified=response.headers.get("Last-Modified", "")[:64],
            )
    raise FetchFailed(FeedError.CONNECTION, f"more than {MAX_REDIRECTS} redirects")


def _read_limited(response):
    """
    The body, at most ``CALENDAR_IMPORT_MAX_BYTES``, within a few timeouts in all: a server
    trickling its answer byte by byte is cut off too.
    """
    limit = settings.CALENDAR_IMPORT_MAX_BYTES
    deadline = time.monotonic() + READ_TIMEOUTS * settings.CALENDAR_IMPORT_TIMEOUT
    declared = response.headers.get("Content-Length", "")
    if declared.isdigit() and int(declared) > limit:
        raise FetchFailed(FeedError.TOO_LARGE, f"{declared} bytes (at most {limit})")
    body = bytearray()
    for chunk in response.iter_content(16 * 1024):
        body += chunk
        if len(body) > limit:
            raise FetchFailed(FeedError.TOO_LARGE, f"more than {limit} bytes")
        if time.monotonic() > deadline:
            seconds = READ_TIMEOUTS * settings.CALENDAR_IMPORT_TIMEOUT
            raise FetchFailed(FeedError.TIMEOUT, f"still reading after {seconds:g} s")
    return bytes(body)
