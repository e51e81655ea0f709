"""
Fill an empty install with demo content: ``manage.py load_demo [--size N]``.

``--size N`` adds about N synthetic pages for benchmarks, in bundles of twelve pages
(``demo.steps.synthetic``): round(N / 12) bundles, each with a partner, two of its
services, one event and two guides in German, and the same six pages translated into one
of English, Arabic or Ukrainian in turn. So of N pages, N/2 are German (N/6 guides, N/6
services, N/12 partners, N/12 events) and N/6 each are English, Arabic and Ukrainian
(N/18 guides each); ``--size 10000`` gives 1 666 synthetic German guides (1 688 with the
demo's own 22). On PostgreSQL a sized load ends with ``ANALYZE``, so the planner has
statistics for the new rows even where autovacuum is off.
"""

import time

from django.core.management.base import BaseCommand, CommandError
from django.db import connection, transaction

from demo import bulk
from demo.context import DemoContext
from demo.steps import (
    directory,
    events,
    guides,
    kiosk,
    media,
    offers,
    permissions,
    places,
    reviews,
    stale,
    states,
    synthetic,
    taxonomy,
    translations,
    tree,
)


class Command(BaseCommand):
    # Plain strings: argparse cannot format lazy translations, and Django's own commands
    # keep their help untranslated too.
    help = (
        "Load DEMO content into an empty install: the page tree (German home page as the "
        "default site's root, section pages), 12 topics and 7 audiences, places in "
        "Leipzig, partners with services and opening hours, guides, events, images and "
        "documents drawn on the spot, English/Arabic/Ukrainian translations made with "
        "wagtail-localize, one page in each publishing state, and the 'Partner editors' "
        "group with the user 'partner-demo' (password from DEMO_PARTNER_PASSWORD, or "
        "generated and printed once), help offers and requests in every state with an "
        "answer and a report, and room requests (no e-mail is sent). Everything is "
        "invented example content and marked as such: summaries, image and document "
        "titles start with 'Demo:', the home page says so, and organisations other than "
        "public offices are fictitious. Running it again changes nothing. --size N adds "
        "about N synthetic pages for benchmarks (see --size)."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--size",
            type=int,
            default=0,
            help=(
                "Also create about N synthetic pages for benchmarks, live and without "
                "revisions, in round(N/12) bundles of 12: a partner, 2 services, an event "
                "and 2 guides in German, and the same 6 pages in one of en/ar/uk in turn. "
                "Of N pages, N/2 are German (N/6 guides, N/6 services, N/12 partners, "
                "N/12 events) and N/6 each English, Arabic, Ukrainian (N/18 guides each); "
                "N=10000 gives 1666 German synthetic guides. On PostgreSQL the load ends "
                "with ANALYZE. The search and reference indexes are left to 'manage.py "
                "update_index' and 'manage.py rebuild_references_index' (then ANALYZE "
                "again for search)."
            ),
        )

    def handle(self, *args, size, **options):
        if size < 0:
            raise CommandError("--size must be zero or a positive number of pages.")
        started = time.monotonic()
        self.made = 0
        self.step_started = started
        context = DemoContext.start()
        with bulk.indexing_paused(), transaction.atomic():
            self.create_taxonomy(context)
            self.create_media(context)
            self.create_places(context)
            self.create_tree(context)
            self.create_directory(context)
            self.create_guides(context)
            self.create_events(context)
            self.create_state_pages(context)
            self.create_translations(context)
            self.create_partner_editors(context)
            self.create_kiosk_screen(context)
            self.create_offers(context)
            self.create_stale_content(context)
            self.create_review_states(context)
        self.rebuild_indexes()
        if size:
            with bulk.indexing_paused(), transaction.atomic():
                self.create_synthetic(context, size)
            self.analyze()
        self.stdout.write(self.style.SUCCESS(f"Demo content ready in {time.monotonic() - started:.1f} s."))

    def rebuild_indexes(self):
        if self.made:
            bulk.rebuild_indexes(stdout=self.stdout)
            self.stdout.write(f"  search and reference indexes rebuilt ({time.monotonic() - self.step_started:.1f} s)")
            self.step_started = time.monotonic()

    def analyze(self):
        """
        Give PostgreSQL's planner statistics for the rows just loaded: with autovacuum off
        (or before it wakes up) a fresh large table has none, and list plans can be many
        times slower until ANALYZE runs.
        """
        if connection.vendor != "postgresql":
            return
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")
        self.report_step("statistics updated (ANALYZE)")

    def report_step(self, what):
        now = time.monotonic()
        took, self.step_started = now - self.step_started, now
        self.stdout.write(f"  {what} ({took:.1f} s)")

    def report(self, what, made):
        self.made += made
        now = time.monotonic()
        took, self.step_started = now - self.step_started, now
        self.stdout.write(f"  {what}: {made} new ({took:.1f} s)" if made else f"  {what}: up to date")

    def create_taxonomy(self, context):
        taxonomy.load_spoken_languages(context)
        self.report("topics", taxonomy.create_topics(context))
        self.report("audiences", taxonomy.create_audiences(context))

    def create_media(self, context):
        self.report("images", media.create_images(context))
        self.report("documents", media.create_documents(context))

    def create_places(self, context):
        self.report("places", places.create_places(context))

    def create_tree(self, context):
        self.report("home page and site", tree.create_home(context))
        self.report("section pages", tree.create_index_pages(context))

    def create_directory(self, context):
        self.report("partners", directory.create_partners(context))
        self.report("services", directory.create_services(context))

    def create_guides(self, context):
        self.report("guides", guides.create_guides(context))

    def create_events(self, context):
        self.report("events", events.create_events(context))

    def create_state_pages(self, context):
        self.report("draft, unpublished, private and expired pages", states.create_state_pages(context))

    def create_translations(self, context):
        self.report("translations (en, ar, uk)", translations.create_translations(context))

    def create_partner_editors(self, context):
        made, password = permissions.create_partner_editors(context)
        self.report("'Partner editors' group and user", made)
        if password:
            self.stdout.write(
                self.style.WARNING(f"  user '{permissions.USERNAME}' password: {password}  (shown only now)")
            )

    def create_kiosk_screen(self, context):
        made, secret = kiosk.create_kiosk_screen(context)
        self.report("kiosk screen /kiosk/stadthaus/", made)
        if secret:
            self.stdout.write(
                self.style.WARNING(f"  open the kiosk at /kiosk/{kiosk.SLUG}/#secret={secret}  (shown only now)")
            )

    def create_offers(self, context):
        self.report("help offers and requests", offers.create_listings(context))
        self.report("room requests", offers.create_room_requests(context))

    def create_stale_content(self, context):
        self.report("outdated translation, machine translation in review, broken link, reader feedback", stale.create_stale_content(context))

    def create_review_states(self, context):
        self.report("owners and review dates (fresh, due, overdue)", reviews.create_review_states(context))

    def create_synthetic(self, context, size):
        self.stdout.write(f"Synthetic data set of about {size} pages:")
        made = synthetic.create_synthetic(context, size, progress=self.stdout.write)
        self.report("synthetic pages", made)
        if made:
            # Indexing tens of thousands of pages takes longer than loading them, and
            # benchmarks of the API do not need it.
            self.stdout.write(
                "  synthetic pages are not in the search and reference indexes: run "
                "'manage.py update_index' and 'manage.py rebuild_references_index' when needed"
            )
