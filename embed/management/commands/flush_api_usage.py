from django.core.management.base import BaseCommand

from embed.usage import flush_all


class Command(BaseCommand):
    help = "Write the request counters of API keys from the cache into the database (run every few minutes)."

    def add_arguments(self, parser):
        parser.add_argument("--days", type=int, default=2, help="How many past days to flush (default 2).")

    def handle(self, *args, days, **options):
        moved = flush_all(days=days)
        self.stdout.write(f"{moved} requests written.")
