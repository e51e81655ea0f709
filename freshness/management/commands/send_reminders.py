"""``manage.py send_reminders``: the weekly digests and escalations, by hand (the worker sends them weekly)."""

import datetime

from django.core.management.base import BaseCommand, CommandError

from freshness.reminders.run import send_reminders


def day(value):
    try:
        return datetime.date.fromisoformat(value)
    except ValueError as error:
        raise CommandError(f"--today takes a date as YYYY-MM-DD, not {value!r}.") from error


class Command(BaseCommand):
    help = (
        "Send every owner and translator this week's digest of what needs a look, and the editorial lead "
        "the items overdue twice. What was already sent this week is not sent again."
    )

    def add_arguments(self, parser):
        parser.add_argument("--dry-run", action="store_true", help="Print who would get what; send and record nothing.")
        parser.add_argument("--today", type=str, default=None, help="Run as on this day (YYYY-MM-DD); default today.")

    def handle(self, *args, dry_run=False, today=None, **options):
        outcome = send_reminders(day(today) if today else None, dry_run=dry_run)
        self.report_digests(outcome, dry_run)
        self.report_escalation(outcome, dry_run)

    def report_digests(self, outcome, dry_run):
        verb = "would get" if dry_run else "got"
        for digest in outcome.digests:
            parts = [f"{len(digest.overdue_items)} overdue", f"{len(digest.due_items)} due", f"{len(digest.links)} broken links"]
            for section in digest.languages.values():
                parts.append(
                    f"{section.locale.language_code}: {len(section.outdated)} outdated, {section.missing_total} missing translations"
                )
            self.stdout.write(f"{digest.recipient.email} ({digest.recipient.language}) {verb} a digest: {', '.join(parts)}")
        if not outcome.digests:
            self.stdout.write("Nothing to remind anyone of this week.")

    def report_escalation(self, outcome, dry_run):
        if not outcome.escalated:
            return
        if not outcome.lead:
            self.stderr.write(f"{len(outcome.escalated)} items are overdue twice, but the group 'Editorial lead' has nobody to tell.")
            return
        verb = "would get" if dry_run else "got"
        for person in outcome.lead:
            self.stdout.write(f"{person.email} ({person.language}) {verb} an escalation: {len(outcome.escalated)} items overdue twice")
