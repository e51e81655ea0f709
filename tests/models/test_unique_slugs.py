"""A slug is unique per kind of content page and language: readers reach items by it."""

import pytest
from django.core.exceptions import ValidationError

from tests.api.helpers import translate
from tests.factories import EventPageFactory, PartnerPageFactory, ServicePageFactory


def test_two_partners_cannot_offer_services_with_one_slug(site_tree):
    first = PartnerPageFactory(parent=site_tree.partners, title="Verein A")
    second = PartnerPageFactory(parent=site_tree.partners, title="Verein B")
    ServicePageFactory(parent=first, title="Beratung", slug="beratung")
    with pytest.raises(ValidationError) as refused:
        ServicePageFactory(parent=second, title="Beratung", slug="beratung")
    assert "slug" in refused.value.message_dict


def test_an_event_under_a_partner_cannot_take_an_events_slug(site_tree):
    partner = PartnerPageFactory(parent=site_tree.partners, title="Verein")
    EventPageFactory(parent=site_tree.events, title="Sprachcafé", slug="sprachcafe")
    with pytest.raises(ValidationError):
        EventPageFactory(parent=partner, title="Sprachcafé", slug="sprachcafe")


def test_a_translation_and_another_kind_may_share_a_slug(site_tree):
    partner = PartnerPageFactory(parent=site_tree.partners, title="Beratung", slug="beratung")
    service = ServicePageFactory(parent=partner, title="Beratung", slug="beratung")
    assert translate(service, "ar", title="استشارة").slug == "beratung"
