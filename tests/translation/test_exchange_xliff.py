"""XLIFF 2.0 for agencies: export, translate, dry run, import, publish, read through GraphQL; refusals."""

import xml.etree.ElementTree as ET

import pytest
from wagtail.models import Locale
from wagtail_localize.models import StringTranslation, Translation

from pages.models import GuidePage
from tests.conftest import SiteTree, rolled_back_at_the_end
from tests.factories import GuidePageFactory
from tests.translation.conftest import publish, save_target, translate_xliff
from translation.exchange.importer import ImportRefused, apply_import, plan_import
from translation.exchange.units import ensure_translations
from translation.exchange.xliff import NS, build_xliff

X = f"{{{NS}}}"


def locale(code):
    return Locale.objects.get(language_code=code)


@pytest.fixture(scope="module")
def shared_export(shared_site_tree, django_db_blocker):
    """Two guides exported for Arabic, once for the module (see tests/conftest.py)."""
    with rolled_back_at_the_end(django_db_blocker):
        site_tree = SiteTree.fetch(shared_site_tree)
        guides = [
            publish(GuidePageFactory(parent=site_tree.guides, title="Duldung", summary="Was eine Duldung bedeutet.")),
            publish(GuidePageFactory(parent=site_tree.guides, title="Jobcenter", summary="Wer hilft beim Jobcenter?")),
        ]
        translations = ensure_translations(guides, locale("ar"))
        yield [guide.pk for guide in guides], [translation.pk for translation in translations], build_xliff(translations, "de", "ar")


@pytest.fixture
def exported(shared_export, db):
    guide_keys, translation_keys, data = shared_export
    guides = [GuidePage.objects.get(pk=pk) for pk in guide_keys]
    translations = [Translation.objects.get(pk=pk) for pk in translation_keys]
    return guides, translations, data


def test_export_is_xliff_2_with_one_file_per_page(exported):
    guides, translations, data = exported
    root = ET.fromstring(data)
    assert root.tag == f"{X}xliff" and root.get("version") == "2.0"
    assert (root.get("srcLang"), root.get("trgLang")) == ("de", "ar")
    files = root.findall(f"{X}file")
    assert [element.get("id") for element in files] == [f"translation-{t.uuid}" for t in translations]
    units = {unit.get("id"): unit.find(f"{X}segment/{X}source").text for unit in files[0].iter(f"{X}unit")}
    assert units["title"] == "Duldung"
    assert units["summary"] == "Was eine Duldung bedeutet."


def test_round_trip_through_graphql(client, exported):
    guides, translations, data = exported
    returned = translate_xliff(data)

    plan = plan_import(returned, "xliff", locale("ar"))
    assert plan.ok, plan.errors
    assert {(change.path, change.new) for change in plan.changes} >= {("title", "AR Duldung"), ("title", "AR Jobcenter")}
    assert not StringTranslation.objects.filter(locale=locale("ar")).exists()  # a dry run writes nothing

    assert apply_import(plan) == len(plan.changes)
    for translation in translations:
        save_target(translation)  # the reviewer's approval, in short

    response = client.post(
        "/graphql/",
        {"query": 'query ($id: ID) { guide(id: $id, locale: "ar") { title summary locale } }', "variables": {"id": str(guides[0].pk)}},
        content_type="application/json",
    )
    assert response.json()["data"]["guide"] == {"title": "AR Duldung", "summary": "AR Was eine Duldung bedeutet.", "locale": "ar"}


def test_second_import_of_the_same_file_changes_nothing(exported):
    _guides, _translations, data = exported
    returned = translate_xliff(data)
    apply_import(plan_import(returned, "xliff", locale("ar")))
    again = plan_import(returned, "xliff", locale("ar"))
    assert again.ok and again.changes == [] and again.unchanged > 0


def test_wrong_locale_is_refused(exported):
    _guides, _translations, data = exported
    plan = plan_import(translate_xliff(data), "xliff", locale("fa"))
    assert not plan.ok
    assert any("'ar', not into 'fa'" in error for error in plan.errors)
    with pytest.raises(ImportRefused):
        apply_import(plan)


def test_changed_source_is_refused_and_nothing_is_applied(exported):
    guides, _translations, data = exported
    returned = translate_xliff(data)
    publish(guides[1], summary="Ganz neuer Text.")
    ensure_translations([guides[1]], locale("ar"))  # the source snapshot follows the page
    plan = plan_import(returned, "xliff", locale("ar"))
    assert any("changed since the export" in error for error in plan.errors)
    with pytest.raises(ImportRefused):
        apply_import(plan)
    # The first page's units were fine, but nothing at all was written.
    assert not StringTranslation.objects.filter(locale=locale("ar")).exists()


def test_unknown_segment_and_unknown_file_are_refused(exported):
    _guides, translations, data = exported
    text = translate_xliff(data).decode()
    text = text.replace('<unit id="summary">', '<unit id="no-such-field">', 1)
    plan = plan_import(text.encode(), "xliff", locale("ar"))
    assert any("'no-such-field' does not exist" in error for error in plan.errors)

    text = translate_xliff(data).decode().replace(str(translations[0].uuid), "00000000-0000-0000-0000-000000000000")
    plan = plan_import(text.encode(), "xliff", locale("ar"))
    assert any("does not exist on this site" in error for error in plan.errors)


def test_not_xliff_is_refused(db):
    assert not plan_import(b"<html/>", "xliff", locale("ar")).ok
    assert not plan_import(b"not xml", "xliff", locale("ar")).ok
    bomb = b'<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaaa">]><x>&a;</x>'
    assert "document type" in plan_import(bomb, "xliff", locale("ar")).errors[0]


def test_partial_failure_while_saving_rolls_everything_back(exported, monkeypatch):
    _guides, translations, data = exported
    plan = plan_import(translate_xliff(data), "xliff", locale("ar"))
    from django.core.exceptions import ValidationError

    calls = []

    def fail_second(self, user=None, publish=True):
        calls.append(self.pk)
        if len(calls) == 2:
            raise ValidationError("the second page refuses")

    monkeypatch.setattr(Translation, "save_target", fail_second)
    with pytest.raises(ImportRefused):
        apply_import(plan)
    assert not StringTranslation.objects.filter(locale=locale("ar")).exists()
