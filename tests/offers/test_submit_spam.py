"""Spam protection: honeypot, minimum fill time, form age and the hourly limits."""

import time

import pytest

from offers import spam, submissions
from offers.errors import Code, SubmissionError
from offers.models import Listing
from tests.offers.submitting import form_token, listing_fields

pytestmark = pytest.mark.django_db


def refusal(**overrides):
    with pytest.raises(SubmissionError) as refused:
        submissions.submit_listing(**listing_fields(**overrides))
    return refused.value


def test_a_filled_honeypot_is_refused():
    assert refusal(honeypot="http://cheap.example").code == Code.SPAM_SUSPECTED
    assert not Listing.objects.exists()


def test_a_form_sent_faster_than_a_person_types_is_refused(settings):
    settings.OFFERS_MIN_FILL_SECONDS = 3
    assert refusal(form_token=form_token(seconds_ago=1)).code == Code.SPAM_SUSPECTED
    assert submissions.submit_listing(**listing_fields(form_token=form_token(seconds_ago=4)))


def test_a_forged_or_missing_token_is_refused_and_a_day_old_one_expired():
    assert refusal(form_token="").code == Code.SPAM_SUSPECTED
    assert refusal(form_token=form_token()[:-3] + "abc").code == Code.SPAM_SUSPECTED
    assert refusal(form_token=spam.new_form_token(now=time.time() - 25 * 3600)).code == Code.FORM_EXPIRED


def test_a_burst_from_one_address_is_refused(settings):
    settings.OFFERS_SUBMISSIONS_PER_ADDRESS = 5
    for number in range(5):
        submissions.submit_listing(**listing_fields(email=f"person{number}@example.org"))
    assert refusal(email="person5@example.org").code == Code.TOO_MANY_SUBMISSIONS
    assert Listing.objects.count() == 5
    # Another address is not affected.
    other = spam.Client(address="198.51.100.1")
    assert submissions.submit_listing(**listing_fields(email="person6@example.org", client=other))


def test_a_burst_from_one_email_address_is_refused_from_any_address(settings):
    settings.OFFERS_SUBMISSIONS_PER_EMAIL = 3
    for number in range(3):
        submissions.submit_listing(**listing_fields(client=spam.Client(address=f"198.51.100.{number}")))
    assert refusal(client=spam.Client(address="198.51.100.9")).code == Code.TOO_MANY_SUBMISSIONS


def test_a_burst_through_one_api_key_is_refused(settings):
    settings.OFFERS_SUBMISSIONS_PER_KEY = 2
    for number in range(2):
        client = spam.Client(address=f"198.51.100.{number}", api_key_id=7, channel="api-key:7")
        submissions.submit_listing(**listing_fields(email=f"p{number}@example.org", client=client))
    client = spam.Client(address="198.51.100.9", api_key_id=7, channel="api-key:7")
    assert refusal(email="p9@example.org", client=client).code == Code.TOO_MANY_SUBMISSIONS
    assert Listing.objects.filter(channel="api-key:7").count() == 2


def test_invalid_forms_are_not_counted_against_the_limit(settings):
    settings.OFFERS_SUBMISSIONS_PER_ADDRESS = 1
    refusal(title="")
    assert submissions.submit_listing(**listing_fields())
