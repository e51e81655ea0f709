"""
The contact relay over real SMTP: the reader confirms their address, the submitter gets
the message without it, answers through their own link, and the reader gets the answer
without the submitter's address.
"""

import pytest

from offers import submissions
from offers.choices import Sender, Status
from offers.errors import Code, SubmissionError
from offers.models import Conversation, Message
from tests.offers import people
from tests.offers.submitting import WEBSITE, form_token

pytestmark = pytest.mark.django_db

OWNER = "lena.sommer@example.org"
READER = "omar.haddad@example.net"


def token_in(received, path):
    [link] = [link for link in received.links() if path in link]
    return link.rstrip("/").rsplit("/", 1)[1]


def answer(listing, **overrides):
    fields = {
        "listing_id": listing.pk, "reader_email": READER, "text": "Ich hätte gern das Fahrrad für meine Tochter.",
        "language": "ar", "accept_privacy": True, "client": WEBSITE, "form_token": form_token(), **overrides,
    }
    return submissions.start_conversation(**fields)


def test_a_message_goes_both_ways_and_neither_side_sees_the_others_address(smtp_server):
    listing = people.listing(people.submitter(OWNER))
    answer(listing)

    # 1. Only the reader hears from us: their address is not confirmed yet.
    smtp_server.wait_for(1)
    [confirmation] = smtp_server.to(READER)
    assert smtp_server.to(OWNER) == []
    assert "/ar/offers/confirm/" in confirmation.text
    submissions.confirm(token_in(confirmation, "/offers/confirm/"))

    # 2. The submitter receives the message, in their language, without the reader's address.
    smtp_server.wait_for(2)
    [to_owner] = smtp_server.to(OWNER)
    assert "Ich hätte gern das Fahrrad für meine Tochter." in to_owner.text
    assert READER not in to_owner.text and READER not in str(to_owner.message)
    assert "/de/offers/answer/" in to_owner.text
    conversation = Conversation.objects.get()
    assert token_in(to_owner, "/offers/answer/") == conversation.owner_token

    # 3. The submitter answers through their link; the reader receives it without the submitter's address.
    submissions.send_message(token=conversation.owner_token, text="Gern, am Samstag ab 10 Uhr.", client=WEBSITE)
    smtp_server.wait_for(3)
    [_, to_reader] = smtp_server.to(READER)
    assert "Gern, am Samstag ab 10 Uhr." in to_reader.text
    assert OWNER not in str(to_reader.message) and "Lena" not in str(to_reader.message)
    assert "+49" not in to_reader.text
    assert token_in(to_reader, "/offers/answer/") == conversation.reader_token
    assert "/ar/offers/answer/" in to_reader.text

    # 4. And the reader goes on through theirs.
    submissions.send_message(token=conversation.reader_token, text="Danke, bis Samstag!", client=WEBSITE)
    smtp_server.wait_for(4)
    assert "Danke, bis Samstag!" in smtp_server.to(OWNER)[-1].text
    assert [message.sender for message in Message.objects.order_by("created_at")] == [
        Sender.READER, Sender.OWNER, Sender.READER,
    ]
    assert not Message.objects.filter(relayed_at__isnull=True).exists()


def test_nothing_is_forwarded_before_the_reader_confirmed(smtp_server):
    listing = people.listing(people.submitter(OWNER))
    conversation = answer(listing)
    smtp_server.wait_for(1)
    assert Message.objects.get().relayed_at is None
    assert conversation.reader_confirmed_at is None
    assert smtp_server.to(OWNER) == []


@pytest.mark.parametrize("status", [Status.PENDING, Status.UNCONFIRMED, Status.REJECTED, Status.WITHDRAWN])
def test_only_public_listings_can_be_answered_or_reported(status):
    listing = people.listing(people.submitter(OWNER), status=status)
    with pytest.raises(SubmissionError) as refused:
        answer(listing)
    assert refused.value.code == Code.LISTING_NOT_AVAILABLE
    with pytest.raises(SubmissionError) as refused:
        submissions.report_listing(listing_id=listing.pk, reason="spam", client=WEBSITE, form_token=form_token())
    assert refused.value.code == Code.LISTING_NOT_AVAILABLE
    assert not Conversation.objects.exists()


def test_a_report_of_a_public_listing_is_stored_for_the_moderators():
    listing = people.listing(people.submitter(OWNER))
    report = submissions.report_listing(
        listing_id=str(listing.pk), reason="fraud", text="Verlangt Vorkasse.", client=WEBSITE, form_token=form_token()
    )
    assert (report.listing, report.reason, report.text) == (listing, "fraud", "Verlangt Vorkasse.")
    with pytest.raises(SubmissionError) as refused:
        submissions.report_listing(listing_id=listing.pk, reason="boring", client=WEBSITE, form_token=form_token())
    assert [(error.field, error.code) for error in refused.value.errors] == [("reason", Code.INVALID_INPUT)]


def test_a_wrong_conversation_token_is_refused():
    with pytest.raises(SubmissionError) as refused:
        submissions.send_message(token="not-a-token", text="Hallo?", client=WEBSITE)
    assert refused.value.code == Code.TOKEN_INVALID


def test_the_answer_form_checks_every_field():
    listing = people.listing(people.submitter(OWNER))
    with pytest.raises(SubmissionError) as refused:
        answer(listing, reader_email="nope", text="", language="xx", accept_privacy=False)
    assert {error.field for error in refused.value.errors} == {"email", "text", "language", "accept_privacy"}
