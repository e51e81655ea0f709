"""Fill untranslated German entries of locale/de/LC_MESSAGES/django.po from translation.i18n.german."""

from pathlib import Path

import polib
from django.conf import settings
from django.core.management.base import BaseCommand

from translation.i18n.german import GERMAN, GERMAN_PLURALS


class Command(BaseCommand):
    help = "After makemessages: fill untranslated German msgstrs we keep as data; never overwrite a translation."

    def handle(self, *args, **options):
        path = Path(settings.LOCALE_PATHS[0]) / "de" / "LC_MESSAGES" / "django.po"
        po = polib.pofile(str(path))
        filled = 0
        for entry in po:
            if entry.msgid_plural and entry.msgid in GERMAN_PLURALS and not any(entry.msgstr_plural.values()):
                one, many = GERMAN_PLURALS[entry.msgid]
                entry.msgstr_plural = {0: one, 1: many}
                filled += 1
            elif not entry.msgid_plural and entry.msgid in GERMAN and (not entry.msgstr or "fuzzy" in entry.flags):
                entry.msgstr = GERMAN[entry.msgid]
                if "fuzzy" in entry.flags:
                    entry.flags.remove("fuzzy")
                filled += 1
        po.metadata["Language"] = "de"
        po.metadata["Plural-Forms"] = "nplurals=2; plural=(n != 1);"
        po.save()
        total = len([entry for entry in po if not entry.obsolete])
        self.stdout.write(self.style.SUCCESS(f"{filled} entries filled; {po.percent_translated()}% of {total} translated."))
