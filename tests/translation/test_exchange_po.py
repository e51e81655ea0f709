"""PO files for agencies (wagtail-localize's own format): round trip, ZIP of several pages, refusals."""

import io
import zipfile

import polib
import pytest
from wagtail.models import Locale, Page
from wagtail_localize.models import StringTranslation

from tests.factories import GuidePageFactory
from tests.translation.conftest import publish, save_target
from translation.exchange.importer import apply_import, plan_import
from translation.exchange.po import build_po, build_po_bundle
from translation.exchange.units import ensure_translations


def locale(code):
    return Locale.objects.get(language_code=code)


def translate_po(data, make=lambda text: f"UK {text}"):
    po = polib.pofile(data.decode())
    for entry in po:
        entry.msgstr = make(entry.msgid)
    return str(po).encode()


@pytest.fixture
def guides(site_tree):
    return [
        publish(GuidePageFactory(parent=site_tree.guides, title="Ausländerbehörde", summary="Termine und Unterlagen.")),
        publish(GuidePageFactory(parent=site_tree.guides, title="Sprachkurse", summary="Wo es Kurse gibt.")),
    ]


def test_single_page_round_trip(guides):
    (translation,) = ensure_translations(guides[:1], locale("uk"))
    data = build_po(translation)
    po = polib.pofile(data.decode())
    assert po.metadata["Language"] == "uk"
    assert po.metadata["X-WagtailLocalize-TranslationID"] == str(translation.uuid)
    assert {entry.msgctxt: entry.msgid for entry in po}["title"] == "Ausländerbehörde"

    plan = plan_import(translate_po(data), "po", locale("uk"))
    assert plan.ok, plan.errors
    apply_import(plan)
    assert StringTranslation.objects.filter(locale=locale("uk"), translation_type="manual", tool_name="PO import").count() == len(po)
    save_target(translation)
    target = Page.objects.get(translation_key=guides[0].translation_key, locale=locale("uk")).specific
    assert (target.live, target.title, target.summary) == (True, "UK Ausländerbehörde", "UK Termine und Unterlagen.")


def test_several_pages_travel_as_a_zip(guides):
    translations = ensure_translations(guides, locale("uk"))
    suffix, data = build_po_bundle(translations)
    assert suffix == ".zip"
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        names = archive.namelist()
        translated = {name: translate_po(archive.read(name)) for name in names}
    assert len(names) == 2
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, content in translated.items():
            archive.writestr(name, content)
    plan = plan_import(buffer.getvalue(), "po", locale("uk"))
    assert plan.ok, plan.errors
    assert len(plan.translations) == 2
    apply_import(plan)
    assert StringTranslation.objects.filter(locale=locale("uk")).count() == sum(
        len(polib.pofile(content.decode())) for content in translated.values()
    )


def test_po_for_another_locale_is_refused(guides):
    (translation,) = ensure_translations(guides[:1], locale("uk"))
    plan = plan_import(translate_po(build_po(translation)), "po", locale("ru"))
    assert not plan.ok
    assert any("'uk', not into 'ru'" in error for error in plan.errors)


def test_po_with_changed_source_is_refused(guides):
    (translation,) = ensure_translations(guides[:1], locale("uk"))
    returned = translate_po(build_po(translation))
    publish(guides[0], title="Ausländerbehörde Leipzig")
    ensure_translations(guides[:1], locale("uk"))
    plan = plan_import(returned, "po", locale("uk"))
    assert any("changed since the export" in error for error in plan.errors)


def test_po_without_translation_id_or_garbage_is_refused(db):
    po = polib.POFile()
    po.append(polib.POEntry(msgid="Hallo", msgstr="Привіт", msgctxt="title"))
    assert any("without a translation id" in error for error in plan_import(str(po).encode(), "po", locale("uk")).errors)
    assert not plan_import(b"PK\x03\x04broken", "po", locale("uk")).ok
