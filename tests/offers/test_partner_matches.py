"""
The suggested matches beside a listing in the queue stay within what its moderator may
see: a partner's editor is shown public listings and the pending ones addressed to their
own partner, never another partner's or the centre's unmoderated text.
"""

import pytest
from django.urls import reverse

from offers.choices import Direction, Status
from tests.factories import PartnerPageFactory
from tests.offers import people
from tests.offers.test_moderation import moderator, partner_editor  # noqa: F401 (fixture)

pytestmark = pytest.mark.django_db


def request_for(partner, title, email):
    return people.listing(
        people.submitter(email), status=Status.PENDING, direction=Direction.REQUEST, partner=partner, title=title
    )


def test_a_partner_editor_sees_no_unmoderated_match_outside_their_scope(site_tree, django_user_model, client, moderator):  # noqa: F811
    ours = PartnerPageFactory(parent=site_tree.partners, title="Verein A")
    theirs = PartnerPageFactory(parent=site_tree.partners, title="Verein B")
    offer = people.listing(people.submitter(), status=Status.PENDING, partner=ours, title="Fahrrad für Kinder")
    request_for(ours, "Suche Fahrrad (an Verein A)", "a@example.org")
    request_for(theirs, "Suche Fahrrad (an Verein B)", "b@example.org")
    request_for(None, "Suche Fahrrad (ans Zentrum)", "c@example.org")
    people.listing(people.submitter("d@example.org"), direction=Direction.REQUEST, title="Suche Fahrrad (öffentlich)")

    client.force_login(partner_editor(django_user_model, ours))
    page = client.get(reverse("moderation:detail", args=[offer.pk])).content.decode()
    assert "Suche Fahrrad (an Verein A)" in page and "Suche Fahrrad (öffentlich)" in page
    assert "Verein B)" not in page and "ans Zentrum" not in page

    # Moderators of everything still see every pending candidate.
    client.force_login(moderator)
    page = client.get(reverse("moderation:detail", args=[offer.pk])).content.decode()
    assert "Verein B)" in page and "ans Zentrum" in page
