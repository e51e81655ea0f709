"""
A whole round (command and worker task): collect, check over HTTP, keep the results and
count the failures in a row; documents are checked in storage.
"""

import pytest
from django.core.management import call_command

from cms import tasks
from freshness.choices import LinkError, LinkState
from freshness.models import CheckedLink
from tests.links.content import document, guide_with_links, partner_with_service_and_event


@pytest.fixture
def content(site_tree, web, link_settings):
    handout = document()
    guide_with_links(site_tree.guides, rich_link=web.url("/ok"), block_link=web.url("/old"), handout=handout)
    partner_with_service_and_event(
        site_tree.partners, website=web.url("/gone"), contact=web.url("/no-head"), registration=web.url("/slow")
    )
    return handout


def states():
    return {("document" if link.document else link.url.rsplit("/", 1)[-1]): link.state for link in CheckedLink.objects.all()}


def test_the_worker_task_checks_every_link_of_the_content(content, web):
    tasks.check_links.enqueue()  # the test settings run tasks at once

    assert states() == {
        "ok": LinkState.OK,
        "old": LinkState.MOVED,
        "gone": LinkState.BROKEN,
        "no-head": LinkState.OK,
        "slow": LinkState.BROKEN,
        "document": LinkState.OK,
    }
    moved = CheckedLink.objects.get(url=web.url("/old"))
    assert (moved.final_url, moved.status_code) == (web.url("/ok"), 200)
    slow = CheckedLink.objects.get(url=web.url("/slow"))
    assert (slow.error, slow.consecutive_failures, slow.last_checked is not None) == (LinkError.TIMEOUT, 1, True)


def test_failures_in_a_row_are_counted_from_the_first_one_and_reset_by_success(content, web):
    call_command("check_links", stdout=None)
    gone = CheckedLink.objects.get(url=web.url("/gone"))
    first_failed = gone.first_failed

    call_command("check_links")
    gone.refresh_from_db()
    assert (gone.consecutive_failures, gone.first_failed) == (2, first_failed)

    working = CheckedLink.objects.get(url=web.url("/ok"))
    assert (working.consecutive_failures, working.first_failed) == (0, None)


def test_a_document_whose_file_is_gone_from_storage_is_broken(content):
    content.file.storage.delete(content.file.name)
    call_command("check_links")
    link = CheckedLink.objects.get(document=content)
    assert (link.state, link.error) == (LinkState.BROKEN, LinkError.MISSING)


def test_the_command_reports_what_it_found(content, capsys):
    call_command("check_links", "--collect-only")
    assert "6 links in use" in capsys.readouterr().out
    assert set(CheckedLink.objects.values_list("state", flat=True)) == {LinkState.UNCHECKED}
