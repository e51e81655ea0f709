from django.core.management.base import BaseCommand, CommandError
from wagtail.models import Page

from graphql_api.preview.tokens import make_preview_token


class Command(BaseCommand):
    help = "Print a signed preview token for the latest draft of one page (expires after PREVIEW_TOKEN_MAX_AGE)."

    def add_arguments(self, parser):
        parser.add_argument("page_id", type=int, help="Id of the page to preview.")

    def handle(self, *args, page_id: int, **options):
        page = Page.objects.filter(pk=page_id).first()
        if page is None:
            raise CommandError(f"No page with id {page_id}.")
        self.stdout.write(make_preview_token(page, page.latest_revision))
