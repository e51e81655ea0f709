"""
People, teams and items for the reminder tests: owners in their admin languages, a team,
the editorial lead, and a helper that runs a week's round with a real SMTP server.
"""

import datetime

import pytest
from dateutil.relativedelta import relativedelta
from django.contrib.auth.models import Group
from django.utils import timezone
from wagtail.users.models import UserProfile

from freshness.reminders.recipients import EDITORIAL_LEAD_GROUP
from freshness.reminders.run import send_reminders

#: The first digest's day in these tests; a week later is the next digest.
TODAY = timezone.localdate()


def weeks_later(count):
    return TODAY + datetime.timedelta(weeks=count)


def ago(months, days=0):
    """A review date that many months (and days) before ``TODAY``."""
    return TODAY - relativedelta(months=months) - datetime.timedelta(days=days)


#: A guide (six months) reviewed this long ago is overdue (more than 30 days past due).
OVERDUE = ago(6, 60)
#: ... and this long ago only due.
DUE = ago(6, 5)


def person(django_user_model, username, language="en", active=True, email=True, group=None):
    user = django_user_model.objects.create_user(
        username=username,
        password="x",
        email=f"{username}@example.org" if email else "",
        first_name=username.capitalize(),
        is_active=active,
    )
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = language
    profile.save()
    if group is not None:
        user.groups.add(group)
    return user


@pytest.fixture
def lead(django_user_model):
    return person(django_user_model, "leitung", group=Group.objects.get(name=EDITORIAL_LEAD_GROUP))


@pytest.fixture
def team(django_user_model):
    group = Group.objects.create(name="Team Wohnen")
    members = [person(django_user_model, name, group=group) for name in ("berta", "carl")]
    person(django_user_model, "dora", active=False, group=group)
    person(django_user_model, "emil", email=False, group=group)
    return group, members


class Week:
    """Runs the round of one week and reads what arrived: digests and escalations, by recipient."""

    def __init__(self, smtp_server):
        self.server = smtp_server
        self.seen = 0

    def run(self, day=TODAY, **kwargs):
        """
        Send ``day``'s round; returns ``{address: received e-mail}`` of everything it sent,
        the escalations also in ``self.escalations`` (the lead may get a digest beside one).
        """
        self.outcome = send_reminders(day, **kwargs)
        new = self.server.messages[self.seen :]
        self.seen = len(self.server.messages)
        self.digests, self.escalations = {}, {}
        for message in new:
            kind = self.escalations if message.subject.startswith("Overdue twice") else self.digests
            for address in message.recipients:
                assert address not in kind, f"{address} got two e-mails of one kind in one round"
                kind[address] = message
        return {**self.digests, **self.escalations}


@pytest.fixture
def week(smtp_server, lead):
    return Week(smtp_server)
