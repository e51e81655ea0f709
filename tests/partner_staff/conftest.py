"""A partner with a service and an event, an editor who may publish, and a helper to invite."""

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse
from wagtail.users.models import UserProfile

# The admin's users and clients (pytest_plugins is allowed in the top conftest only).
from tests.admin.conftest import (  # noqa: F401
    contributor,
    contributor_client,
    publisher,
    publisher_client,
    superuser_client,
)
from tests.factories import EventPageFactory, PartnerPageFactory, ServicePageFactory


@pytest.fixture
def partner(site_tree):
    partner = PartnerPageFactory(parent=site_tree.partners, title="Verein Brücke", slug="bruecke")
    ServicePageFactory(parent=partner, title="Sozialberatung", slug="sozialberatung")
    EventPageFactory(parent=partner, title="Sommerfest", slug="sommerfest")
    return partner


@pytest.fixture
def other_partner(site_tree):
    return PartnerPageFactory(parent=site_tree.partners, title="Haus der Kulturen", slug="kulturen")


def invite(client, partner, email="lena@bruecke.example", name="Lena Vogel", language="en"):
    return client.post(
        reverse("partner_staff:staff", args=[partner.pk]), {"email": email, "name": name, "language": language}
    )


def in_english(user):
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = "en"
    profile.save()
    return user


@pytest.fixture
def moderators():
    return Group.objects.get(name="Moderators")
