"""
One weekly round: build the digests, send them, escalate, record what was reminded.

All in one transaction: with the database task backend (production) the e-mails are
queued in it, so a run that fails, or loses the race against another worker to record
the week's reminders (a unique constraint), queues nothing.
"""

from dataclasses import dataclass, field

from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from freshness.models import Reminder
from freshness.reminders import digest, escalation, links, mail


@dataclass
class EscalationRow:
    item: object
    edit_url: str

    @property
    def kind(self):
        return self.item._meta.verbose_name


@dataclass
class Outcome:
    """What a round sent (or, dry, would send)."""

    digests: list = field(default_factory=list)
    escalated: list = field(default_factory=list)
    lead: list = field(default_factory=list)


def send_reminders(today=None, *, dry_run=False):
    """Send this week's digests and escalations (``dry_run``: only say what would be sent)."""
    today = today or timezone.localdate()
    with transaction.atomic():
        found = digest.build(today)
        stuck = escalation.escalated(found.overdue, found.week)
        outcome = Outcome(
            digests=found.nonempty(),
            escalated=[EscalationRow(item, links.edit_url(item)) for item, _type_id in stuck],
            lead=found.owners.lead if stuck else [],
        )
        if dry_run:
            return outcome
        context = {"dashboard_url": links.absolute(reverse("freshness:dashboard"))}
        for each in outcome.digests:
            mail.send("digest", each.recipient, {"digest": each, **context})
        for person in outcome.lead:
            mail.send("escalation", person, {"rows": outcome.escalated, **context})
        _record(found, {(type_id, item.pk) for item, type_id in stuck} if outcome.lead else set())
    return outcome


def _record(found, escalated):
    now = timezone.now()
    Reminder.objects.bulk_create(
        Reminder(
            kind=mark.kind,
            content_type_id=mark.content_type_id,
            object_id=mark.object_id,
            language_code=mark.language_code,
            week=found.week,
            sent_at=now,
            overdue=mark.overdue,
            escalated=(mark.content_type_id, mark.object_id) in escalated and mark.kind == "item",
        )
        for mark in found.marks
    )
