"""An editor with publishing rights creates and publishes every page type through the admin."""

import pytest
from django.urls import reverse

from directory.models import PartnerIndexPage, PartnerPage, ServicePage
from pages.models import EventIndexPage, EventPage, GuideIndexPage, GuidePage, HomePage
from tests.admin import forms
from tests.factories import PartnerPageFactory


def add_url(model, parent):
    return reverse("wagtailadmin_pages:add", args=[model._meta.app_label, model._meta.model_name, parent.pk])


def publish(client, model, parent, data):
    response = client.post(add_url(model, parent), {**data, "action-publish": "publish"})
    errors = response.context["form"].errors if response.status_code == 200 else None
    assert response.status_code == 302, errors
    return model.objects.get(slug=data["slug"])


@pytest.mark.parametrize(
    ("model", "section", "builder"),
    [
        (GuidePage, "guides", forms.guide_data),
        (EventPage, "events", forms.event_data),
        (PartnerPage, "partners", forms.partner_data),
    ],
)
def test_content_page_is_created_and_published(publisher_client, site_tree, model, section, builder):
    page = publish(publisher_client, model, getattr(site_tree, section), builder())

    assert page.live
    assert not page.has_unpublished_changes
    assert page.get_parent().pk == getattr(site_tree, section).pk


def test_service_is_published_below_its_partner_with_the_provider_set(publisher_client, site_tree):
    partner = PartnerPageFactory(parent=site_tree.partners)

    service = publish(publisher_client, ServicePage, partner, forms.service_data())

    assert service.live
    assert service.provider_id == partner.pk


def test_event_below_a_partner_is_organised_by_it(publisher_client, site_tree):
    partner = PartnerPageFactory(parent=site_tree.partners)

    event = publish(publisher_client, EventPage, partner, forms.event_data())

    assert event.live
    assert event.organiser_id == partner.pk


@pytest.mark.parametrize(
    ("model", "title", "slug"),
    [
        (GuideIndexPage, "Ratgeber", "ratgeber"),
        (EventIndexPage, "Veranstaltungen", "veranstaltungen"),
        (PartnerIndexPage, "Partner", "partner"),
    ],
)
def test_index_pages_are_created_and_published(publisher_client, site_tree, model, title, slug):
    model.objects.all().delete()

    page = publish(publisher_client, model, site_tree.home, forms.index_data(title, slug))

    assert page.live


def test_home_page_is_created_and_published_at_the_root(superuser_client, site_tree):
    # Only administrators may add pages at the root. The other locales' home pages are
    # made by translating this one (see tests/models/test_translatable.py).
    root = site_tree.home.get_parent()
    site_tree.home.delete()

    page = publish(superuser_client, HomePage, root, forms.index_data("Willkommen", "willkommen"))

    assert page.live
    assert page.depth == 2


def test_a_second_home_page_is_not_offered_at_the_root(superuser_client, site_tree):
    root = site_tree.home.get_parent()

    response = superuser_client.get(add_url(HomePage, root))

    assert response.status_code == 302  # refused: one home page per parent, translations come from wagtail-localize
    assert HomePage.objects.count() == 1


def test_service_saved_as_draft_already_has_its_provider(contributor_client, site_tree):
    # Regression: drafts skip full_clean, so the provider used to stay empty until publishing.
    partner = PartnerPageFactory(parent=site_tree.partners)
    url = add_url(ServicePage, partner)

    response = contributor_client.post(url, forms.service_data())

    assert response.status_code == 302
    service = ServicePage.objects.get(slug="asylberatung")
    assert not service.live
    assert service.provider_id == partner.pk
