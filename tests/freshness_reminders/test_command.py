"""``manage.py send_reminders`` for operators, and the worker's weekly schedule."""

from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from cms import schedule, tasks
from freshness.models import Reminder
from tests.factories import GuidePageFactory
from tests.freshness_reminders.conftest import OVERDUE, TODAY, person


def test_dry_run_says_who_would_get_what_and_sends_nothing(smtp_server, lead, site_tree, django_user_model):
    anna = person(django_user_model, "anna", language="de")
    GuidePageFactory(parent=site_tree.guides, title="Aufenthalt", last_reviewed=OVERDUE, content_owner=anna)
    out = StringIO()

    call_command("send_reminders", "--dry-run", f"--today={TODAY.isoformat()}", stdout=out)

    assert "anna@example.org (de) would get a digest: 1 overdue, 0 due, 0 broken links" in out.getvalue()
    assert smtp_server.messages == [] and not Reminder.objects.exists()

    out = StringIO()
    call_command("send_reminders", stdout=out)
    assert "anna@example.org (de) got a digest" in out.getvalue()
    assert [message.recipients for message in smtp_server.messages] == [["anna@example.org"]]


def test_a_wrong_date_is_a_clear_error(db):
    with pytest.raises(CommandError, match="YYYY-MM-DD"):
        call_command("send_reminders", "--today=next monday")


def test_the_worker_sends_them_weekly():
    assert (tasks.send_reminders, 7 * 24 * 3600) in schedule.SCHEDULE
