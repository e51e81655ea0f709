"""
PO files for agencies, exactly as wagtail-localize writes and reads them, one per page;
several pages travel as a ZIP archive.
"""

import io
import os
import struct
import zipfile
import zlib

import polib
from django.utils.text import slugify
from django.utils.translation import gettext as _

from translation.exchange.xliff import Entry

TRANSLATION_ID = "X-WagtailLocalize-TranslationID"

#: Limits of a ZIP of PO files. An export of a section holds a few hundred files of a few
#: KB each, compressed three to five times; a ZIP bomb holds members that expand up to a
#: thousand times (deflate's maximum is about 1 032 : 1).
MAX_MEMBERS = 500
#: As much as a plain upload may hold (``translation.views.exchange.MAX_UPLOAD_BYTES``).
MAX_UNPACKED_BYTES = 20 * 1024 * 1024
MAX_RATIO = 100
#: A member smaller than this is not judged by its ratio (a few KB of text compress well).
RATIO_FLOOR = 64 * 1024
#: Room for the central directory of MAX_MEMBERS members with long names and extra fields.
MAX_DIRECTORY_BYTES = MAX_MEMBERS * 1024
CHUNK = 64 * 1024
#: The methods every ZIP tool writes. bzip2 and LZMA members are refused: ``zipfile``
#: unpacks their blocks without a bound, a few KB of them to gigabytes.
METHODS = (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED)
#: What reading a damaged or hostile archive raises.
ZIP_ERRORS = (zipfile.BadZipFile, zlib.error, EOFError, OSError, RuntimeError, NotImplementedError, ValueError, struct.error)

# The end of central directory record, and ZIP64's record and locator before it.
_END, _END_STRUCT, _END_SIZE = b"PK\x05\x06", "<4s4H2LH", 22
_END64, _END64_STRUCT, _END64_SIZE = b"PK\x06\x06", "<4sQ2H2L4Q", 56
_LOCATOR, _LOCATOR_SIZE = b"PK\x06\x07", 20


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
    """
    ``[polib.POFile, ...]`` from a PO file or a ZIP of PO files; ``PoError`` for anything
    else. A ZIP is read within the limits above: the size of its directory before it is
    opened, its members' count, methods, declared sizes and ratios before any is read, and
    the bytes really unpacked while each is read, chunk by chunk, so that reading stops at
    the first chunk past a limit.
    """
    texts = _read_zip(data) if data[:2] == b"PK" else [("", data)]
    files = []
    for name, raw in texts:
        files.append(_parse_po(name, raw))
    if not files:
        raise PoError(_("The archive contains no PO file."))
    return files


def _read_zip(data):
    """``[(member name, bytes), ...]`` of the archive's PO files, within the limits."""
    members, directory_bytes = _declared_directory(data)
    if members > MAX_MEMBERS or directory_bytes > MAX_DIRECTORY_BYTES:
        raise PoError(_too_many())
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            infos = archive.infolist()
            if len(infos) > MAX_MEMBERS:
                raise PoError(_too_many())
            members = [info for info in infos if _is_po_member(info)]
            _check_declared(members)
            # What they really unpack to is counted while they are read.
            texts, unpacked = [], 0
            for info in members:
                text = _read_member(archive, info, unpacked)
                unpacked += len(text)
                texts.append((info.filename, text))
            return texts
    except PoError:
        raise
    except ZIP_ERRORS as error:
        raise PoError(_("The ZIP archive is damaged: %(error)s") % {"error": error}) from error


def _declared_directory(data):
    """
    ``(members, central directory bytes)`` as the archive's end record declares them
    (ZIP64 included); ``(0, 0)`` without an end record (``zipfile`` then refuses it).
    ``zipfile`` reads the whole central directory into objects when it opens an archive,
    however many members the end record declares, so its size is checked first.
    """
    start = data.rfind(_END, max(0, len(data) - _END_SIZE - 0xFFFF))
    if start < 0 or len(data) - start < _END_SIZE:
        return 0, 0
    fields = struct.unpack(_END_STRUCT, data[start:start + _END_SIZE])
    members, directory_bytes = fields[4], fields[5]
    locator = start - _LOCATOR_SIZE
    if (members == 0xFFFF or directory_bytes == 0xFFFFFFFF) and locator >= _END64_SIZE:
        if data[locator:locator + 4] == _LOCATOR and data[locator - _END64_SIZE:locator - _END64_SIZE + 4] == _END64:
            fields = struct.unpack(_END64_STRUCT, data[locator - _END64_SIZE:locator])
            members, directory_bytes = fields[7], fields[8]
    return members, directory_bytes


def _is_po_member(info):
    name = info.filename
    if info.is_dir() or not name.lower().endswith(".po"):
        return False
    # The resource forks macOS adds to the archives it makes ("__MACOSX/._page.po").
    return not (name.startswith("__MACOSX/") or name.rsplit("/", 1)[-1].startswith("._"))


def _check_declared(members):
    """Refuse the archive by what it says about its members, before unpacking a byte."""
    for info in members:
        if info.flag_bits & 0x1:
            raise PoError(
                _("'%(name)s' in the archive is encrypted; send the files without a password.") % {"name": info.filename}
            )
        if info.compress_type not in METHODS:
            raise PoError(
                _("'%(name)s' in the archive is compressed with an unusual method; pack the files as an ordinary ZIP.")
                % {"name": info.filename}
            )
        _check_ratio(info, info.file_size)
    if sum(info.file_size for info in members) > MAX_UNPACKED_BYTES:
        raise PoError(_too_large())


def _check_ratio(info, size):
    if size > RATIO_FLOOR and size > MAX_RATIO * max(info.compress_size, 1):
        raise PoError(
            _("'%(name)s' in the archive unpacks to more than %(ratio)d times its packed size; it is refused.")
            % {"name": info.filename, "ratio": MAX_RATIO}
        )


def _read_member(archive, info, unpacked):
    """
    The member's bytes, read chunk by chunk, counting what it really unpacks to (``zipfile``
    stops at the declared size, but its sizes are no promise): refused at the first chunk
    past the total or past ``MAX_RATIO`` times the member's packed size.
    """
    chunks, size = [], 0
    with archive.open(info) as member:
        while chunk := member.read(CHUNK):
            size += len(chunk)
            if unpacked + size > MAX_UNPACKED_BYTES:
                raise PoError(_too_large())
            _check_ratio(info, size)
            chunks.append(chunk)
    return b"".join(chunks)


def _too_many():
    return _("The archive holds more than %(count)d files; send the pages in several archives.") % {"count": MAX_MEMBERS}


def _too_large():
    return _("The archive unpacks to more than %(size)d MB; send the pages in several archives.") % {
        "size": MAX_UNPACKED_BYTES // (1024 * 1024)
    }


def _parse_po(name, raw):
    """One PO file from its bytes. ``name``: its name in the archive, for messages."""
    where = {"name": name}
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        message = _("'%(name)s' is not a PO file in UTF-8: %(error)s") if name else _("This is not a PO file in UTF-8: %(error)s")
        raise PoError(message % {**where, "error": error}) from error
    # polib reads its argument as a file name when a file of that name exists on this
    # server: content of one line is never a PO file, so it never reaches polib.
    if "\n" not in text.strip() or _names_a_file(text):
        message = _("'%(name)s' is not a PO file.") if name else _("This is not a PO file.")
        raise PoError(message % where)
    try:
        return polib.pofile(text, encoding="utf-8")
    except (OSError, ValueError) as error:
        message = _("'%(name)s' is not a PO file: %(error)s") if name else _("This is not a PO file: %(error)s")
        raise PoError(message % {**where, "error": error}) from error


def _names_a_file(text):
    try:
        return os.path.exists(text)
    except (OSError, ValueError):
        return False


def po_entries(po):
    """The PO file's translation id, language and its entries in the form the importer checks."""
    translation_uuid = po.metadata.get(TRANSLATION_ID, "")
    entries = [
        Entry(translation_uuid=translation_uuid, path=entry.msgctxt or "", source=entry.msgid, target=entry.msgstr)
        for entry in po
        if not entry.obsolete
    ]
    return translation_uuid, po.metadata.get("Language", ""), entries
