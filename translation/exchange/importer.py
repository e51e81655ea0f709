"""
Import of a returned agency file: first a plan (what would change, or why the file is
refused), then, if the plan has no errors, everything applied in one transaction.

A file is refused as a whole when it does not match: another target locale, a page or
translation unknown here, a segment that does not exist in the current source, or a
source text that changed since the export (the agency translated an old version).
"""

import uuid
from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _
from wagtail_localize.models import StringTranslation, Translation

from translation import locales as locale_info
from translation.drafts import save_draft
from translation.exchange.po import PoError, po_entries, read_po_upload
from translation.exchange.units import units_for
from translation.exchange.xliff import XliffError, parse_xliff

FORMATS = ("xliff", "po")


class ImportRefused(Exception):
    def __init__(self, errors):
        super().__init__("; ".join(str(error) for error in errors))
        self.errors = errors


@dataclass
class Change:
    translation: Translation
    path: str
    source: str
    old: str
    new: str
    string_id: int
    context_id: int

    @property
    def page_title(self):
        return self.translation.source.object_repr


@dataclass
class ImportPlan:
    locale: object
    format: str
    changes: list = field(default_factory=list)
    unchanged: int = 0
    errors: list = field(default_factory=list)
    po_files: list = field(default_factory=list)

    @property
    def ok(self):
        return not self.errors

    @property
    def translations(self):
        seen = {}
        for change in self.changes:
            seen.setdefault(change.translation.pk, change.translation)
        return list(seen.values())


def plan_import(data, file_format, locale):
    """What importing ``data`` (bytes) into ``locale`` would change; never writes."""
    plan = ImportPlan(locale=locale, format=file_format)
    try:
        groups = _read(data, file_format, locale, plan)
    except (XliffError, PoError) as error:
        plan.errors.append(str(error))
        return plan
    translations = _translations([uuid_ for uuid_, _entries in groups], plan)
    for translation_uuid, entries in groups:
        translation = translations.get(translation_uuid)
        if translation is None:
            continue
        if translation.target_locale_id != locale.pk:
            plan.errors.append(
                _("'%(page)s' is exported for %(file)s, but you are importing into %(chosen)s.")
                % {
                    "page": translation.source.object_repr,
                    "file": translation.target_locale.language_code,
                    "chosen": locale.language_code,
                }
            )
            continue
        _compare(translation, entries, plan)
    plan.po_files = [(translations[value], po) for value, po in plan.po_files if value in translations]
    return plan


def _read(data, file_format, locale, plan):
    """``[(translation uuid, [Entry, ...]), ...]`` with file-level checks recorded in ``plan``."""
    if file_format == "xliff":
        source_lang, target_lang, entries = parse_xliff(data)
        if target_lang != locale.language_code:
            plan.errors.append(
                _("This file is a translation into '%(file)s', not into '%(chosen)s'.")
                % {"file": target_lang or "?", "chosen": locale.language_code}
            )
        if source_lang != locale_info.source_code():
            plan.errors.append(_("The source language of this file is '%(lang)s'.") % {"lang": source_lang or "?"})
        groups = {}
        for entry in entries:
            groups.setdefault(entry.translation_uuid, []).append(entry)
        return list(groups.items())
    if file_format == "po":
        groups = []
        for po in read_po_upload(data):
            translation_uuid, language, entries = po_entries(po)
            if language and language != locale.language_code:
                plan.errors.append(
                    _("This file is a translation into '%(file)s', not into '%(chosen)s'.")
                    % {"file": language, "chosen": locale.language_code}
                )
            if not translation_uuid:
                plan.errors.append(_("A PO file without a translation id was not exported by this site."))
                continue
            groups.append((translation_uuid, entries))
            plan.po_files.append((translation_uuid, po))
        return groups
    raise XliffError(_("Unknown format '%(format)s'.") % {"format": file_format})


def _translations(uuids, plan):
    """``{uuid as written in the file: Translation}``; unknown ids are recorded as errors."""
    parsed = {}
    for value in uuids:
        try:
            parsed[value] = uuid.UUID(value)
        except ValueError:
            plan.errors.append(_("Unknown translation '%(id)s'.") % {"id": value})
    found = {
        translation.uuid: translation
        for translation in Translation.objects.filter(uuid__in=parsed.values()).select_related("source", "target_locale")
    }
    result = {}
    for value, key in parsed.items():
        if key in found:
            result[value] = found[key]
        else:
            plan.errors.append(
                _("Translation '%(id)s' does not exist on this site (deleted, or exported elsewhere).") % {"id": value}
            )
    return result


def _compare(translation, entries, plan):
    current = {unit.path: unit for unit in units_for(translation)}
    title = translation.source.object_repr
    for entry in entries:
        unit = current.get(entry.path)
        if unit is None:
            plan.errors.append(
                _("'%(page)s': the segment '%(path)s' does not exist in the current source.")
                % {"page": title, "path": entry.path}
            )
            continue
        if unit.source != entry.source:
            plan.errors.append(
                _("'%(page)s': the source text of '%(path)s' changed since the export; export the page again.")
                % {"page": title, "path": entry.path}
            )
            continue
        if not entry.target:
            continue
        if entry.target == unit.target:
            plan.unchanged += 1
            continue
        plan.changes.append(
            Change(translation, entry.path, unit.source, unit.target, entry.target, unit.string_id, unit.context_id)
        )


def apply_import(plan, user=None):
    """
    Write the plan's translations and save each touched page as a draft (a live page
    keeps its live text until a reviewer publishes), in one transaction: a failure
    anywhere leaves nothing applied. Returns the number of
    strings changed. Raises ImportRefused if the plan has errors or a page refuses them.
    """
    if not plan.ok:
        raise ImportRefused(plan.errors)
    tool = "XLIFF import" if plan.format == "xliff" else "PO import"
    try:
        with transaction.atomic():
            if plan.format == "po":
                touched = {change.translation.pk for change in plan.changes}
                for translation, po in plan.po_files:
                    if translation.pk in touched:
                        translation.import_po(po, user=user, tool_name=tool)
            else:
                for change in plan.changes:
                    StringTranslation.objects.update_or_create(
                        translation_of_id=change.string_id,
                        locale_id=change.translation.target_locale_id,
                        context_id=change.context_id,
                        defaults={
                            "data": change.new,
                            "translation_type": StringTranslation.TRANSLATION_TYPE_MANUAL,
                            "tool_name": tool,
                            "last_translated_by": user,
                            "has_error": False,
                            "field_error": "",
                        },
                    )
            for translation in plan.translations:
                save_draft(translation, user=user)
    except ValidationError as error:
        raise ImportRefused(error.messages) from error
    return len(plan.changes)
