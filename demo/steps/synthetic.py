"""
A large synthetic data set for benchmarks (``load_demo --size N``).

Pages come in bundles: one partner with two services and an event, and two guides, in
German, each bundle also translated into one of English, Arabic or Ukrainian, so about
twelve pages per bundle. For speed, pages are saved once, live, without revisions (there
is no editing history to keep), and translations are built directly as pages of the
target locale's tree with the source's translation key, as ``copy_for_translation`` would
make them, without wagtail-localize's translation records. Bundles already present are
skipped, so running the command again with the same size adds nothing.
"""

import datetime
import random

from django.db.models import F
from django.utils import timezone
from wagtail.models import Page

from demo.content import synthetic as words
from demo.keys import demo_key, demo_text
from directory.models import OpeningInterval, PartnerPage, ServicePage
from pages.models import EventPage, GuidePage

PAGES_PER_BUNDLE = 12
PREFIX = "bench"


class ChildAppender:
    """
    Appends many pages below one parent with one query for the last child and one update
    of the parent's child count, instead of both per page as ``add_child`` does. Pages
    are saved without ``full_clean``: the values are generated and known to be valid.
    """

    def __init__(self, parent):
        self.parent = parent
        last = parent.get_last_child()
        self.step = last._get_lastpos_in_path() if last else 0
        self.added = 0

    def add(self, page):
        self.step += 1
        page.depth = self.parent.depth + 1
        page.path = Page._get_path(self.parent.path, page.depth, self.step)
        page.numchild = 0
        page.save(clean=False)
        self.added += 1
        return page

    def flush(self):
        if self.added:
            Page.objects.filter(pk=self.parent.pk).update(numchild=F("numchild") + self.added)
            self.parent.numchild += self.added
            self.added = 0


def _new_page(parent, model, key, locale, **fields):
    now = timezone.now()
    page = model(
        translation_key=demo_key(key),
        locale=locale,
        live=True,
        has_unpublished_changes=False,
        first_published_at=now,
        last_published_at=now,
        draft_title=fields["title"],
        last_reviewed=timezone.localdate(),
        **fields,
    )
    if isinstance(parent, ChildAppender):
        return parent.add(page)
    appender = ChildAppender(parent)
    appender.add(page)
    appender.flush()
    return page


def _source_fields(context, number, rng):
    """Field values of one bundle's German pages, derived from its number only."""
    district = rng.choice(words.DISTRICTS)
    organisation = f"{rng.choice(words.ORGANISATIONS)} {district} {number}"
    topics = rng.sample(list(context.topics.values()), 2)
    audiences = rng.sample(list(context.audiences.values()), 2)
    spoken = rng.sample([context.spoken[code] for code in ("de", "en", "ar", "uk", "fa", "ru", "tr")], 3)
    place = rng.choice(list(context.places.values()))
    # Guides and services show an image in lists, as the demo's own do: one of the demo's
    # images in turn (not drawn from rng, so the other values stay as they were).
    images = [context.images[key] for key in sorted(context.images)]
    image = images[number % len(images)] if images else None
    start = timezone.now().replace(minute=0, second=0, microsecond=0) + datetime.timedelta(
        days=number % 60, hours=rng.randint(0, 8)
    )

    def guide(index):
        subject = rng.choice(words.SUBJECTS)
        qualifier = rng.choice(words.QUALIFIERS)
        return {
            "title": f"{subject}: {qualifier} ({number}.{index})",
            "summary": demo_text(f"Synthetischer Ratgeber zu {subject} für Lasttests."),
            "body": [
                ("paragraph", f"<p>{subject} – {qualifier}. Synthetischer Text für Lasttests.</p>"),
                ("checklist", {"title": "Mitbringen", "items": ["Pass", "Meldebescheinigung", subject]}),
                ("steps", {"title": "", "steps": [{"title": "Termin buchen", "body": "<p>Online.</p>"}]}),
            ],
            "image": image,
            "topics": topics,
            "audiences": audiences,
        }

    return {
        "partner": {
            "title": organisation,
            "summary": demo_text(f"Synthetischer Partner in {district} für Lasttests."),
            "kind": rng.choice(words.KINDS),
            "about": f"<p>{organisation} berät in {district}.</p>",
            "topics": topics,
            "places": [place],
            "languages": spoken,
        },
        "services": [
            {
                "title": f"{rng.choice(words.SUBJECTS)}-Beratung {district} ({number}.{index})",
                "summary": demo_text("Synthetische Beratung für Lasttests."),
                "image": image,
                "topics": topics,
                "audiences": audiences,
                "languages": spoken,
                "places": [place],
                "by_phone": bool(index),
                "opening_hours": [
                    OpeningInterval(weekday=1 + (number + index) % 5, opens=datetime.time(9), closes=datetime.time(12)),
                    OpeningInterval(weekday=1 + (number + index + 2) % 5, opens=datetime.time(14), closes=datetime.time(17)),
                ],
            }
            for index in range(2)
        ],
        "event": {
            "title": f"Treffen {organisation}",
            "summary": demo_text("Synthetische Veranstaltung für Lasttests."),
            "start": start,
            "end": start + datetime.timedelta(hours=2),
            "recurrence_rule": "FREQ=WEEKLY;COUNT=8" if number % 4 == 0 else "",
            "place": place,
            "topics": topics,
            "audiences": audiences,
            "languages": spoken,
        },
        "guides": [guide(0), guide(1)],
    }


def _translated(fields, language):
    """The same fields with the title marked as a synthetic translation."""
    copy = dict(fields)
    copy["title"] = f"[{language.upper()}] {fields['title']}"
    copy["summary"] = demo_text(fields["summary"], language)
    if "opening_hours" in copy:
        copy["opening_hours"] = [
            OpeningInterval(weekday=row.weekday, opens=row.opens, closes=row.closes) for row in fields["opening_hours"]
        ]
    return copy


def _translated_bundle(fields, language):
    return {
        part: [_translated(item, language) for item in value] if isinstance(value, list) else _translated(value, language)
        for part, value in fields.items()
    }


def _make_bundle(number, parents, locale, fields):
    """Create one bundle's pages below ``parents`` (partner index, guide index) in ``locale``."""
    key = f"{PREFIX}:{number}"
    partner = _new_page(parents["partners"], PartnerPage, f"{key}:partner", locale, slug=f"{PREFIX}-partner-{number}", **fields["partner"])
    children = ChildAppender(partner)
    for index, service in enumerate(fields["services"]):
        _new_page(children, ServicePage, f"{key}:service:{index}", locale, slug=f"{PREFIX}-service-{number}-{index}", provider=partner, **service)
    _new_page(children, EventPage, f"{key}:event", locale, slug=f"{PREFIX}-event-{number}", organiser=partner, **fields["event"])
    children.flush()
    for index, guide in enumerate(fields["guides"]):
        _new_page(parents["guides"], GuidePage, f"{key}:guide:{index}", locale, slug=f"{PREFIX}-guide-{number}-{index}", **guide)


def _parents(context, locale):
    return {
        name: ChildAppender(context.indexes[name].get_translation(locale))
        for name in ("partners", "guides")
    }


def existing_bundles(context):
    """Translation keys of the synthetic partners made by earlier runs (one per bundle)."""
    partners = PartnerPage.objects.filter(locale=context.source_locale, slug__startswith=f"{PREFIX}-partner-")
    return set(partners.values_list("translation_key", flat=True))


def create_synthetic(context, size, progress=print):
    """Create about ``size`` pages; returns how many were made."""
    bundles = max(1, round(size / PAGES_PER_BUNDLE))
    done = existing_bundles(context)
    parents = {locale: _parents(context, locale) for locale in [context.source_locale, *context.target_locales]}
    made = 0
    for number in range(bundles):
        if demo_key(f"{PREFIX}:{number}:partner") in done:
            continue
        fields = _source_fields(context, number, random.Random(number))
        _make_bundle(number, parents[context.source_locale], context.source_locale, fields)
        target = context.target_locales[number % len(context.target_locales)]
        _make_bundle(number, parents[target], target, _translated_bundle(fields, target.language_code))
        made += PAGES_PER_BUNDLE
        if (number + 1) % 100 == 0:
            progress(f"  {number + 1}/{bundles} bundles ({made} pages)")
    for appenders in parents.values():
        for appender in appenders.values():
            appender.flush()
    return made
