"""
Agency round trips with real files, as a CAT tool edits them: a page whose rich text has
several paragraphs with bold text, a line break and links; export, edit the targets
(keeping, moving, dropping or inventing inline codes), dry run, apply, review. The live
API text is asserted at each step; exports validate against the OASIS XLIFF 2.0 schema.
"""

import copy
import xml.etree.ElementTree as ET
from pathlib import Path

import polib
import pytest
import xmlschema
from wagtail.contrib.redirects.models import Redirect
from wagtail.models import WorkflowState

from tests.api.helpers import data
from tests.factories import PartnerPageFactory
from tests.translation.conftest import fill, publish, save_target, submit
from translation.exchange.importer import ImportRefused, apply_import, plan_import
from translation.exchange.po import build_po_bundle
from translation.exchange.units import ensure_translations
from translation.exchange.xliff import NS, build_xliff
from translation.review import submit_for_review

SCHEMA = xmlschema.XMLSchema(str(Path(__file__).parent / "data" / "xliff_core_2.0.xsd"))
X = f"{{{NS}}}"
ABOUT = (
    '<p>Wir beraten <b>kostenlos</b> und <a href="https://example.org/termine">ohne Termin</a>.</p>'
    "<p>Zweiter Absatz<br/>mit Umbruch.</p>"
)
ARABIC = 'query ($id: ID!) { partner(id: $id, locale: "ar") { title about } }'


@pytest.fixture
def partner(site_tree):
    """A partner live in German and, reviewed, in Arabic."""
    page = publish(PartnerPageFactory(parent=site_tree.partners, title="Beratungsnetz", about=ABOUT))
    translation = submit(page, "ar")
    fill(translation)
    save_target(translation)
    return page, translation


def api(client, page):
    return data(client, ARABIC, {"id": str(page.pk)})["partner"]


def approve(translation, users):
    submit_for_review(translation, users.translator)
    target = translation.get_target_instance()
    state = WorkflowState.objects.get(object_id=str(target.pk), status=WorkflowState.STATUS_IN_PROGRESS)
    state.current_task_state.approve(user=users.reviewer)


def exported_xliff(page, locale):
    return build_xliff(ensure_translations([page], locale), "de", locale.language_code)


def translate_units(document, edit):
    """What a CAT tool returns: every <target> made from its <source> by ``edit(unit id, target)``."""
    ET.register_namespace("", NS)
    root = ET.fromstring(document)
    for unit in root.iter(f"{X}unit"):
        segment = unit.find(f"{X}segment")
        for old in segment.findall(f"{X}target"):
            segment.remove(old)
        source = segment.find(f"{X}source")
        target = copy.deepcopy(source)
        target.tag = f"{X}target"
        for node in target.iter():
            node.text = f"AR {node.text}" if node.text and node.text.strip() else node.text
        edit(unit.get("id"), target)
        segment.append(target)
    return ET.tostring(root, encoding="utf-8", xml_declaration=True)


def keep(_unit, _target):
    pass


def test_export_is_valid_xliff_2_with_unique_unit_ids_and_locked_codes(partner):
    page, translation = partner
    document = exported_xliff(page, translation.target_locale)
    SCHEMA.validate(document)
    root = ET.fromstring(document)
    ids = [unit.get("id") for unit in root.iter(f"{X}unit")]
    assert len(ids) == len(set(ids))
    assert {"about", "about:2"} <= set(ids) and "slug" not in ids
    codes = [(code.tag.removeprefix(X), code.get("dispStart") or code.get("disp")) for code in root.iter() if code.tag in (f"{X}pc", f"{X}ph")]
    assert ("pc", "<b>") in codes and ("ph", "<br/>") in codes
    assert all(code.get("canDelete") == "no" for code in root.iter(f"{X}pc"))
    # Link targets stay on the site.
    assert b"example.org" not in document


def test_an_untouched_fresh_export_imports(partner):
    page, translation = partner
    plan = plan_import(exported_xliff(page, translation.target_locale), "xliff", translation.target_locale)
    assert plan.ok, plan.errors
    assert plan.changes == []


def test_xliff_round_trip_with_moved_codes_reaches_readers_after_review(client, partner, users):
    page, translation = partner
    before = api(client, page)

    def move_bold_first(unit, target):
        # Word order changes in translation: the bold words now come first.
        if unit == "about":
            bold = target.find(f"{X}pc[@id='1']")
            bold.tail = f" {target.text.strip()}{bold.tail}"
            target.text = None

    returned = translate_units(exported_xliff(page, translation.target_locale), move_bold_first)
    SCHEMA.validate(returned)
    plan = plan_import(returned, "xliff", translation.target_locale)
    assert plan.ok, plan.errors
    assert apply_import(plan, user=users.translator) == len(plan.changes) >= 3
    assert api(client, page) == before  # a draft until reviewed

    approve(translation, users)
    about = api(client, page)["about"]
    assert about.startswith("<p><b>AR kostenlos</b> AR Wir beraten und <a")
    assert 'href="https://example.org/termine"' in about and "AR ohne Termin</a>" in about
    assert "AR Zweiter Absatz<br/>" in about


@pytest.mark.parametrize(
    "break_it, problem",
    [
        (lambda target: target.remove(target.find(f"{X}pc[@id='1']")), "missing: 1"),
        (lambda target: ET.SubElement(target, f"{X}pc", {"id": "9"}).__setattr__("text", "neu"), 'id="9"'),
        (lambda target: ET.SubElement(target, f"{X}mrk", {"id": "m1"}).__setattr__("text", "x"), "<mrk"),
        (lambda target: target.append(copy.deepcopy(target.find(f"{X}pc[@id='2']"))), "repeated: 2"),
    ],
    ids=["dropped code", "invented link", "foreign markup", "repeated code"],
)
def test_broken_markup_refuses_the_file_and_names_the_unit(client, partner, users, break_it, problem):
    page, translation = partner
    before = api(client, page)

    def edit(unit, target):
        if unit == "about":
            break_it(target)

    plan = plan_import(translate_units(exported_xliff(page, translation.target_locale), edit), "xliff", translation.target_locale)
    assert not plan.ok
    (error,) = [error for error in plan.errors if "unit 'about'" in error]
    assert problem in error
    with pytest.raises(ImportRefused):
        apply_import(plan, user=users.translator)
    approve(translation, users)
    assert api(client, page) == before


def po_file(page, locale):
    _suffix, content = build_po_bundle(ensure_translations([page], locale))
    return polib.pofile(content.decode("utf-8"))


def test_po_round_trip_of_several_paragraphs(client, partner, users):
    page, translation = partner
    po = po_file(page, translation.target_locale)
    assert [entry.msgctxt for entry in po].count("about") == 2
    for entry in po:
        entry.msgstr = entry.msgid.replace("Wir beraten", "نقدم الاستشارة").replace("Zweiter Absatz", "الفقرة الثانية")
    plan = plan_import(str(po).encode("utf-8"), "po", translation.target_locale)
    assert plan.ok, plan.errors
    before = api(client, page)
    apply_import(plan, user=users.translator)
    assert api(client, page) == before  # a draft until reviewed
    approve(translation, users)
    about = api(client, page)["about"]
    assert "نقدم الاستشارة <b>kostenlos</b>" in about and "الفقرة الثانية<br/>" in about
    # The page kept its address: no redirect from an agency's slug.
    assert not Redirect.objects.exists()
    assert translation.get_target_instance().slug == page.slug


@pytest.mark.parametrize(
    "target",
    [
        "Wir beraten <b>kostenlos und <a id=\"a1\">ohne Termin</a>.",
        "Wir beraten <i>kostenlos</i> und <a id=\"a1\">ohne Termin</a>.",
        "Wir beraten <b>kostenlos</b> und ohne Termin.",
        "Wir beraten <b>kostenlos</b> und <a id=\"a1\">ohne</a> <a id=\"a2\">Termin</a>.",
        "Wir beraten <script>kostenlos</script> und <a id=\"a1\">ohne Termin</a>.",
    ],
    ids=["unclosed", "renamed", "dropped link", "added link", "foreign tag"],
)
def test_po_targets_with_broken_markup_are_refused(partner, target):
    page, translation = partner
    po = po_file(page, translation.target_locale)
    first = next(entry for entry in po if entry.msgctxt == "about")
    first.msgstr = target
    plan = plan_import(str(po).encode("utf-8"), "po", translation.target_locale)
    assert not plan.ok
    assert any("unit 'about'" in error for error in plan.errors), plan.errors
