"""
XLIFF 2.0 (OASIS core), the format memoQ, Trados and other CAT tools read.

One ``<file>`` per page (its id names the wagtail-localize Translation), one ``<unit>``
per string segment (its id is the segment's context path, ``path:2`` … for the further
paragraphs of one field: stable across exports and unique, as XLIFF requires). Inline
HTML of rich text travels as XLIFF inline codes (``translation.exchange.markup``), which
CAT tools lock; link targets never leave the site.
"""

import xml.etree.ElementTree as ET
from dataclasses import dataclass

import defusedxml.ElementTree as DefusedET
from defusedxml import DTDForbidden, EntitiesForbidden, ExternalReferenceForbidden
from django.utils.translation import gettext as _

from translation.exchange.markup import write_inline
from translation.exchange.units import units_for

NS = "urn:oasis:names:tc:xliff:document:2.0"
FILE_PREFIX = "translation-"


class XliffError(ValueError):
    """The file is not an XLIFF 2.0 document we can read."""


@dataclass(frozen=True)
class Entry:
    """One returned unit. XLIFF entries keep their elements: inline codes are read against the current source."""

    translation_uuid: str
    path: str
    source: str
    target: str
    source_element: object = None
    target_element: object = None


def build_xliff(translations, source_code, target_code, *, slugs=False):
    """An XLIFF 2.0 document (bytes) with every page of ``translations`` (one target locale)."""
    ET.register_namespace("", NS)
    root = ET.Element(f"{{{NS}}}xliff", {"version": "2.0", "srcLang": source_code, "trgLang": target_code})
    for translation in translations:
        page_file = ET.SubElement(
            root,
            f"{{{NS}}}file",
            {"id": f"{FILE_PREFIX}{translation.uuid}", "original": f"wagtail:{translation.source.object_id}"},
        )
        notes = ET.SubElement(page_file, f"{{{NS}}}notes")
        ET.SubElement(notes, f"{{{NS}}}note", {"category": "title"}).text = translation.source.object_repr
        for unit in units_for(translation, slugs=slugs):
            unit_element = ET.SubElement(page_file, f"{{{NS}}}unit", {"id": unit.key})
            segment = ET.SubElement(
                unit_element, f"{{{NS}}}segment", {"state": "translated" if unit.target else "initial"}
            )
            write_inline(ET.SubElement(segment, f"{{{NS}}}source"), unit.source, NS)
            if unit.target:
                write_inline(ET.SubElement(segment, f"{{{NS}}}target"), unit.target, NS)
    ET.indent(root)
    return ET.tostring(root, encoding="utf-8", xml_declaration=True)


def parse_xliff(data):
    """``(source language, target language, [Entry, ...])`` of an XLIFF 2.0 document."""
    try:
        # defusedxml: no document type declaration, no entity, no external reference,
        # wherever in the file it stands.
        root = DefusedET.fromstring(data, forbid_dtd=True, forbid_entities=True, forbid_external=True)
    except (DTDForbidden, EntitiesForbidden) as error:
        raise XliffError(_("XLIFF files with a document type declaration are not accepted.")) from error
    except ExternalReferenceForbidden as error:
        raise XliffError(_("XLIFF files with external references are not accepted.")) from error
    except (ET.ParseError, ValueError) as error:
        raise XliffError(_("This is not a well-formed XML file: %(error)s") % {"error": error}) from error
    if root.tag != f"{{{NS}}}xliff" or root.get("version") != "2.0":
        raise XliffError(_("This is not an XLIFF 2.0 file."))
    entries = []
    for page_file in root.findall(f"{{{NS}}}file"):
        file_id = page_file.get("id", "")
        if not file_id.startswith(FILE_PREFIX):
            raise XliffError(_("The file element '%(id)s' was not exported by this site.") % {"id": file_id})
        for unit in page_file.iter(f"{{{NS}}}unit"):
            for segment in unit.findall(f"{{{NS}}}segment"):
                source = segment.find(f"{{{NS}}}source")
                target = segment.find(f"{{{NS}}}target")
                entries.append(
                    Entry(
                        translation_uuid=file_id[len(FILE_PREFIX):],
                        path=unit.get("id", ""),
                        source="".join(source.itertext()) if source is not None else "",
                        target="".join(target.itertext()) if target is not None else "",
                        source_element=source,
                        target_element=target,
                    )
                )
    return root.get("srcLang", ""), root.get("trgLang", ""), entries
