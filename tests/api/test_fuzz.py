"""
A bounded fuzz run on every build: schema-driven valid and invalid queries and raw
bodies never get an internal error, an HTTP 5xx or an error without a code. The long run
(10 000 and more) is ``bench/fuzz_api.py``.
"""

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.api.fuzzing import invalid_queries, is_failure, raw_bodies, send, valid_queries
from tests.factories import EventPageFactory, GuidePageFactory, PartnerPageFactory, PlaceFactory, ServicePageFactory

CASES = st.one_of(
    valid_queries.map(lambda query: ("valid", query)),
    invalid_queries.map(lambda query: ("invalid", query)),
    raw_bodies.map(lambda body: ("raw", body)),
)


@pytest.fixture
def content(site_tree):
    place = PlaceFactory()
    GuidePageFactory(parent=site_tree.guides)
    partner = PartnerPageFactory(parent=site_tree.partners, places=[place])
    ServicePageFactory(parent=partner, places=[place])
    EventPageFactory(parent=partner, place=place, recurrence_rule="FREQ=WEEKLY;COUNT=5")
    return site_tree


def test_fuzzed_requests_never_fail_inside(client, content):
    failures = []

    @settings(max_examples=150, deadline=None, database=None, suppress_health_check=list(HealthCheck))
    @given(CASES)
    def run(case):
        kind, payload = case
        status, codes = send(client, kind, payload)
        if is_failure(status, codes):
            failures.append((kind, payload, status, codes))

    run()
    assert failures == []
