"""
One import of one feed, and the round over all feeds the worker runs every hour.

The rules, in the order they apply to each UID of the feed:

- **New**: an event page is created below the partner as a draft and submitted to the
  page's workflow (the partner's, or the default "Moderators approval"); without a
  workflow it stays a draft. Past events are not created.
- **Known, unchanged** (the feed says what it said last time): nothing, not even a query.
- **Known, changed**: each field the feed changed is written into a new revision if its
  value in the page's latest revision is still what the feed said last time; otherwise an
  editor changed it, and the editor's value stays and a conflict is recorded. The new
  revision goes to review like the first one (a live page stays as it is until approved).
- **Cancelled or gone from the feed**: nothing is deleted or unpublished; the event is
  flagged, its page history says so, and editors find it in the feed's report.
- **Page deleted in the CMS**: the UID stays known, and the event is not created again.

A feed that cannot be fetched or read keeps its events as they are; its error is kept
on the feed.
"""

import hashlib
import logging
from collections import Counter

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django.utils.dateparse import parse_datetime
from django.utils.text import slugify
from wagtail.log_actions import log
from wagtail.models import Revision

from directory.models import PartnerPage, Place
from freshness.calendars import mapping
from freshness.calendars.choices import EventState, FeedError, FeedResult, Note
from freshness.calendars.fetch import FetchFailed, fetch
from freshness.calendars.models import CalendarFeed, ImportedEvent
from freshness.calendars.parse import FIELDS, Malformed, parse

logger = logging.getLogger(__name__)

IMPORTED_ACTION = "calendars.imported"
UPDATED_ACTION = "calendars.updated"
FLAGGED_ACTION = "calendars.flagged"


def import_all(partner=None):
    """Import every active feed (of one partner, if given); returns {feed: result}."""
    feeds = CalendarFeed.objects.filter(active=True).select_related("partner")
    if partner is not None:
        feeds = feeds.filter(partner=partner)
    results = {}
    for feed in feeds:
        try:
            results[feed] = import_feed(feed)
        except Exception as error:  # one partner's feed must not stop the others'
            logger.exception("Calendar import of %s failed", feed.url)
            # Not the feed's fault as far as we know: say so, not "malformed".
            failed(feed, FeedError.INTERNAL, f"{type(error).__name__}: {error}", timezone.now())
            results[feed] = feed.result
    return results


def import_feed(feed, now=None):
    """Fetch, read and apply one feed; returns its ``FeedResult``."""
    now = now or timezone.now()
    try:
        fetched = fetch(feed.url, etag=feed.etag, last_modified=feed.last_modified)
    except FetchFailed as failure:
        return failed(feed, failure.code, failure.detail, now)
    digest = hashlib.sha256(fetched.body).hexdigest() if fetched.body is not None else feed.content_hash
    if fetched.body is None or (digest == feed.content_hash and feed.result != FeedResult.FAILED):
        return succeeded(feed, FeedResult.NOT_MODIFIED, now, fetched, digest, feed.counts)
    try:
        content = parse(fetched.body)
    except Malformed as error:
        return failed(feed, FeedError.MALFORMED, str(error), now)
    with transaction.atomic():
        # The worker and a ``manage.py import_calendars`` at the same moment: one after the other.
        CalendarFeed.objects.select_for_update().filter(pk=feed.pk).first()
        counts = apply(feed, content, now)
    return succeeded(feed, FeedResult.OK, now, fetched, digest, counts)


def failed(feed, code, detail, now):
    """Keep the error; the events stay as the last good import left them (and the validators too)."""
    feed.last_attempt = now
    feed.result = FeedResult.FAILED
    feed.error, feed.error_detail = code, str(detail)[:255]
    feed.save(update_fields=["last_attempt", "result", "error", "error_detail"])
    return feed.result


def succeeded(feed, result, now, fetched, digest, counts):
    feed.last_attempt = feed.last_success = now
    feed.result = result
    feed.error = feed.error_detail = ""
    feed.counts = dict(counts)
    settle_conflicts(feed)
    if fetched.body is not None:
        feed.etag, feed.last_modified, feed.content_hash = fetched.etag, fetched.last_modified, digest
    feed.save()
    return result


def apply(feed, content, now):
    """Bring the feed's events into the CMS; returns the counts shown on the feed."""
    counts = Counter(skipped=len(content.broken))
    records = {record.uid: record for record in feed.events.select_related("page")}
    places = place_names()
    partner = None
    changed = []
    for uid, event in content.events.items():
        if not event.values:
            continue  # unreadable this time: known events stay as they are
        match_place(event, places)
        record = records.get(uid)
        if record is None:
            if event.cancelled or is_past(event, now):
                counts["skipped"] += 1
                continue
            partner = partner or PartnerPage.objects.get(pk=feed.partner_id)
            create(feed, partner, event, now)
            counts["created"] += 1
        elif record.fingerprint == event.values and record.state == EventState.ACTIVE and not event.cancelled:
            counts["unchanged"] += 1
        else:
            changed.append((record, event))
    revisions = latest_revisions(record for record, _event in changed)
    for record, event in changed:
        counts[update(record, event, revisions, now)] += 1
    gone = [
        record for uid, record in records.items() if uid not in content.events and record.state == EventState.ACTIVE
    ]
    for record in gone:
        flag(record, EventState.REMOVED)
    counts["flagged"] += len(gone)
    counts["conflicts"] = feed.events.exclude(conflicts=[]).count()
    return dict(counts)


def create(feed, partner, event, now):
    slug = f"{slugify(event.values['title'])[:60] or 'termin'}-{uid_hash(feed, event.uid)}"
    page = mapping.new_page(event.values, slug, partner)
    partner.add_child(instance=page)
    page.save_revision(clean=False)
    log(instance=page, action=IMPORTED_ACTION, data={"feed": feed.url, "uid": event.uid})
    submit(page)
    ImportedEvent.objects.create(
        feed=feed, uid=event.uid, page=page, fingerprint=event.values, location=event.location,
        notes=event.notes, last_changed=now,
    )


def update(record, event, revisions, now):
    """Apply a changed event to its page where no editor has changed the field; returns the count it falls in."""
    state = EventState.CANCELLED if event.cancelled else EventState.ACTIVE
    outcome = "unchanged"
    if state != record.state:
        if state == EventState.CANCELLED:
            flag(record, state)
            outcome = "flagged"
        else:
            record.state = state
    page = record.page
    if page is not None and record.fingerprint != event.values:
        current = current_page(page, revisions)
        cms = mapping.values_of(current)
        follow, conflicts = [], {conflict["field"]: conflict for conflict in record.conflicts}
        for name in FIELDS:
            last, new = record.fingerprint.get(name), event.values[name]
            if mapping.same(name, cms[name], new):
                conflicts.pop(name, None)  # the page already says what the feed says
            elif mapping.same(name, cms[name], last):
                follow.append(name)
                conflicts.pop(name, None)
            elif not mapping.same(name, last, new):
                conflicts[name] = {"field": name, "feed": new, "cms": cms[name]}
        if follow:
            mapping.write(current, event.values, follow)
            current.save_revision(clean=False, log_action=False)
            log(instance=current, action=UPDATED_ACTION, data={"fields": follow, "uid": record.uid})
            submit(current)
            outcome = "updated" if outcome == "unchanged" else outcome
        record.conflicts = list(conflicts.values())
    elif page is None:
        outcome = "skipped"  # deleted in the CMS: not brought back
    record.fingerprint, record.location, record.notes, record.last_changed = (
        event.values, event.location, event.notes, now,
    )
    record.save()
    return outcome


def settle_conflicts(feed):
    """
    A conflict ends when an editor has taken the feed's value: checked on every import, also
    of an unchanged feed (two queries, whatever the number of events).
    """
    records = list(feed.events.exclude(conflicts=[]).filter(page__isnull=False).select_related("page"))
    revisions = latest_revisions(records)
    for record in records:
        cms = mapping.values_of(current_page(record.page, revisions))
        left = [
            c for c in record.conflicts if not mapping.same(c["field"], cms[c["field"]], record.fingerprint[c["field"]])
        ]
        if left != record.conflicts:
            record.conflicts = left
            record.save(update_fields=["conflicts"])
    if feed.counts.get("conflicts"):
        feed.counts["conflicts"] = feed.events.exclude(conflicts=[]).count()


def current_page(page, revisions):
    """The page as its newest revision has it (what an editor sees in the editor)."""
    return page.with_content_json(revisions[page.latest_revision_id].content) if page.latest_revision_id else page


def flag(record, state):
    """A cancelled or vanished event is never deleted: it waits for an editor, and its history says why."""
    record.state = state
    record.save(update_fields=["state"])
    if record.page is not None:
        log(instance=record.page, action=FLAGGED_ACTION, data={"uid": record.uid, "state": state})


def submit(page):
    """Under review: into the page's workflow, unless it is already in one (which then sees the newest revision)."""
    workflow = page.get_workflow()
    if workflow is not None and workflow.active and page.current_workflow_state is None:
        workflow.start(page, None)


def latest_revisions(records):
    ids = [record.page.latest_revision_id for record in records if record.page is not None]
    return Revision.objects.in_bulk(ids) if ids else {}


def place_names():
    """Place ids by lower-cased name, in the source language (the events' own): one query per import."""
    names = {}
    for pk, name in Place.objects.filter(locale__language_code=settings.LANGUAGE_CODE).values_list("pk", "name"):
        names.setdefault(name.casefold(), pk)
    return names


def match_place(event, places):
    """LOCATION "Stadthaus" or "Stadthaus, Burgplatz 1" finds the place named Stadthaus."""
    if not event.location or event.values["online_url"]:
        return
    key = event.location.casefold()
    event.values["place"] = places.get(key) or places.get(key.split(",")[0].strip())
    if event.values["place"] is None:
        event.notes.append([Note.NO_PLACE, event.location])


def is_past(event, now):
    return not event.values["recurrence_rule"] and parse_datetime(event.values["end"]) < now


def uid_hash(feed, uid):
    return hashlib.sha256(f"{feed.pk}:{uid}".encode()).hexdigest()[:8]
