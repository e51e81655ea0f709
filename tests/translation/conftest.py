"""Helpers for the translation tests: submit, translate and publish through wagtail-localize."""

import xml.etree.ElementTree as ET

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.db import connection
from django.utils import translation as i18n
from django.test import TestCase
from django.test.utils import CaptureQueriesContext
from wagtail.models import Locale
from wagtail_localize.models import StringSegment, StringTranslation, Translation
from wagtail_localize.operations import TranslationCreator

from tests.factories import GuidePageFactory
from translation.exchange.xliff import NS
from translation.review import REVIEWERS_GROUP, TRANSLATORS_GROUP


def publish(page, **changes):
    """Change fields of a page and publish it as an editor would (a revision, a log entry)."""
    page = page.specific
    for name, value in changes.items():
        setattr(page, name, value)
    page.save_revision().publish()
    page.refresh_from_db()
    return page


def submit(page, code, user=None):
    """Submit ``page`` for translation into ``code``; returns the Translation."""
    locale = Locale.objects.get(language_code=code)
    TranslationCreator(user, [locale]).create_translations(page)
    return Translation.objects.get(source__object_id=page.translation_key, target_locale=locale)


def fill(translation, make=lambda text: f"[{text}]", kind=StringTranslation.TRANSLATION_TYPE_MANUAL):
    """Translate every string segment of the translation's source."""
    for segment in StringSegment.objects.filter(source=translation.source).select_related("string"):
        StringTranslation.objects.update_or_create(
            translation_of=segment.string,
            locale=translation.target_locale,
            context=segment.context,
            defaults={"data": make(segment.string.data), "translation_type": kind},
        )


def translate_xliff(document, make=lambda text: f"AR {text}"):
    """What an agency does with our XLIFF: fill every <target> and mark it translated."""
    x = f"{{{NS}}}"
    ET.register_namespace("", NS)
    root = ET.fromstring(document)
    for segment in root.iter(f"{x}segment"):
        target = segment.find(f"{x}target")
        if target is None:
            target = ET.SubElement(segment, f"{x}target")
        target.text = make(segment.find(f"{x}source").text)
        segment.set("state", "translated")
    return ET.tostring(root, encoding="utf-8", xml_declaration=True)


def save_target(translation, publish=True, user=None):
    """wagtail-localize publishes on commit; tests run in a transaction, so run the callbacks."""
    with TestCase.captureOnCommitCallbacks(execute=True):
        translation.save_target(user=user, publish=publish)


def translate_and_publish(page, code, **fill_kwargs):
    translation = submit(page, code)
    fill(translation, **fill_kwargs)
    save_target(translation)
    return translation


@pytest.fixture(autouse=True)
def english():
    """Messages are asserted in English; the site's default language is German."""
    with i18n.override("en"):
        yield


@pytest.fixture
def guide(site_tree):
    """A published German guide."""
    return publish(GuidePageFactory(parent=site_tree.guides, title="Aufenthalt", summary="Die Duldung erklärt."))


@pytest.fixture
def users(db):
    User = get_user_model()
    translator = User.objects.create_user("translator", password="x")
    translator.groups.add(Group.objects.get(name=TRANSLATORS_GROUP))
    reviewer = User.objects.create_user("reviewer", password="x")
    reviewer.groups.add(Group.objects.get(name=REVIEWERS_GROUP))
    admin = User.objects.create_superuser("admin", password="x")
    return type("Users", (), {"translator": translator, "reviewer": reviewer, "admin": admin})


class assert_num_queries(CaptureQueriesContext):
    """Like Django's assertNumQueries, printing the SQL when the count is wrong."""

    def __init__(self, expected):
        super().__init__(connection)
        self.expected = expected

    def __exit__(self, *exc):
        super().__exit__(*exc)
        if exc[0] is None and len(self) != self.expected:
            listing = "\n".join(f"{i}. {q['sql']}" for i, q in enumerate(self.captured_queries, 1))
            raise AssertionError(f"{len(self)} queries, expected {self.expected}:\n{listing}")
