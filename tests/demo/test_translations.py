"""Translations are real wagtail-localize translations that the translation editor opens."""

import pytest
from wagtail.models import Page
from wagtail_localize.models import StringTranslation, Translation, TranslationSource

from directory.models import PartnerPage, ServicePage
from pages.models import EventPage, GuidePage, HomePage
from taxonomy.models import Topic

LOCALES = ["en", "ar", "uk"]


def translations_of(page):
    return {translation.locale.language_code: translation for translation in page.get_translations()}


@pytest.mark.parametrize("model, minimum", [(GuidePage, 5), (PartnerPage, 4), (ServicePage, 4), (EventPage, 3)])
def test_several_pages_of_each_type_are_translated(demo_db, model, minimum):
    for code in LOCALES:
        assert model.objects.filter(locale__language_code=code).count() >= minimum, code


def test_every_locale_tree_has_its_home_and_section_pages(demo_db):
    home = HomePage.objects.get(locale__language_code="de")
    for code, translated in translations_of(home).items():
        assert translated.live
        assert translated.get_children().count() == 3, code
        for section in translated.get_children():
            assert section.locale.language_code == code
    assert set(translations_of(home)) >= set(LOCALES)


def test_translated_pages_are_wagtail_localize_translations(demo_db):
    guide = GuidePage.objects.get(locale__language_code="de", slug="anmeldung")
    source = TranslationSource.objects.get_for_instance(guide)
    assert set(Translation.objects.filter(source=source, enabled=True).values_list("target_locale__language_code", flat=True)) == set(LOCALES)
    english = guide.get_translation(guide.__class__.objects.filter(locale__language_code="en").first().locale)
    assert english.title == "Registering your address"
    assert english.live
    # Translated strings are in translation memory, so the editor shows them as done.
    assert StringTranslation.objects.filter(locale__language_code="ar", data="تسجيل محل السكن").exists()
    # Untranslated body strings fall back to German, as in a real partially translated page.
    headings = [block.value["text"] for block in english.body if block.block_type == "heading"]
    assert headings == ["How to register"]


def test_translated_pages_sit_under_their_translated_parent(demo_db):
    for page in Page.objects.filter(locale__language_code__in=LOCALES, depth__gt=2):
        assert page.get_parent().locale_id == page.locale_id, page


def test_topics_are_translated_with_localize(demo_db):
    topic = Topic.objects.get(slug="asyl", locale__language_code="de")
    names = {term.locale.language_code: term.name for term in topic.get_translations()}
    assert names == {"en": "Asylum and asylum law", "ar": "اللجوء وقانون اللجوء", "uk": "Притулок і право притулку"}
    assert TranslationSource.objects.get_for_instance(topic).translations.count() == 3


def test_the_admin_opens_a_translated_page_in_the_translation_editor(demo_db, admin_client):
    guide = GuidePage.objects.get(locale__language_code="de", slug="anmeldung")
    arabic = guide.get_translations().get(locale__language_code="ar")

    response = admin_client.get(f"/admin/pages/{arabic.pk}/edit/")

    assert response.status_code == 200
    assert "wagtail_localize/admin/edit_translation.html" in [template.name for template in response.templates]
