"""
Escalation and the record of what was reminded: an item overdue in two digests in a row
goes to the editorial lead; a review resets the count; a second run in one week sends nothing.
"""

import datetime

from django.contrib.auth.models import Group

from freshness.models import Reminder
from freshness.reminders.recipients import EDITORIAL_LEAD_GROUP
from freshness.reviews import record_review
from tests.factories import GuidePageFactory
from tests.freshness_reminders.conftest import DUE, OVERDUE, TODAY, Week, person, weeks_later


def test_overdue_in_two_digests_in_a_row_goes_to_the_lead(week, site_tree, django_user_model):
    anna = person(django_user_model, "anna")
    GuidePageFactory(parent=site_tree.guides, title="Aufenthalt", last_reviewed=OVERDUE, content_owner=anna)
    GuidePageFactory(parent=site_tree.guides, title="Wohnen", last_reviewed=DUE, content_owner=anna)

    first = week.run()
    assert set(first) == {"anna@example.org"}

    second = week.run(weeks_later(1))

    assert set(second) == {"anna@example.org", "leitung@example.org"}
    assert set(week.escalations) == {"leitung@example.org"}
    escalation = week.escalations["leitung@example.org"]
    assert escalation.subject == "Overdue twice: 1 item needs your decision"
    assert "Aufenthalt" in escalation.text and "Owner: Anna" in escalation.text
    # Due only (not overdue) in the first digest: not escalated, though overdue now.
    assert "Wohnen" not in escalation.text
    assert Reminder.objects.filter(escalated=True).count() == 1


def test_the_lead_is_told_again_while_nobody_reviews(week, site_tree, django_user_model):
    anna = person(django_user_model, "anna")
    GuidePageFactory(parent=site_tree.guides, title="Aufenthalt", last_reviewed=OVERDUE, content_owner=anna)
    week.run()
    week.run(weeks_later(1))
    week.run(weeks_later(2))
    assert "leitung@example.org" in week.escalations


def test_a_review_resets_the_count(week, site_tree, django_user_model, settings):
    """Overdue again after a review, the item needs two more overdue digests before it escalates."""
    settings.FRESHNESS_OVERDUE_AFTER_DAYS = 0
    anna = person(django_user_model, "anna")
    guide = GuidePageFactory(
        parent=site_tree.guides, title="Aufenthalt", last_reviewed=OVERDUE, content_owner=anna, review_interval_months=1
    )
    assert set(week.run()) == {"anna@example.org"}

    record_review(guide, anna, today=TODAY + datetime.timedelta(days=1))
    assert week.run(weeks_later(1)) == {}  # fresh now

    # A month after the review it is overdue again: reminded, not escalated ...
    assert set(week.run(weeks_later(5))) == {"anna@example.org"}
    assert week.escalations == {}
    # ... until the next digest finds it still overdue.
    week.run(weeks_later(6))
    assert set(week.escalations) == {"leitung@example.org"}


def test_running_twice_in_a_week_sends_nothing_new(week, site_tree, django_user_model):
    anna = person(django_user_model, "anna")
    GuidePageFactory(parent=site_tree.guides, title="Aufenthalt", last_reviewed=OVERDUE, content_owner=anna)
    week.run()
    week.run(weeks_later(1))
    reminders = Reminder.objects.count()

    assert week.run(weeks_later(1)) == {}
    assert Reminder.objects.count() == reminders


def test_escalations_without_a_lead_are_not_recorded_as_sent(smtp_server, site_tree, django_user_model):
    Group.objects.get(name=EDITORIAL_LEAD_GROUP).user_set.clear()
    anna = person(django_user_model, "anna")
    GuidePageFactory(parent=site_tree.guides, title="Aufenthalt", last_reviewed=OVERDUE, content_owner=anna)
    week = Week(smtp_server)
    week.run()
    assert set(week.run(weeks_later(1))) == {"anna@example.org"}
    assert week.outcome.escalated and not week.outcome.lead
    assert not Reminder.objects.filter(escalated=True).exists()


def test_the_lead_gets_their_digest_and_the_escalation_apart(week, site_tree):
    """What nobody owns is the lead's digest; what is overdue twice, their escalation."""
    GuidePageFactory(parent=site_tree.guides, title="Verwaist", last_reviewed=OVERDUE)
    week.run()
    week.run(weeks_later(1))
    assert "Verwaist" in week.digests["leitung@example.org"].text
    assert "Owner: nobody" in week.escalations["leitung@example.org"].text
