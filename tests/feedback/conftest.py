import pytest
from wagtail.models import Locale

from tests.factories import GuidePageFactory, locale


@pytest.fixture
def owner(django_user_model):
    return django_user_model.objects.create_user(
        username="inhaberin", email="inhaberin@example.org", password="x", first_name="Ines", last_name="Haber"
    )


@pytest.fixture
def guide(site_tree, owner):
    return GuidePageFactory(parent=site_tree.guides, title="Anmeldung der Wohnung", slug="anmeldung", content_owner=owner)


@pytest.fixture
def english(guide):
    """The guide's English translation, published, without an owner of its own."""
    page = guide.copy_for_translation(locale("en"), copy_parents=True)
    page.title = "Registering your flat"
    page.save_revision().publish()
    assert Locale.objects.filter(language_code="en").exists()
    return page
