"""Machine pre-translation, its flag until a person reviews it, and the DeepL glossary."""

from unittest import mock

from django.conf import settings
from django.test import TestCase
from wagtail.models import Locale
from wagtail_localize.machine_translators import get_machine_translator
from wagtail_localize.machine_translators.dummy import DummyTranslator
from wagtail_localize.models import StringTranslation

from tests.factories import GuidePageFactory, TopicFactory
from tests.translation.conftest import assert_num_queries, publish, save_target
from translation.choices import TranslationStatus
from translation.machine import GlossaryDeepLTranslator, pretranslate
from translation.models import GlossaryTerm, ProviderGlossary
from translation.review import submit_for_review
from translation.status import compute_statuses, is_machine_translated


def ar():
    return Locale.objects.get(language_code="ar")


def test_dummy_translator_is_the_default():
    assert settings.MACHINE_TRANSLATOR == "dummy"
    assert isinstance(get_machine_translator(), DummyTranslator)


def test_pretranslation_is_flagged_until_reviewed(guide, users):
    (translation,) = pretranslate(guide, [ar()], user=users.translator)
    target = translation.get_target_instance()
    assert StringTranslation.objects.filter(locale=ar(), translation_type="machine").exists()
    assert not target.live  # a draft: machine output is not published on its own
    assert is_machine_translated([target.pk]) == {target.pk: True}

    with TestCase.captureOnCommitCallbacks(execute=True):
        state = submit_for_review(translation, users.translator)
        state.current_task_state.approve(user=users.reviewer)

    assert is_machine_translated([target]) == {target.pk: False}
    assert compute_statuses([guide], [ar()])[0].status == TranslationStatus.UP_TO_DATE


def test_published_machine_translation_is_shown_as_such(guide, users):
    (translation,) = pretranslate(guide, [ar()], user=users.translator)
    save_target(translation)  # an editor with publish rights bypasses the review
    item = compute_statuses([guide], [ar()])[0]
    assert item.status == TranslationStatus.MACHINE_TRANSLATED
    assert item.machine_translated


def test_legal_information_needs_a_translation_reviewer(site_tree, users):
    asylum = TopicFactory(slug="asyl", name="Asyl")
    guide = publish(GuidePageFactory(parent=site_tree.guides, title="Asylverfahren"))
    guide.topics.add(asylum)
    guide = publish(guide)
    (translation,) = pretranslate(guide, [ar()], user=users.translator)
    target = translation.get_target_instance()

    state = submit_for_review(translation, users.translator)
    state.current_task_state.approve(user=users.admin)  # a superuser, not a reviewer
    assert is_machine_translated([target.pk]) == {target.pk: True}

    state = submit_for_review(translation, users.translator)
    state.current_task_state.approve(user=users.reviewer)
    assert is_machine_translated([target.pk]) == {target.pk: False}


def test_flag_of_source_pages_and_other_locales_is_false(guide, users):
    (translation,) = pretranslate(guide, [ar()], user=users.translator)
    target = translation.get_target_instance()
    assert is_machine_translated([guide.pk, target.pk], locale="uk") == {guide.pk: False, target.pk: False}
    assert is_machine_translated([guide.pk, target.pk], locale="ar") == {guide.pk: False, target.pk: True}


def test_flag_costs_the_same_queries_for_one_or_many_pages(site_tree, users):
    targets = []
    for number in range(3):
        page = publish(GuidePageFactory(parent=site_tree.guides, title=f"Leitfaden {number}"))
        (translation,) = pretranslate(page, [ar()], user=users.translator)
        targets.append(translation.get_target_instance().pk)
    with assert_num_queries(8):
        assert is_machine_translated(targets[:1]) == {targets[0]: True}
    with assert_num_queries(8):
        assert set(is_machine_translated(targets).values()) == {True}


def test_deepl_receives_our_glossary_once_per_pair_and_content(db):
    GlossaryTerm.objects.create(source_term="Duldung", target_locale=Locale.objects.get(language_code="en"), target_term="toleration")
    translator = GlossaryDeepLTranslator({"AUTH_KEY": "secret:fx"})
    created = mock.Mock(**{"json.return_value": {"glossary_id": "g-1"}})
    with mock.patch("translation.machine.requests.post", return_value=created) as post:
        parameters = translator.get_parameters(Locale.objects.get(language_code="de"), Locale.objects.get(language_code="en"), [])
        translator.get_parameters(Locale.objects.get(language_code="de"), Locale.objects.get(language_code="en"), [])
    assert post.call_count == 1
    url = post.call_args.args[0]
    assert url == "https://api-free.deepl.com/v2/glossaries"
    assert post.call_args.kwargs["data"]["entries"] == "Duldung\ttoleration\n"
    assert parameters["glossary_id"] == "g-1"
    assert parameters["target_lang"] == "EN-GB"
    assert ProviderGlossary.objects.get().glossary_id == "g-1"


def test_deepl_without_glossary_terms_sends_none(db):
    translator = GlossaryDeepLTranslator({"AUTH_KEY": "secret"})
    with mock.patch("translation.machine.requests.post") as post:
        parameters = translator.get_parameters(Locale.objects.get(language_code="de"), Locale.objects.get(language_code="tr"), [])
    post.assert_not_called()
    assert "glossary_id" not in parameters
