"""
Help offers and requests in every state, an answer relayed both ways, a reported listing,
and room requests, moved on by the platform's own decisions.

A listing is stored as the submission side stores it (``UNCONFIRMED``), then taken where
its demo data says by the functions staff and submitters use: ``offers.moderation``
approves (with the expiry date), ``offers.translating`` pre-translates, rejects,
``offers.lifecycle`` expires, ``offers.privacy`` withdraws, ``offers.relay`` forwards a
reader's first message, ``offers.bookings`` publishes a confirmed room request as an
event. Only the steps before those (the form, the confirmation link) are written
directly: their spam limits would count the demo against a real client's hour, and
their links would stamp today's date on a submission the demo dates days back.

Those functions e-mail the submitters. While the demo loads, every task goes to
django-tasks' dummy backend, which keeps it in memory and runs nothing: no e-mail is
sent, printed to the console or queued for a worker, whichever backends the
installation uses.
"""

import datetime
from contextlib import contextmanager

from django.test.utils import override_settings
from django.utils import timezone

from demo.content.offers import LISTINGS, ROOM_REQUESTS, SUBMITTERS
from demo.keys import demo_key, demo_text
from offers import bookings, lifecycle, moderation, people, privacy, relay, translating
from offers.choices import RoomRequestStatus, Sender, Status
from offers.models import Conversation, Listing, Message, Report, RoomRequest, Submitter
from offers.tokens import Purpose, confirmation_token

NO_TASKS = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}


@contextmanager
def no_mail_out():
    """Run the decisions without sending (or queueing) the e-mails they send."""
    with override_settings(TASKS=NO_TASKS):
        yield


def _translator(data):
    """
    The machine translator for approving ``data``: the demo's own for the listing that
    shows a machine translation, none for the others (they are public in their
    submitter's language, which every reader falls back to).
    """
    if "machine" not in data:
        return override_settings(WAGTAILLOCALIZE_MACHINE_TRANSLATOR=None)
    translations = {}
    for language, fields in data["machine"].items():
        translations[language] = {
            data["title"]: fields["title"],
            _description(data): demo_text(fields["description"], language),
        }
    return override_settings(
        WAGTAILLOCALIZE_MACHINE_TRANSLATOR={
            "CLASS": "demo.translator.DemoMachineTranslator",
            "OPTIONS": {"TRANSLATIONS": translations},
        }
    )


def _description(data):
    return demo_text(data["description"], data["language"])


def _submitter(key):
    data = SUBMITTERS[key]
    submitter, _created = Submitter.objects.get_or_create(email=data["email"], defaults=data)
    return submitter


def _submit(context, data, submitted_at):
    """The listing as the submission form stores it: unconfirmed, in its submitter's language."""
    listing = Listing.objects.create(
        translation_key=demo_key(f"listing:{data['key']}"),
        locale=people.locale_of(data["language"]),
        direction=data["direction"],
        kind=data["kind"],
        title=data["title"],
        description=_description(data),
        district=data["district"],
        partner=context.partners[data["partner"]] if data.get("partner") else None,
        submitter=_submitter(data["submitter"]),
        channel="website",
        status=Status.UNCONFIRMED,
        submitted_at=submitted_at,
    )
    listing.topics.set(context.pick(context.topics, data["topics"]))
    listing.languages.set(context.pick(context.spoken, data["languages"]))
    return listing


def _decide(listing, data, submitted_at, now):
    """Take the submitted listing to the state ``data["state"]``."""
    state = Status(data["state"])
    if state == Status.UNCONFIRMED:
        return
    # What the confirmation link does (``offers.submissions.confirm_submission``), dated back.
    listing.set_status(Status.PENDING, confirmed_at=submitted_at + datetime.timedelta(minutes=20))
    decided_at = submitted_at + min(datetime.timedelta(days=1), (now - submitted_at) / 2)
    if state == Status.REJECTED:
        moderation.reject(listing, None, data["reason"], now=decided_at)
    elif state != Status.PENDING:
        moderation.approve(listing, None, now=decided_at)
        # What the worker does after an approval; the demo's tasks run nowhere (no_mail_out).
        with _translator(data):
            translating.pretranslate_approved.call(listing.pk)
    if state == Status.EXPIRED:
        lifecycle.expire_due(now=listing.expires_at)
    elif state == Status.WITHDRAWN:
        privacy.withdraw(listing, now=now - datetime.timedelta(days=3))


def _report(listing, data):
    for reason, text in data.get("reports", ()):
        Report.objects.create(listing=listing, reason=reason, text=text)


def _conversation(listing, data, now):
    """
    An answer and its replies: the reader's first message is forwarded by the reader's
    confirmation link, as on the website; the later ones are stored as forwarded. All are
    dated an hour apart, so the conversation reads in order.
    """
    if "conversation" not in data:
        return
    conversation_data = data["conversation"]
    conversation = Conversation.objects.create(
        listing=listing,
        reader_email=conversation_data["reader_email"],
        reader_language=conversation_data["reader_language"],
    )
    messages = conversation_data["messages"]
    for number, (sender, text) in enumerate(messages):
        message = Message.objects.create(conversation=conversation, sender=Sender(sender), text=text)
        written = now - datetime.timedelta(hours=len(messages) - number)
        Message.objects.filter(pk=message.pk).update(created_at=written)
        if number == 0:
            relay.confirm_reader(confirmation_token(Purpose.READER, conversation.pk))
            Conversation.objects.filter(pk=conversation.pk).update(reader_confirmed_at=written)
        Message.objects.filter(pk=message.pk).update(relayed_at=written)


def create_listings(context):
    now = timezone.now()
    made = 0
    with no_mail_out():
        for data in LISTINGS:
            if Listing.objects.filter(translation_key=demo_key(f"listing:{data['key']}")).exists():
                continue
            submitted_at = now - datetime.timedelta(days=data["days"], hours=3)
            listing = _submit(context, data, submitted_at)
            _decide(listing, data, submitted_at, now)
            _report(listing, data)
            _conversation(listing, data, now)
            made += 1
    return made


def _start(data):
    day = timezone.localdate() + datetime.timedelta(days=data["day"])
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time.fromisoformat(data["time"])))


def create_room_requests(context):
    """Pending requests (one at a time the room is taken) and a confirmed one, published as an event."""
    now = timezone.now()
    made = 0
    with no_mail_out():
        for data in ROOM_REQUESTS:
            place, room_name = data["room"]
            room = context.places[place].rooms.get(name=room_name)
            if RoomRequest.objects.filter(room=room, title=data["title"]).exists():
                continue
            start = _start(data)
            submitted_at = now - datetime.timedelta(days=2)
            request = RoomRequest.objects.create(
                room=room,
                group_name=data["group"],
                partner=context.partners.get(data.get("partner")),
                title=data["title"],
                description=data["description"],
                start=start,
                end=start + datetime.timedelta(hours=data["hours"]),
                attendees=data["attendees"],
                language=data["language"],
                submitter=_submitter(data["submitter"]),
                status=RoomRequestStatus.PENDING,
                submitted_at=submitted_at,
                confirmed_at=submitted_at + datetime.timedelta(minutes=20),
            )
            if data["state"] == "confirmed":
                bookings.confirm(request, None, now=now - datetime.timedelta(days=1))
            made += 1
    return made

