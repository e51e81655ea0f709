"""
Submitting an offer or a request: the confirmation e-mail arrives over SMTP with the
right link, and opening it moves the listing to the moderators' queue.
"""

from datetime import timedelta
from unittest import mock

import pytest
from django.utils import timezone

from offers import submissions
from offers.choices import Status
from offers.errors import Code, SubmissionError
from offers.models import Listing, Submitter
from offers.tokens import Purpose, confirmation_token
from tests.factories import TopicFactory, spoken
from tests.offers.submitting import listing_fields

pytestmark = pytest.mark.django_db


def confirm_token_of(received):
    [link] = [link for link in received.links() if "/offers/confirm/" in link]
    return link.rstrip("/").rsplit("/", 1)[1], link


def test_the_confirmation_arrives_and_its_link_moves_the_listing_to_moderation(smtp_server):
    topic = TopicFactory(slug="wohnen")
    listing = submissions.submit_listing(**listing_fields(topics=["wohnen"], languages=["ar", "de"], district="sued"))
    assert listing.status == Status.UNCONFIRMED
    assert list(listing.topics.all()) == [topic]
    assert {language.code for language in listing.languages.all()} == {"ar", "de"}
    assert listing.submitter.email == "lena.sommer@example.org"
    assert listing.channel == "website"

    smtp_server.wait_for(1)
    [received] = smtp_server.to("lena.sommer@example.org")
    assert "Kinderfahrrad zu verschenken" in received.subject
    assert received.sender.endswith("willkommen@leipzig.de")
    token, link = confirm_token_of(received)
    assert link == f"http://localhost/de/offers/confirm/{token}/"

    confirmed = submissions.confirm(token)
    listing.refresh_from_db()
    assert (confirmed.purpose, confirmed.already, confirmed.title) == (Purpose.LISTING, False, listing.title)
    assert listing.status == Status.PENDING
    assert listing.confirmed_at is not None
    # A second click (or a mail scanner before the person) changes nothing.
    assert submissions.confirm(token).already is True
    assert Listing.objects.get(pk=listing.pk).confirmed_at == listing.confirmed_at


def test_the_confirmation_is_in_the_submitters_language(smtp_server):
    submissions.submit_listing(**listing_fields(language="ar"))
    smtp_server.wait_for(1)
    [received] = smtp_server.messages
    assert "يرجى" in received.subject or "تأكيد" in received.subject, received.subject
    assert "/ar/offers/confirm/" in received.text


def test_an_expired_or_forged_link_is_refused_with_its_code():
    listing = submissions.submit_listing(**listing_fields())
    token = confirmation_token(Purpose.LISTING, listing.pk)
    later = timezone.now() + timedelta(hours=49)
    with mock.patch("time.time", return_value=later.timestamp()), pytest.raises(SubmissionError) as expired:
        submissions.confirm(token)
    assert expired.value.code == Code.TOKEN_EXPIRED
    with pytest.raises(SubmissionError) as forged:
        submissions.confirm(token[:-2] + "xx")
    assert forged.value.code == Code.TOKEN_INVALID
    listing.delete()
    with pytest.raises(SubmissionError) as gone:
        submissions.confirm(token)
    assert gone.value.code == Code.TOKEN_INVALID


def test_every_field_error_is_reported_at_once_with_its_field():
    with pytest.raises(SubmissionError) as refused:
        submissions.submit_listing(
            **listing_fields(
                direction="sideways", kind="", title="x", description="a\x07b" * 10, email="not-an-address",
                name="", phone="call me", language="xx", topics=["no-such-topic"], languages=["zz"],
                valid_until="2001-01-01", district="berlin", accept_privacy=False,
            )
        )
    errors = {error.field: error.code for error in refused.value.errors}
    assert errors == dict.fromkeys(
        ["direction", "kind", "title", "description", "email", "name", "phone", "language", "topics", "languages",
         "valid_until", "district", "accept_privacy"],
        Code.INVALID_INPUT,
    )
    assert all(str(error.message) for error in refused.value.errors)
    assert not Listing.objects.exists() and not Submitter.objects.exists()


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("title", "A" * 121),
        ("title", "Zwei\nZeilen"),
        ("description", "x" * 2001),
        ("description", "Links: http://a.example http://b.example http://c.example http://d.example"),
        ("valid_until", str(timezone.localdate() + timedelta(days=400))),
    ],
)
def test_lengths_lines_links_and_dates_are_limited(field, value):
    with pytest.raises(SubmissionError) as refused:
        submissions.submit_listing(**listing_fields(**{field: value}))
    assert [(error.field, error.code) for error in refused.value.errors] == [(field, Code.INVALID_INPUT)]


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("title", "Sofa, Anruf 0341 5550101"),
        ("description", "Bitte melden unter lena.sommer@example.org, danke!"),
        ("description", "Schreib mir: lena (at) example.org, ich antworte schnell."),
        ("description", "Ruf an: +49 (341) 555-01-01, ab 18 Uhr bin ich erreichbar."),
    ],
)
def test_public_text_may_not_carry_an_email_address_or_a_phone_number(field, value):
    """Answers reach the submitter through the relay; a number in the text would be public."""
    with pytest.raises(SubmissionError) as refused:
        submissions.submit_listing(**listing_fields(**{field: value}))
    assert [(error.field, error.code) for error in refused.value.errors] == [(field, Code.INVALID_INPUT)]


def test_ordinary_numbers_are_not_taken_for_phone_numbers():
    description = "52 m², 4. Stock, Warmmiete 590 €, PLZ 04109, frei ab 01.02.2027, Größen 104, 110 und 128."
    listing = submissions.submit_listing(**listing_fields(description=description))
    assert listing.description == description


def test_markup_is_stored_as_the_plain_text_typed():
    listing = submissions.submit_listing(**listing_fields(description="Miete < 500 €, <b>warm</b>\r\nab sofort"))
    assert listing.description == "Miete < 500 €, <b>warm</b>\nab sofort"


def test_an_existing_submitters_details_are_completed_never_overwritten():
    Submitter.objects.create(email="lena.sommer@example.org", name="Lena Sommer", phone="")
    submissions.submit_listing(**listing_fields(name="Someone Else", phone="+49 341 1234"))
    submitter = Submitter.objects.get()
    assert (submitter.name, submitter.phone) == ("Lena Sommer", "+49 341 1234")


def test_a_partners_listing_is_addressed_to_them(site_tree):
    from tests.factories import PartnerPageFactory

    partner = PartnerPageFactory(parent=site_tree.partners)
    listing = submissions.submit_listing(**listing_fields(partner=partner))
    assert listing.partner == partner
