"""
Import of a returned agency file: first a plan (what would change, or why the file is
refused), then, if the plan has no errors, everything applied in one transaction.

A file is refused as a whole when it does not match: another target locale, a page or
translation unknown here, a segment that does not exist in the current source, or a
source text that changed since the export (the agency translated an old version).

It is also refused when the person importing may not write a page it names
(``page_problems``). The rule is Wagtail's: a target page that exists must be editable
by them (``permissions_for_user(user).can_edit()``). A target that does not exist yet is
created by wagtail-localize below the nearest ancestor of the German page that exists in
the target language (copying any missing pages in between), so they must be allowed to
add pages there (``add`` permission on that page, as for "Add child page"). Only pages
are imported: agency files carry pages, never snippets. Without a user (the
``import_translations`` command: whoever runs it has the server) pages are checked for
existence only. ``apply_import`` checks again, inside its transaction.
"""

import uuid
from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _
from wagtail.models import Page
from wagtail.permission_policies.pages import PagePermissionPolicy
from wagtail_localize.models import (
    CannotSaveDraftError,
    MissingRelatedObjectError,
    MissingTranslationError,
    SourceDeletedError,
    StringTranslation,
    Translation,
)

from translation import locales as locale_info
from translation.drafts import save_draft
from translation.exchange.markup import MarkupError, check_target, normalized, read_inline
from translation.exchange.po import PoError, po_entries, read_po_upload
from translation.exchange.units import units_for
from translation.exchange.xliff import NS, XliffError, parse_xliff

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
    #: Whose permissions the plan was checked against (``None``: existence only).
    user: object = None
    changes: list = field(default_factory=list)
    unchanged: int = 0
    errors: list = field(default_factory=list)

    @property
    def ok(self):
        return not self.errors

    @property
    def translations(self):
        seen = {}
        for change in self.changes:
            seen.setdefault(change.translation.pk, change.translation)
        return list(seen.values())


def plan_import(data, file_format, locale, user=None):
    """
    What importing ``data`` (bytes) into ``locale`` would change; never writes. With a
    ``user``, every page they may not write is an error (see the module's docstring).
    """
    plan = ImportPlan(locale=locale, format=file_format, user=user)
    try:
        groups = _read(data, file_format, locale, plan)
    except (XliffError, PoError) as error:
        plan.errors.append(str(error))
        return plan
    translations = _translations([uuid_ for uuid_, _entries in groups], plan)
    wanted = []
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
        wanted.append((translation, entries))
    problems = page_problems([translation for translation, _entries in wanted], user)
    reported = set()
    for translation, entries in wanted:
        if translation.pk in problems:
            if translation.pk not in reported:  # once, however many files of an archive name the page
                reported.add(translation.pk)
                plan.errors.append(problems[translation.pk])
            continue
        _compare(translation, entries, plan)
    return plan


_page_policy = PagePermissionPolicy()


def page_problems(translations, user=None):
    """
    ``{translation pk: message}`` for each translation whose page may not be written:
    not a page, its German page gone, or (with a ``user``) a target page they may not
    edit, or may not create where it would be created.
    """
    problems, checked = {}, []
    for translation in {translation.pk: translation for translation in translations}.values():
        model = translation.source.specific_content_type.model_class()
        if model is None or not issubclass(model, Page):
            problems[translation.pk] = _("'%(object)s' is not a page; agency files carry pages only.") % {
                "object": translation.source.object_repr
            }
        else:
            checked.append(translation)
    if not checked:
        return problems
    sources = {
        (page.translation_key, page.locale_id): page
        for page in Page.objects.filter(translation_key__in={t.source.object_id for t in checked})
    }
    for translation in checked:
        title = translation.source.object_repr
        source = sources.get((translation.source.object_id, translation.source.locale_id))
        if source is None:
            problems[translation.pk] = _("'%(page)s': the German page no longer exists.") % {"page": title}
            continue
        if user is None:
            continue
        language = translation.target_locale.language_code
        target = sources.get((translation.source.object_id, translation.target_locale_id))
        if target is not None:
            if not target.permissions_for_user(user).can_edit():
                problems[translation.pk] = _(
                    "You may not edit the page '%(page)s' in '%(language)s'; ask an editor for permission, "
                    "or import the file without it."
                ) % {"page": title, "language": language}
            continue
        parent = _nearest_translated_ancestor(source, translation.target_locale_id)
        if parent is None or not _page_policy.user_has_permission_for_instance(user, "add", parent):
            problems[translation.pk] = _(
                "'%(page)s' does not exist in '%(language)s' yet and you may not add pages below '%(parent)s' "
                "there; ask an editor for permission, or import the file without it."
            ) % {"page": title, "language": language, "parent": parent.title if parent is not None else "/"}
    return problems


def _nearest_translated_ancestor(page, locale_id):
    """Where wagtail-localize would create the page's translation: its deepest ancestor in that locale, or the root."""
    ancestors = list(page.get_ancestors())
    keys = [ancestor.translation_key for ancestor in ancestors if ancestor.depth > 1]
    found = Page.objects.filter(translation_key__in=keys, locale_id=locale_id).order_by("-depth").first()
    if found is not None:
        return found
    return next((ancestor for ancestor in ancestors if ancestor.depth == 1), None)


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
        for translation in Translation.objects.filter(uuid__in=parsed.values()).select_related(
            "source__specific_content_type", "target_locale"
        )
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
    """Match each returned entry to the current source, check its markup, and plan the change."""
    units = units_for(translation, slugs=True)
    by_key = {unit.key: unit for unit in units}
    by_text = {(unit.path, unit.source): unit for unit in units}
    paths = {unit.path for unit in units}
    title = translation.source.object_repr
    for entry in entries:
        if plan.format == "xliff":
            unit = by_key.get(entry.path)
            known = unit is not None
        else:
            unit = by_text.get((entry.path, entry.source))
            known = entry.path in paths
        if not known:
            plan.errors.append(
                _("'%(page)s': the segment '%(path)s' does not exist in the current source.")
                % {"page": title, "path": entry.path}
            )
            continue
        if unit is None:
            plan.errors.append(
                _("'%(page)s': the source text of '%(path)s' changed since the export; export the page again.")
                % {"page": title, "path": entry.path}
            )
            continue
        try:
            source, target = _texts(entry, unit, plan.format)
        except MarkupError as error:
            plan.errors.append(
                _("'%(page)s', unit '%(path)s': %(problem)s") % {"page": title, "path": entry.path, "problem": error}
            )
            continue
        if source != _normal(unit.source):
            plan.errors.append(
                _("'%(page)s': the source text of '%(path)s' changed since the export; export the page again.")
                % {"page": title, "path": entry.path}
            )
            continue
        if not target:
            continue
        problem = check_target(unit.source, target)
        if problem:
            plan.errors.append(
                _("'%(page)s', unit '%(path)s': %(problem)s") % {"page": title, "path": entry.path, "problem": problem}
            )
            continue
        if target == _normal(unit.target):
            plan.unchanged += 1
            continue
        plan.changes.append(
            Change(translation, entry.path, unit.source, unit.target, target, unit.string_id, unit.context_id)
        )


def _normal(html):
    """Segment HTML written one way, so that equal texts compare equal (unreadable markup: as is)."""
    try:
        return normalized(html)
    except MarkupError:
        return html


def _texts(entry, unit, file_format):
    """The entry's source and target as segment HTML (XLIFF inline codes mapped back to tags)."""
    if file_format != "xliff":
        return _normal(entry.source), entry.target
    source = read_inline(entry.source_element, unit.source, NS) if entry.source_element is not None else ""
    target = read_inline(entry.target_element, unit.source, NS) if entry.target_element is not None else ""
    return source, target


def apply_import(plan, user=None):
    """
    Write the plan's translations and save each touched page as a draft (a live page
    keeps its live text until a reviewer publishes), in one transaction: a failure
    anywhere leaves nothing applied. Returns the number of strings changed. Raises
    ImportRefused if the plan has errors, if ``user`` (or the user the plan was made
    for) may not write one of its pages now, or if a page refuses them.
    """
    if not plan.ok:
        raise ImportRefused(plan.errors)
    checker = user if user is not None else plan.user
    tool = "XLIFF import" if plan.format == "xliff" else "PO import"
    try:
        with transaction.atomic():
            # Permissions may have changed since the plan, or the plan was made for
            # someone else: check again before writing anything.
            problems = page_problems(plan.translations, checker)
            if problems:
                raise ImportRefused(list(problems.values()))
            # Both formats write exactly the planned, checked strings: what the dry run
            # listed is what is imported, no more and no less.
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
    except (SourceDeletedError, MissingTranslationError, MissingRelatedObjectError, CannotSaveDraftError) as error:
        raise ImportRefused([_("A page could not be saved: %(error)s") % {"error": str(error) or type(error).__name__}]) from error
    return len(plan.changes)
