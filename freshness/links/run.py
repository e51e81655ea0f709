"""
One round of the link checker: collect what the content uses, check each address in a
small thread pool (one job per host, so four workers never queue at one slow host), keep
each result as it arrives. Database work stays in the calling thread.
"""

from collections import Counter, defaultdict
from concurrent.futures import ThreadPoolExecutor, as_completed
from urllib.parse import urlsplit

from django.conf import settings
from django.utils import timezone

from freshness.choices import LinkKind
from freshness.links import collect
from freshness.links.check import Checker, check_document


def collect_links():
    """Find the addresses the live content uses and store them with their uses."""
    return collect.record(collect.found())


def check_links(links):
    """Check ``links`` and store the results; returns how many ended in each state."""
    states = Counter()

    def keep(link, outcome):
        link.record(outcome, timezone.now())
        states[link.state] += 1

    for link in links:
        if link.kind == LinkKind.DOCUMENT:
            keep(link, check_document(link.document))

    by_host = defaultdict(list)
    for link in links:
        if link.kind == LinkKind.WEB:
            by_host[urlsplit(link.url).netloc.lower()].append(link)

    checker = Checker.from_settings()

    def check_host(host_links):
        return [(link, checker.check(link.url)) for link in host_links]

    with ThreadPoolExecutor(max_workers=settings.LINK_CHECK_CONCURRENCY) as pool:
        for done in as_completed([pool.submit(check_host, host_links) for host_links in by_host.values()]):
            for link, outcome in done.result():
                keep(link, outcome)
    return states


def collect_and_check():
    """The daily round: what the content uses now, checked."""
    return check_links(collect_links())
