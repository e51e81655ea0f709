"""
PO files for agencies, exactly as wagtail-localize writes and reads them, one per page;
several pages travel as a ZIP archive.
"""

import io
import zipfile

import polib
from django.utils.text import slugify
from django.utils.translation import gettext as _

from translation.exchange.xliff import Entry

TRANSLATION_ID = "X-WagtailLocalize-TranslationID"


class PoError(ValueError):
    """The upload is not a PO file (or ZIP of PO files) we can read."""


def build_po(translation):
    po = translation.export_po()
    po.metadata["Language"] = translation.target_locale.language_code
    return str(po).encode("utf-8")


def po_name(translation):
    return f"{slugify(translation.source.object_repr)[:60] or 'page'}-{translation.uuid}.{translation.target_locale.language_code}.po"


def build_po_bundle(translations):
    """One PO file for one page, a ZIP of PO files for several: ``(filename suffix, bytes)``."""
    if len(translations) == 1:
        return ".po", build_po(translations[0])
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for translation in translations:
            archive.writestr(po_name(translation), build_po(translation))
    return ".zip", buffer.getvalue()


def read_po_upload(data):
    """``[(language, polib.POFile), ...]`` from a PO file or a ZIP of PO files."""
    if data[:2] == b"PK":
        try:
            with zipfile.ZipFile(io.BytesIO(data)) as archive:
                texts = [archive.read(name) for name in archive.namelist() if name.endswith(".po")]
        except zipfile.BadZipFile as error:
            raise PoError(_("The ZIP archive is damaged.")) from error
    else:
        texts = [data]
    files = []
    for text in texts:
        try:
            po = polib.pofile(text.decode("utf-8"))
        except (OSError, UnicodeDecodeError, ValueError) as error:
            raise PoError(_("This is not a PO file: %(error)s") % {"error": error}) from error
        files.append(po)
    if not files:
        raise PoError(_("The archive contains no PO file."))
    return files


def po_entries(po):
    """The PO file's translation id, language and its entries in the form the importer checks."""
    translation_uuid = po.metadata.get(TRANSLATION_ID, "")
    entries = [
        Entry(translation_uuid=translation_uuid, path=entry.msgctxt or "", source=entry.msgid, target=entry.msgstr)
        for entry in po
        if not entry.obsolete
    ]
    return translation_uuid, po.metadata.get("Language", ""), entries
