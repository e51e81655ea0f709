"""
Cached answers that show help offers and requests: approval, rejection, withdrawal and
edits purge them once committed; the end of a listing bounds how long they are kept.
"""

import time
from datetime import timedelta

import pytest
from django.utils import timezone

from offers.choices import Status
from tests.api.test_response_cache import ask, caching, committed  # noqa: F401 (fixtures)
from tests.offers.people import listing, submitter

OFFERS = "query { offers { totalCount edges { node { title } } } }"
ONE = "query ($id: ID!) { listing(id: $id) { title } }"


def titles(response):
    return [edge["node"]["title"] for edge in response.json()["data"]["offers"]["edges"]]


@pytest.fixture
def owner(db):
    return submitter("lena.sommer@example.org")


def approve(item):
    now = timezone.now()
    item.set_status(Status.APPROVED, approved_at=now, expires_at=now + timedelta(days=60))


def test_approval_purges_the_list(client, caching, owner, committed):  # noqa: F811
    item = listing(owner, title="Sofa", status=Status.PENDING)
    assert titles(ask(client, OFFERS)) == []
    assert ask(client, OFFERS)["X-Cache"] == "HIT"
    committed(approve, item)
    assert titles(ask(client, OFFERS)) == ["Sofa"]


@pytest.mark.parametrize("status", [Status.REJECTED, Status.WITHDRAWN, Status.EXPIRED])
def test_ending_a_listing_purges_the_list_and_the_item(client, caching, owner, committed, status):  # noqa: F811
    item = listing(owner, title="Sofa")
    assert titles(ask(client, OFFERS)) == ["Sofa"]
    assert ask(client, ONE, {"id": str(item.pk)}).json()["data"]["listing"] == {"title": "Sofa"}
    committed(item.set_status, status, ended_at=timezone.now())
    assert titles(ask(client, OFFERS)) == []
    assert ask(client, ONE, {"id": str(item.pk)}).json()["data"]["listing"] is None


def test_an_edit_purges_the_answers_that_show_it(client, caching, owner, committed):  # noqa: F811
    item = listing(owner, title="Sofa")
    assert ask(client, ONE, {"id": str(item.pk)}).json()["data"]["listing"] == {"title": "Sofa"}
    item.title = "Rotes Sofa"
    committed(item.save)
    assert ask(client, ONE, {"id": str(item.pk)}).json()["data"]["listing"] == {"title": "Rotes Sofa"}


def test_an_answer_is_not_kept_past_the_end_of_a_listing(client, caching, owner):  # noqa: F811
    listing(owner, title="Sofa", expires_at=timezone.now() + timedelta(seconds=2))
    assert titles(ask(client, OFFERS)) == ["Sofa"]
    assert ask(client, OFFERS)["X-Cache"] == "HIT"
    time.sleep(2.2)
    # No job has run: the answer was stored only until the listing's end.
    assert titles(ask(client, OFFERS)) == []


def test_a_translator_checking_a_machine_translation_purges_its_notice(client, caching, owner, committed):  # noqa: F811
    from offers.translating import mark_checked

    item = listing(owner, title="Sofa")
    item.machine_translated = True
    item.save()
    query = "query ($id: ID!) { listing(id: $id) { machineTranslated } }"
    assert ask(client, query, {"id": str(item.pk)}).json()["data"]["listing"] == {"machineTranslated": True}
    assert ask(client, query, {"id": str(item.pk)})["X-Cache"] == "HIT"
    committed(mark_checked, item)
    assert ask(client, query, {"id": str(item.pk)}).json()["data"]["listing"] == {"machineTranslated": False}
