"""
The contact relay: one who read a listing writes to its submitter, and back, by e-mail
through the platform, neither side ever seeing the other's address.

1. ``start_conversation`` stores the first message and e-mails the reader a
   confirmation link; nothing is forwarded to an address nobody confirmed.
2. ``confirm_reader`` (the link) forwards the waiting messages to the submitter, with a
   link to answer that carries the submitter's own token (``owner_token``).
3. ``send_message`` continues from either side: the token says who writes, and the
   message goes to the other side with a link carrying the other side's token.
"""

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from offers import links, mail, people, spam, validation
from offers.choices import Sender, Status
from offers.errors import Code, Errors, SubmissionError
from offers.models import Conversation, Listing, Message
from offers.models.conversations import MESSAGE_MAX_LENGTH
from offers.tokens import Purpose, read_confirmation_token

#: Messages one side of a conversation may send within an hour (beyond the address limit).
MESSAGES_PER_HOUR = 20
#: A conversation goes on while its listing is public, and after it ended by itself.
OPEN_STATUSES = (Status.APPROVED, Status.EXPIRED)


def public_listing(listing_id) -> Listing:
    """The public listing ``listing_id`` (any of its translations); refused when it is not public."""
    try:
        listing = Listing.objects.public().select_related("submitter").filter(pk=int(listing_id)).first()
    except (TypeError, ValueError, OverflowError):
        listing = None
    if listing is None or listing.submitter is None:
        raise SubmissionError(
            Code.LISTING_NOT_AVAILABLE, _("This entry is not available any more."), "listing_id"
        )
    return listing


def start_conversation(
    *, listing_id, reader_email, text, language, accept_privacy, client: spam.Client, form_token, honeypot=""
) -> Conversation:
    """Store the reader's first message and e-mail them the link that confirms their address."""
    spam.check_form(form_token, honeypot)
    listing = public_listing(listing_id)
    errors = Errors()
    email = validation.email(errors, "email", reader_email)
    text = validation.text(errors, "text", text, max_length=MESSAGE_MAX_LENGTH, min_length=2, multiline=True)
    language = people.language(errors, language)
    validation.consent(errors, "accept_privacy", accept_privacy)
    errors.raise_if_any()
    spam.count_submission(client, email)
    with transaction.atomic():
        conversation = Conversation.objects.create(listing=listing, reader_email=email, reader_language=language)
        Message.objects.create(conversation=conversation, sender=Sender.READER, text=text)
    mail.send(
        "confirm_reader",
        email,
        language,
        {"title": listing.title, "confirm_url": mail.confirmation_link(Purpose.READER, conversation.pk, language)},
    )
    return conversation


def confirm_reader(token) -> tuple[Conversation, bool]:
    """Mark the reader's address confirmed and forward what they wrote; ``(conversation, already)``."""
    purpose, pk = read_confirmation_token(token)
    conversation = (
        Conversation.objects.select_related("listing__submitter").filter(pk=pk).first()
        if purpose == Purpose.READER
        else None
    )
    if conversation is None:
        raise SubmissionError(Code.TOKEN_INVALID, _("This conversation no longer exists."), "token")
    if conversation.reader_confirmed_at is not None:
        return conversation, True
    _check_open(conversation)
    conversation.reader_confirmed_at = timezone.now()
    conversation.save(update_fields=["reader_confirmed_at"])
    _relay_waiting(conversation)
    return conversation, False


def send_message(*, token, text, client: spam.Client) -> Message:
    """A message from the side whose token this is, forwarded to the other side at once."""
    conversation, sender = conversation_for(token)
    errors = Errors()
    text = validation.text(errors, "text", text, max_length=MESSAGE_MAX_LENGTH, min_length=2, multiline=True)
    errors.raise_if_any()
    _check_open(conversation)
    if not spam.count_in_window("conversation", f"{conversation.pk}:{sender}", MESSAGES_PER_HOUR):
        raise SubmissionError(
            Code.TOO_MANY_SUBMISSIONS, _("Too many messages in a short time. Please try again in an hour.")
        )
    spam.count_submission(client)
    message = Message.objects.create(conversation=conversation, sender=sender, text=text)
    if conversation.reader_confirmed_at is not None:
        _relay(message)
    return message


def conversation_for(token) -> tuple[Conversation, str]:
    """The conversation of a reader's or owner's token and the side it names (``Sender``)."""
    conversations = Conversation.objects.select_related("listing__submitter")
    if token and isinstance(token, str):
        for field, sender in (("reader_token", Sender.READER), ("owner_token", Sender.OWNER)):
            conversation = conversations.filter(**{field: token}).first()
            if conversation is not None:
                return conversation, sender
    raise SubmissionError(Code.TOKEN_INVALID, _("This link is not valid."), "token")


def _check_open(conversation):
    listing = conversation.listing
    if listing.status not in OPEN_STATUSES or listing.submitter is None:
        raise SubmissionError(Code.LISTING_NOT_AVAILABLE, _("This entry is not available any more."))


def _relay_waiting(conversation):
    for message in conversation.messages.filter(relayed_at__isnull=True).order_by("created_at"):
        _relay(message)


def _relay(message):
    """E-mail ``message`` to the other side, with a link that carries the other side's token."""
    conversation = message.conversation
    listing = conversation.listing
    if message.sender == Sender.READER:
        to, language, token = listing.submitter.email, listing.submitter.language, conversation.owner_token
        # The reader may have answered a translation: its submitter knows the entry by their own words.
        title = Listing.objects.filter(translation_key=listing.translation_key).originals().get().title
    else:
        to, language, token = conversation.reader_email, conversation.reader_language, conversation.reader_token
        title = listing.title
    mail.send(
        "relay",
        to,
        language,
        {
            "to_owner": message.sender == Sender.READER,
            "title": title,
            "text": message.text,
            "answer_url": links.conversation_url(token, language),
        },
    )
    message.relayed_at = timezone.now()
    message.save(update_fields=["relayed_at"])
