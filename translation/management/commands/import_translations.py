"""Check (and with --apply, import) a translated XLIFF or PO file from an agency."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from wagtail.models import Locale

from translation.exchange.importer import ImportRefused, apply_import, plan_import


class Command(BaseCommand):
    help = "Dry-run (default) or apply the import of an agency's XLIFF 2.0 / PO / ZIP file."

    def add_arguments(self, parser):
        parser.add_argument("file", type=Path)
        parser.add_argument("--locale", required=True, help="Target locale code the file is for.")
        parser.add_argument("--format", choices=["xliff", "po"], help="Default: from the file name.")
        parser.add_argument("--apply", action="store_true", help="Write the translations (drafts), all or nothing.")

    def handle(self, *args, file, locale, format, apply, **options):
        try:
            target = Locale.objects.get(language_code=locale)
        except Locale.DoesNotExist as error:
            raise CommandError(f"Unknown locale {locale!r}.") from error
        file_format = format or ("xliff" if file.suffix.lower() in {".xlf", ".xliff"} else "po")
        plan = plan_import(file.read_bytes(), file_format, target)
        self.report(plan)
        if not plan.ok:
            raise CommandError("The file was refused; nothing was imported.")
        if apply:
            try:
                count = apply_import(plan)
            except ImportRefused as refused:
                raise CommandError(f"Refused while saving, nothing imported: {refused}") from refused
            self.stdout.write(self.style.SUCCESS(f"{count} strings imported; pages saved as drafts."))
        else:
            self.stdout.write("Dry run: nothing written. Add --apply to import.")

    def report(self, plan):
        for error in plan.errors:
            self.stderr.write(f"error: {error}")
        for change in plan.changes:
            self.stdout.write(f"{change.page_title} · {change.path}: {change.old!r} → {change.new!r}")
        self.stdout.write(f"{len(plan.changes)} changes, {plan.unchanged} unchanged, {len(plan.errors)} errors.")
