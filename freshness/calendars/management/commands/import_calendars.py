"""``manage.py import_calendars``: the partners' calendars imported now (the worker does it every hour)."""

from django.core.management.base import BaseCommand, CommandError

from directory.models import PartnerPage
from freshness.calendars import run


class Command(BaseCommand):
    help = "Fetch the partners' iCalendar feeds and bring their events into the CMS, as drafts under review."

    def add_arguments(self, parser):
        parser.add_argument("--partner", help="Only this partner's feeds: its page id or slug.")

    def handle(self, *args, partner=None, **options):
        results = run.import_all(partner=self.find_partner(partner) if partner else None)
        self.report(results)

    def find_partner(self, key):
        partners = PartnerPage.objects.filter(pk=int(key)) if key.isdigit() else PartnerPage.objects.filter(slug=key)
        found = partners.first()
        if found is None:
            raise CommandError(f"No partner with the id or slug {key!r}.")
        return found

    def report(self, results):
        if not results:
            self.stdout.write("no calendar feeds to import")
        for feed in results:
            counts = ", ".join(f"{name}: {count}" for name, count in sorted(feed.counts.items()) if count)
            line = f"{feed.url}: {feed.get_result_display()}"
            if feed.error:
                line += f" ({feed.get_error_display()}: {feed.error_detail})"
            self.stdout.write(f"{line}{' – ' + counts if counts and not feed.error else ''}")
