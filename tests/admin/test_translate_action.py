"""wagtail-localize's "Translate" action works for editors on our page types and snippets."""

import pytest
from django.urls import reverse
from wagtail.models import Locale, Page

from directory.models import PartnerPage, ServicePage
from pages.models import GuidePage, HomePage
from taxonomy.models import Topic
from tests.factories import GuidePageFactory, PartnerPageFactory, ServicePageFactory, TopicFactory


@pytest.fixture
def arabic(db):
    return Locale.objects.get(language_code="ar")


def translate_url(page):
    return reverse("wagtail_localize:submit_page_translation", args=[page.pk])


@pytest.mark.parametrize("section", ["home", "guides", "events", "partners"])
def test_translate_form_opens_for_an_editor(publisher_client, site_tree, section):
    response = publisher_client.get(translate_url(getattr(site_tree, section)))

    assert response.status_code == 200
    assert 'name="locales"' in response.content.decode()


def test_translate_form_opens_for_content_pages(publisher_client, site_tree):
    partner = PartnerPageFactory(parent=site_tree.partners, title="Flüchtlingsrat")
    pages = [GuidePageFactory(parent=site_tree.guides, title="Anmeldung"), partner, ServicePageFactory(parent=partner, title="Beratung")]
    every_other_locale = set(Locale.objects.exclude(language_code="de"))

    for page in pages:
        response = publisher_client.get(translate_url(page))

        assert response.status_code == 200, page
        assert page.title in response.content.decode()
        assert set(response.context["form"].fields["locales"].queryset) == every_other_locale, page


def test_translating_the_home_page_with_its_subtree_builds_the_arabic_tree(
    publisher_client, site_tree, arabic, django_capture_on_commit_callbacks
):
    partner = PartnerPageFactory(parent=site_tree.partners, title="Flüchtlingsrat")
    ServicePageFactory(parent=partner, title="Beratung")
    GuidePageFactory(parent=site_tree.guides, title="Anmeldung")

    with django_capture_on_commit_callbacks(execute=True):
        response = publisher_client.post(
            translate_url(site_tree.home), {"locales": [arabic.pk], "include_subtree": "on"}
        )

    assert response.status_code == 302
    arabic_home = HomePage.objects.get(locale=arabic)
    assert response["Location"] == reverse("wagtailadmin_pages:edit", args=[arabic_home.pk])
    for model in (GuidePage, PartnerPage, ServicePage):
        translated = model.objects.get(locale=arabic)
        assert translated.is_descendant_of(arabic_home)
    # Regression: a translated service saved as a draft kept the German partner as provider.
    arabic_service = ServicePage.objects.get(locale=arabic)
    assert arabic_service.provider_id == PartnerPage.objects.get(locale=arabic).pk


def test_translate_action_for_a_topic_snippet(publisher_client, superuser_client, arabic):
    topic = TopicFactory(name="Wohnen", slug="housing")
    url = reverse("wagtail_localize:submit_snippet_translation", args=["taxonomy", "topic", topic.pk])

    response = superuser_client.post(url, {"locales": [arabic.pk]})

    assert response.status_code == 302
    assert Topic.objects.get(locale=arabic, translation_key=topic.translation_key).slug == "housing"


def test_editor_without_translation_permission_is_refused(client, django_user_model, site_tree, arabic):
    user = django_user_model.objects.create_user("gast", "gast@example.org", "x")
    client.force_login(user)

    response = client.get(translate_url(site_tree.guides))
    submitted = client.post(translate_url(site_tree.guides), {"locales": [arabic.pk]})

    assert response.status_code in (302, 403)
    assert 'name="locales"' not in response.content.decode()
    assert submitted.status_code in (302, 403)
    assert not Page.objects.filter(locale=arabic).exists()
