"""One address checked against a real local server: each answer the web gives, classified."""

import threading
import time

import pytest

from freshness.choices import LinkError, LinkState
from freshness.links.check import Checker, HostGate

USER_AGENT = "WelcomePlatformLinkChecker/1.0 (Willkommenszentrum Leipzig; willkommen@leipzig.de)"


@pytest.fixture
def checker(link_settings):
    return Checker.from_settings()


def test_a_working_address_is_asked_once_by_head_with_the_platforms_user_agent(web, checker):
    outcome = checker.check(web.url("/ok"))
    assert (outcome.state, outcome.status_code, outcome.final_url) == (LinkState.OK, 200, web.url("/ok"))
    assert web.seen == [("HEAD", "/ok", USER_AGENT)]


def test_a_missing_page_is_broken_with_its_status(web, checker):
    outcome = checker.check(web.url("/gone"))
    assert (outcome.state, outcome.status_code, outcome.error) == (LinkState.BROKEN, 404, "")


def test_a_permanent_redirect_is_reported_as_moved_with_its_target(web, checker):
    outcome = checker.check(web.url("/old"))
    assert (outcome.state, outcome.status_code, outcome.final_url) == (LinkState.MOVED, 200, web.url("/ok"))


def test_a_temporary_redirect_is_followed_and_the_link_works(web, checker):
    outcome = checker.check(web.url("/for-now"))
    assert (outcome.state, outcome.final_url) == (LinkState.OK, web.url("/ok"))


def test_redirects_are_followed_five_times_at_most(web, checker):
    outcome = checker.check(web.url("/loop"))
    assert (outcome.state, outcome.error) == (LinkState.BROKEN, LinkError.REDIRECTS)
    assert len(web.seen) == 6  # the address and five redirects


def test_a_server_refusing_head_is_asked_again_by_get(web, checker):
    outcome = checker.check(web.url("/no-head"))
    assert (outcome.state, outcome.status_code) == (LinkState.OK, 200)
    assert [method for method, *_rest in web.seen] == ["HEAD", "GET"]


def test_a_slow_server_times_out_after_the_configured_seconds(web, checker):
    started = time.monotonic()
    outcome = checker.check(web.url("/slow"))
    assert (outcome.state, outcome.error) == (LinkState.BROKEN, LinkError.TIMEOUT)
    assert time.monotonic() - started < 1.5


def test_private_addresses_are_refused_unless_allowed(web, link_settings):
    link_settings.LINK_CHECK_PRIVATE_ADDRESSES = False
    outcome = Checker.from_settings().check(web.url("/ok"))
    assert (outcome.state, outcome.error) == (LinkState.BROKEN, LinkError.REFUSED)
    assert web.seen == []


@pytest.mark.parametrize("url", ["ftp://example.org/file", "javascript:alert(1)"])
def test_only_http_and_https_are_checked(checker, url):
    assert checker.check(url).error == LinkError.REFUSED


def test_an_unknown_host_name_is_a_dns_error(checker):
    assert checker.check("http://no-such-host.invalid/").error == LinkError.DNS


def test_one_host_gets_one_request_at_a_time_with_a_pause_between():
    gate = HostGate(delay=0.2)
    visits = []

    def visit():
        with gate.visit("example.org"):
            visits.append(("in", time.monotonic()))
            time.sleep(0.05)
            visits.append(("out", time.monotonic()))

    threads = [threading.Thread(target=visit) for _ in range(3)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert [kind for kind, _at in visits] == ["in", "out"] * 3
    for (_out, left), (_in, entered) in zip(visits[1::2], visits[2::2]):
        assert entered - left >= 0.19
