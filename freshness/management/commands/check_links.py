"""``manage.py check_links``: the link checker's round, by hand (the worker runs it daily)."""

from django.core.management.base import BaseCommand

from freshness.links import run


class Command(BaseCommand):
    help = "Find the external links and documents the live content uses and check each of them."

    def add_arguments(self, parser):
        parser.add_argument(
            "--collect-only", action="store_true", help="Only update the list of links and where they are used."
        )

    def handle(self, *args, collect_only=False, **options):
        links = self.collect_links()
        if not collect_only:
            self.check_links(links)

    def collect_links(self):
        links = run.collect_links()
        self.stdout.write(f"{len(links)} links in use")
        return links

    def check_links(self, links):
        states = run.check_links(links)
        self.stdout.write(", ".join(f"{state}: {count}" for state, count in sorted(states.items())) or "nothing to check")
