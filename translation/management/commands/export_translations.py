"""Export pages for one target locale as XLIFF 2.0 or PO (for an agency)."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from wagtail.models import Locale, Page

from translation.exchange.units import ensure_translations, pages_for_export
from translation.views.exchange import export_file


class Command(BaseCommand):
    help = "Export source pages for one target locale as XLIFF 2.0 or PO (a ZIP for several pages)."

    def add_arguments(self, parser):
        parser.add_argument("--locale", required=True, help="Target locale code, e.g. ar.")
        parser.add_argument("--format", choices=["xliff", "po"], default="xliff")
        parser.add_argument("--section", type=int, help="Id of a source page: export it and everything below.")
        parser.add_argument("--all", action="store_true", help="Also pages that are up to date.")
        parser.add_argument("--output", type=Path, help="File to write (default: the suggested name).")

    def handle(self, *args, locale, format, section, all, output, **options):
        target = self.get_locale(locale)
        pages = pages_for_export(target, self.get_section(section), open_only=not all)
        if not pages:
            self.stdout.write("Nothing to export.")
            return
        translations = ensure_translations(pages, target)
        filename, _content_type, content = export_file(translations, target, format)
        path = output or Path(filename)
        path.write_bytes(content)
        self.stdout.write(self.style.SUCCESS(f"{len(translations)} pages written to {path}"))

    def get_locale(self, code):
        try:
            return Locale.objects.get(language_code=code)
        except Locale.DoesNotExist as error:
            raise CommandError(f"Unknown locale {code!r}.") from error

    def get_section(self, page_id):
        if page_id is None:
            return None
        try:
            return Page.objects.get(pk=page_id)
        except Page.DoesNotExist as error:
            raise CommandError(f"No page with id {page_id}.") from error
