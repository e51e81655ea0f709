"""
What each recipient's weekly digest holds, built for everyone at once.

``build(today)`` returns one ``Digest`` per recipient (by e-mail address) and the
``Reminder`` rows to record once they are sent. What was already reminded this week is
left out, so a second run in the same week finds nothing new; a recipient with nothing
left gets no e-mail. The queries are a fixed number per kind of content, never one per
item, owner or team member.
"""

import datetime
from dataclasses import dataclass, field

from django.contrib.contenttypes.models import ContentType
from wagtail.models import Page

from freshness import cycles
from freshness.choices import LinkState, ReminderKind
from freshness.models import CheckedLink, LinkUse, Reminder
from freshness.reminders import links
from freshness.reminders.recipients import PROFILE, Owners, translators
from freshness.translations import translations_in
from translation.choices import TranslationStatus
from translation.status import target_locales

#: Missing translations listed per language (the translators' overview has them all).
MISSING_LIMIT = 20


def week_of(day):
    """The Monday of ``day``'s week: a digest's week, the unit of idempotence."""
    return day - datetime.timedelta(days=day.weekday())


@dataclass
class ItemRow:
    item: object
    state: str
    edit_url: str
    review_url: str

    @property
    def overdue(self):
        return self.state == cycles.OVERDUE

    @property
    def kind(self):
        return self.item._meta.verbose_name

    @property
    def due_on(self):
        return cycles.due_on(self.item)


@dataclass
class LinkRow:
    link: CheckedLink
    page: Page
    edit_url: str


@dataclass
class TranslationRow:
    source: Page
    locale: object
    status: str
    edit_url: str


@dataclass
class LanguageSection:
    locale: object
    outdated: list = field(default_factory=list)
    missing: list = field(default_factory=list)
    missing_total: int = 0


@dataclass
class Digest:
    recipient: object
    items: list = field(default_factory=list)
    links: list = field(default_factory=list)
    languages: dict = field(default_factory=dict)

    def __bool__(self):
        return bool(self.items or self.links or self.languages)

    @property
    def overdue_items(self):
        return [row for row in self.items if row.overdue]

    @property
    def due_items(self):
        return [row for row in self.items if not row.overdue]


@dataclass(frozen=True)
class Mark:
    """One ``Reminder`` to record: a key, and whether the item was overdue."""

    kind: str
    content_type_id: int
    object_id: int
    language_code: str = ""
    overdue: bool = False

    @property
    def key(self):
        return (self.kind, self.content_type_id, self.object_id, self.language_code)


@dataclass
class Round:
    """Everything one run found: the digests, the overdue items, the reminders to record."""

    week: datetime.date
    digests: dict = field(default_factory=dict)
    overdue: list = field(default_factory=list)
    marks: list = field(default_factory=list)
    owners: Owners = None

    def digest_for(self, person):
        if person.email not in self.digests:
            self.digests[person.email] = Digest(person)
        return self.digests[person.email]

    def nonempty(self):
        return [digest for digest in self.digests.values() if digest]


def _already_sent(week):
    return set(Reminder.objects.filter(week=week).values_list("kind", "content_type_id", "object_id", "language_code"))


def _due_items(today, sent):
    """``(item, state, content type id)`` of every due item not reminded this week."""
    found = []
    for model in cycles.REVIEWED_MODELS:
        content_type = ContentType.objects.get_for_model(model)
        items = cycles.due(model, today).select_related(f"content_owner__{PROFILE}", "owner_team", "locale")
        for item in items:
            if (ReminderKind.ITEM, content_type.pk, item.pk, "") not in sent:
                found.append((item, cycles.state(item, today), content_type.pk))
    return found


def _broken_links(sent):
    """``(use, owner item or None)`` for every use of a broken link not reminded this week."""
    link_type = ContentType.objects.get_for_model(CheckedLink)
    uses = {}
    for use in LinkUse.objects.filter(link__state=LinkState.BROKEN).select_related("link", "page").order_by("link__url"):
        # One row per link and page, however many of the page's fields use it.
        if (ReminderKind.LINK, link_type.pk, use.link_id, "") not in sent:
            uses.setdefault((use.link_id, use.page_id), use)
    uses = list(uses.values())
    page_ids = {use.page_id for use in uses}
    owned = {}
    for model in cycles.REVIEWED_MODELS:
        if page_ids and issubclass(model, Page):
            for page in model.objects.filter(pk__in=page_ids).select_related(f"content_owner__{PROFILE}", "owner_team"):
                owned[page.pk] = page
    return [(use, owned.get(use.page_id)) for use in uses], link_type.pk


def _translations(sent, by_locale):
    """Outdated and missing translations in the languages that have translators, not reminded this week."""
    locales = [locale for locale in target_locales() if locale.pk in by_locale]
    if not locales:
        return []
    found = []
    for row in translations_in({TranslationStatus.OUTDATED, TranslationStatus.MISSING}, locales=locales):
        type_id = ContentType.objects.get_for_model(row.source).pk
        if (ReminderKind.TRANSLATION, type_id, row.source.pk, row.locale.language_code) not in sent:
            found.append((row, type_id, links.page_edit_url(row.target_page_id or row.source.pk)))
    return found


def build(today):
    """The round of ``today``'s week."""
    week = week_of(today)
    sent = _already_sent(week)
    found = _due_items(today, sent)
    uses, link_type_id = _broken_links(sent)
    teams = {item.owner_team_id for item, _state, _type in found} | {
        owner.owner_team_id for _use, owner in uses if owner is not None
    }
    owners = Owners.load(teams - {None})
    result = Round(week=week, owners=owners)

    for item, state, type_id in found:
        people = owners.of(item)
        if not people:
            continue
        row = ItemRow(item, state, links.edit_url(item), links.review_url(item))
        for person in people:
            result.digest_for(person).items.append(row)
        overdue = state == cycles.OVERDUE
        result.marks.append(Mark(ReminderKind.ITEM, type_id, item.pk, overdue=overdue))
        if overdue:
            result.overdue.append((item, type_id))

    reminded_links = set()
    for use, owner in uses:
        people = owners.of(owner) if owner is not None else owners.lead
        if not people:
            continue
        row = LinkRow(use.link, use.page, links.page_edit_url(use.page_id))
        for person in people:
            result.digest_for(person).links.append(row)
        if use.link_id not in reminded_links:
            reminded_links.add(use.link_id)
            result.marks.append(Mark(ReminderKind.LINK, link_type_id, use.link_id))

    by_locale = translators(target_locales())
    for row, type_id, url in _translations(sent, by_locale):
        row = TranslationRow(row.source, row.locale, row.status, url)
        for person in by_locale[row.locale.pk]:
            section = result.digest_for(person).languages.setdefault(row.locale.pk, LanguageSection(row.locale))
            if row.status == TranslationStatus.OUTDATED:
                section.outdated.append(row)
            else:
                section.missing_total += 1
                if section.missing_total <= MISSING_LIMIT:
                    section.missing.append(row)
        result.marks.append(Mark(ReminderKind.TRANSLATION, type_id, row.source.pk, row.locale.language_code))
    return result
