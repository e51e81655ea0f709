"""
Submitters, listings and conversations for the lifecycle and privacy tests, built directly
in the state a test is about (the submission flow has its own tests).
"""

from datetime import timedelta

from django.utils import timezone

from offers.choices import Direction, Kind, Sender, Status
from offers.models import Conversation, Listing, Message, Submitter
from tests.factories import locale


def submitter(email="lena.sommer@example.org", **fields):
    fields = {"name": "Lena Sommer", "phone": "+49 341 555 0101", "language": "de", **fields}
    return Submitter.objects.create(email=email, **fields)


def listing(owner=None, status=Status.APPROVED, language="de", now=None, **fields):
    """A listing ``status`` as it would be after its way there; approved ones run 60 days from ``now``."""
    now = now or timezone.now()
    dates = {"submitted_at": now - timedelta(days=1)}
    if status != Status.UNCONFIRMED:
        dates["confirmed_at"] = now - timedelta(days=1)
    if status in (Status.APPROVED, Status.EXPIRED):
        dates["approved_at"] = now
        dates["expires_at"] = now + timedelta(days=60)
    if status in (Status.REJECTED, Status.EXPIRED, Status.WITHDRAWN):
        dates["moderated_at"] = dates["ended_at"] = now
    values = {
        "direction": Direction.OFFER,
        "kind": Kind.DONATION,
        "title": "Kinderfahrrad zu verschenken",
        "description": "Ein blaues Kinderfahrrad, 16 Zoll, abzuholen in Connewitz.",
        "locale": locale(language),
        "submitter": owner,
        "status": status,
        **dates,
        **fields,
    }
    return Listing.objects.create(**values)


def translation(source, language, **fields):
    """A translation of ``source`` (as machine pre-translation makes one at approval)."""
    copy = source.copy_for_translation(locale(language))
    for name, value in fields.items():
        setattr(copy, name, value)
    copy.save()
    return copy


def conversation(on, reader_email="reader@example.net", confirmed=True, texts=(("reader", "Hallo!"),)):
    chat = Conversation.objects.create(
        listing=on, reader_email=reader_email, reader_confirmed_at=timezone.now() if confirmed else None
    )
    for sender, text in texts:
        Message.objects.create(conversation=chat, sender=Sender(sender), text=text)
    return chat
