"""
A relayed message names the listing in the words of the one who receives it: readers
answer the translation they read, but its submitter gets their own title back, not a
machine's rendering of it in the reader's language.
"""

import pytest

from offers import submissions
from tests.offers import people
from tests.offers.submitting import WEBSITE

pytestmark = pytest.mark.django_db


def test_the_owner_reads_their_own_title_and_the_reader_the_one_they_answered(mailoutbox):
    owner = people.submitter("olena.koval@example.org", language="uk")
    original = people.listing(owner, language="uk", title="Віддам дитячий велосипед")
    german = people.translation(original, "de", title="Kinderfahrrad zu verschenken")
    chat = people.conversation(german, reader_email="omar.haddad@example.net", texts=())

    submissions.send_message(token=chat.reader_token, text="Ist das Fahrrad noch da?", client=WEBSITE)
    to_owner = mailoutbox[-1]
    assert to_owner.to == ["olena.koval@example.org"]
    assert "Віддам дитячий велосипед" in to_owner.subject + to_owner.body
    assert "Kinderfahrrad" not in to_owner.subject + to_owner.body

    submissions.send_message(token=chat.owner_token, text="Так, ще є.", client=WEBSITE)
    to_reader = mailoutbox[-1]
    assert to_reader.to == ["omar.haddad@example.net"]
    assert "Kinderfahrrad zu verschenken" in to_reader.subject
