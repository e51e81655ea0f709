"""
Agency imports that cannot be abused: page permissions, bounded ZIP reading, the checked
file kept on the server between dry run and import, defused XML, and bad input of every
other kind answered with a form error, never a 500.
"""

import io
import os
import re
import time
import tracemalloc
import xml.etree.ElementTree as ET
import zipfile
from datetime import timedelta
from pathlib import Path

import polib
import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.core import signing
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from wagtail.models import GroupPagePermission, Locale, Page
from wagtail_localize.models import StringTranslation, Translation, TranslationSource

from tests.factories import GuidePageFactory, PartnerPageFactory, TopicFactory
from tests.translation.conftest import publish, translate_xliff
from translation.exchange import po as po_module
from translation.exchange import uploads
from translation.exchange.importer import ImportRefused, apply_import, plan_import
from translation.exchange.po import PoError, build_po, read_po_upload
from translation.exchange.units import ensure_translations
from translation.exchange.xliff import NS, build_xliff
from translation.review import TRANSLATORS_GROUP

X = f"{{{NS}}}"
IMPORT = "translation:import"


def locale(code):
    return Locale.objects.get(language_code=code)


def translated_po(data, prefix="AR "):
    po = polib.pofile(data.decode())
    for entry in po:
        entry.msgstr = prefix + entry.msgid
    return str(po).encode()


def token_of(response):
    found = re.search(rb'name="token" value="([^"]+)"', response.content)
    assert found, "the preview page carries no token"
    return found.group(1).decode()


def kept_files():
    try:
        return default_storage.listdir(uploads.FOLDER)[1]
    except FileNotFoundError:
        return []


def target_page(guide, code):
    return Page.objects.get(translation_key=guide.translation_key, locale=locale(code))


@pytest.fixture
def arabic(guide):
    """The guide exported for Arabic (its Arabic draft exists) and the agency's translated XLIFF."""
    (translation,) = ensure_translations([guide], locale("ar"))
    return translation, translate_xliff(build_xliff([translation], "de", "ar"))


@pytest.fixture
def persian_translator(guide):
    """Sees the translation overview, may edit the Persian tree only."""
    ensure_translations([guide], locale("fa"))  # the Persian tree exists
    group = Group.objects.create(name="Persian translators")
    group.permissions.add(
        *Permission.objects.filter(codename__in=["access_admin", "submit_translation"],
                                   content_type__app_label__in=["wagtailadmin", "wagtail_localize"])
    )
    fa_root = Page.objects.get(depth=2, locale=locale("fa"))
    for codename in ("add_page", "change_page"):
        GroupPagePermission.objects.create(
            group=group, page=fa_root, permission=Permission.objects.get(content_type__app_label="wagtailcore", codename=codename)
        )
    user = get_user_model().objects.create_user("persian", password="x")
    user.groups.add(group)
    return user


@pytest.fixture(autouse=True)
def no_kept_files():
    """Kept uploads of earlier tests (the media folder lives as long as the test session)."""
    for name in kept_files():
        default_storage.delete(f"{uploads.FOLDER}/{name}")


def nothing_written(guide, revisions_before):
    assert not StringTranslation.objects.filter(locale=locale("ar")).exists()
    assert target_page(guide, "ar").revisions.count() == revisions_before


# 1. Page permissions --------------------------------------------------------------------


def test_a_translator_without_edit_permission_gets_a_plan_error_and_nothing_is_written(guide, arabic, persian_translator, users):
    _translation, returned = arabic
    revisions = target_page(guide, "ar").revisions.count()

    plan = plan_import(returned, "xliff", locale("ar"), user=persian_translator)
    assert not plan.ok and plan.changes == []
    (error,) = plan.errors
    assert "You may not edit the page 'Aufenthalt' in 'ar'" in error
    with pytest.raises(ImportRefused):
        apply_import(plan, user=persian_translator)
    nothing_written(guide, revisions)

    # The same file is fine for a translator of the Arabic tree.
    assert plan_import(returned, "xliff", locale("ar"), user=users.translator).ok


def test_the_admin_view_refuses_pages_the_user_may_not_edit(client, guide, arabic, persian_translator):
    _translation, returned = arabic
    revisions = target_page(guide, "ar").revisions.count()
    client.force_login(persian_translator)
    for action in ("preview", "apply"):
        response = client.post(
            reverse(IMPORT),
            {"locale": locale("ar").pk, "format": "xliff", "file": SimpleUploadedFile("ar.xlf", returned), "action": action},
        )
        assert response.status_code == 200
        assert b"data-error" in response.content and b"Aufenthalt" in response.content
        assert b'value="apply"' not in response.content
    nothing_written(guide, revisions)
    assert kept_files() == []  # a refused file is not kept


def test_apply_checks_permissions_again(guide, arabic, persian_translator, users):
    _translation, returned = arabic
    revisions = target_page(guide, "ar").revisions.count()
    plan = plan_import(returned, "xliff", locale("ar"), user=users.translator)
    assert plan.ok, plan.errors

    # A plan made for one person is not applied for another who may not write the page ...
    with pytest.raises(ImportRefused, match="may not edit"):
        apply_import(plan, user=persian_translator)
    # ... nor for the same person once their permission is gone.
    users.translator.groups.remove(Group.objects.get(name=TRANSLATORS_GROUP))
    translator = get_user_model().objects.get(pk=users.translator.pk)  # no cached permissions
    with pytest.raises(ImportRefused, match="may not edit"):
        apply_import(plan, user=translator)
    plan.user = translator
    with pytest.raises(ImportRefused, match="may not edit"):
        apply_import(plan)
    nothing_written(guide, revisions)


def test_a_target_that_does_not_exist_needs_permission_to_add_it(site_tree, guide, persian_translator, users):
    # The Arabic section exists, the guide was submitted but its Arabic page never created.
    ensure_translations([site_tree.guides], locale("ar"))
    source, _created = TranslationSource.get_or_create_from_instance(guide)
    translation = Translation.objects.create(source=source, target_locale=locale("ar"), enabled=True)
    assert not Page.objects.filter(translation_key=guide.translation_key, locale=locale("ar")).exists()
    returned = translate_xliff(build_xliff([translation], "de", "ar"))

    plan = plan_import(returned, "xliff", locale("ar"), user=persian_translator)
    (error,) = plan.errors
    assert "'Aufenthalt' does not exist in 'ar' yet" in error and "below 'Ratgeber'" in error
    with pytest.raises(ImportRefused):
        apply_import(plan, user=persian_translator)
    assert not Page.objects.filter(translation_key=guide.translation_key, locale=locale("ar")).exists()

    plan = plan_import(returned, "xliff", locale("ar"), user=users.translator)
    assert plan.ok, plan.errors
    assert apply_import(plan, user=users.translator) == len(plan.changes)
    created = target_page(guide, "ar")
    assert created.get_parent().specific.title == "Ratgeber" and not created.live
    assert created.get_latest_revision_as_object().title == "AR Aufenthalt"


def test_a_snippet_translation_is_refused(guide, users):
    topic = TopicFactory(name="Wohnen")
    source, _created = TranslationSource.get_or_create_from_instance(topic)
    translation = Translation.objects.create(source=source, target_locale=locale("ar"), enabled=True)
    document = build_xliff([translation], "de", "ar")
    plan = plan_import(translate_xliff(document), "xliff", locale("ar"), user=users.admin)
    assert any("'Wohnen' is not a page" in error for error in plan.errors), plan.errors


def test_a_deleted_german_page_is_a_plan_error_not_a_500(guide, arabic, users):
    _translation, returned = arabic
    Page.objects.get(pk=guide.pk).delete()
    plan = plan_import(returned, "xliff", locale("ar"), user=users.translator)
    assert not plan.ok, plan.errors


# 2. Bounded ZIP reading ------------------------------------------------------------------


def zip_bomb(megabytes=50):
    """A ZIP whose one member is ``megabytes`` MB of zeros, written without holding them in memory."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        with archive.open("bomb.po", "w") as member:
            zeros = bytes(1024 * 1024)
            for _ in range(megabytes):
                member.write(zeros)
    return buffer.getvalue()


def refused_quickly(data, *, max_seconds=1.0, max_peak_bytes=4 * 1024 * 1024):
    """The PoError reading ``data`` raises, checked to take little time and memory."""
    tracemalloc.start()
    started = time.perf_counter()
    try:
        with pytest.raises(PoError) as refused:
            read_po_upload(data)
        elapsed = time.perf_counter() - started
        _current, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert elapsed < max_seconds, f"took {elapsed:.2f} s"
    assert peak < max_peak_bytes, f"peak {peak / 1e6:.1f} MB"
    return str(refused.value)


def test_a_zip_bomb_is_refused_quickly_without_unpacking_it(db):
    data = zip_bomb()
    assert len(data) < 100 * 1024  # 50 MB in tens of KB
    assert "more than 100 times its packed size" in refused_quickly(data)
    plan = plan_import(data, "po", locale("ar"))
    assert not plan.ok and "bomb.po" in plan.errors[0]


def test_unpacking_stops_at_the_limit_even_if_the_declared_sizes_were_not_checked(monkeypatch):
    # The declared sizes are checked before reading; the bytes really unpacked are counted
    # too, chunk by chunk, and reading stops at the first chunk past a limit.
    monkeypatch.setattr(po_module, "_check_declared", lambda members: None)
    # 100 times the member's packed size (about 50 KB): some 5 MB of the 50 are unpacked.
    assert "times its packed size" in refused_quickly(zip_bomb(), max_peak_bytes=8 * 1024 * 1024)
    monkeypatch.setattr(po_module, "MAX_RATIO", 10_000)
    monkeypatch.setattr(po_module, "MAX_UNPACKED_BYTES", 2 * 1024 * 1024)
    assert "unpacks to more than 2 MB" in refused_quickly(zip_bomb())


def test_an_archive_that_unpacks_to_more_than_the_limit_is_refused():
    # Each member is an honest MB (stored, not compressed), but together they exceed 20 MB:
    # refused by their declared sizes, before any is read.
    pattern = os.urandom(1024 * 1024)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_STORED) as archive:
        for number in range(21):
            archive.writestr(f"page-{number}.po", pattern)
    assert "unpacks to more than 20 MB" in refused_quickly(buffer.getvalue(), max_peak_bytes=2 * 1024 * 1024)


def many_members(count):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for number in range(count):
            archive.writestr(f"p{number}.po", b'msgid ""\nmsgstr ""\n')
    return buffer.getvalue()


def test_too_many_members_are_refused():
    assert "more than 500 files" in refused_quickly(many_members(501))
    # An end record that understates the count changes nothing: the directory is counted.
    data = bytearray(many_members(501))
    end = data.rfind(b"PK\x05\x06")
    data[end + 8:end + 12] = (1).to_bytes(2, "little") * 2
    assert "more than 500 files" in refused_quickly(bytes(data))
    # A directory far larger than 500 members need is refused before it is read.
    data = bytearray(many_members(20))
    end = data.rfind(b"PK\x05\x06")
    data[end + 12:end + 16] = (10 * 1024 * 1024).to_bytes(4, "little")
    assert "more than 500 files" in refused_quickly(bytes(data))


def test_members_in_other_compression_methods_or_encrypted_are_refused():
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_BZIP2) as archive:
        archive.writestr("page.po", b'msgid ""\nmsgstr ""\n')
    assert "unusual method" in refused_quickly(buffer.getvalue())

    data = bytearray(many_members(1))
    for signature, offset in ((b"PK\x03\x04", 6), (b"PK\x01\x02", 8)):  # set the "encrypted" flag
        position = data.find(signature)
        data[position + offset] |= 0x1
    assert "encrypted" in refused_quickly(bytes(data))


def test_a_damaged_archive_is_a_po_error():
    data = bytearray(many_members(3))
    data[40:80] = bytes(40)
    with pytest.raises(PoError):
        read_po_upload(bytes(data))


def test_po_content_naming_a_file_on_the_server_is_not_read(db):
    # polib reads its argument as a file name when such a file exists.
    server_file = str(Path(__file__).resolve())
    with pytest.raises(PoError, match="not a PO file") as refused:
        read_po_upload(server_file.encode())
    assert "line" not in str(refused.value)


def test_a_zip_of_real_po_files_still_imports(guide, users):
    other = publish(GuidePageFactory(parent=guide.get_parent(), title="Jobcenter"))
    translations = ensure_translations([guide, other], locale("ar"))
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("__MACOSX/._page.ar.po", b"\x00\x05\x16\x07 resource fork")
        for number, translation in enumerate(translations):
            archive.writestr(f"page-{number}.ar.po", translated_po(build_po(translation)))
    plan = plan_import(buffer.getvalue(), "po", locale("ar"), user=users.translator)
    assert plan.ok, plan.errors
    assert len(plan.translations) == 2


# 3. The checked file stays on the server ------------------------------------------------


def padded_xliff(returned, megabytes=3):
    """An agency file over 2.5 MB: a long note (CAT tools keep comments there)."""
    ET.register_namespace("", NS)
    root = ET.fromstring(returned)
    notes = root.find(f"{X}file/{X}notes")
    ET.SubElement(notes, f"{X}note", {"category": "comment"}).text = "Anmerkung der Agentur. " * (megabytes * 1024 * 1024 // 23)
    return ET.tostring(root, encoding="utf-8", xml_declaration=True)


def test_a_file_over_2_5_mb_is_checked_then_imported_through_the_admin(client, guide, arabic, users):
    _translation, returned = arabic
    data = padded_xliff(returned)
    assert len(data) > 2.5 * 1024 * 1024
    client.force_login(users.translator)
    ar = locale("ar")

    preview = client.post(reverse(IMPORT), {"locale": ar.pk, "format": "xliff", "file": SimpleUploadedFile("ar.xlf", data), "action": "preview"})
    assert preview.status_code == 200
    assert b"data-change" in preview.content and b"data-error" not in preview.content
    assert b'value="apply"' in preview.content and b"ar.xlf" in preview.content
    assert len(preview.content) < len(data) / 10  # the file does not travel back
    assert not StringTranslation.objects.filter(locale=ar).exists()
    assert len(kept_files()) == 1

    applied = client.post(reverse(IMPORT), {"locale": ar.pk, "format": "xliff", "token": token_of(preview), "action": "apply"})
    assert applied.status_code == 302
    assert StringTranslation.objects.filter(locale=ar, data="AR Aufenthalt", last_translated_by=users.translator).exists()
    assert target_page(guide, "ar").get_latest_revision_as_object().title == "AR Aufenthalt"
    assert kept_files() == []  # removed once applied


def test_a_file_chosen_with_import_is_checked_first(client, guide, arabic, users):
    _translation, returned = arabic
    client.force_login(users.translator)
    response = client.post(
        reverse(IMPORT), {"locale": locale("ar").pk, "format": "xliff", "file": SimpleUploadedFile("ar.xlf", returned), "action": "apply"}
    )
    assert response.status_code == 200 and b"data-change" in response.content
    assert not StringTranslation.objects.filter(locale=locale("ar")).exists()


def expired_token(monkeypatch, content, user):
    two_days_ago = int(time.time() - 2 * 86400)
    with monkeypatch.context() as patch:
        patch.setattr(signing.TimestampSigner, "timestamp", lambda self: signing.b62_encode(two_days_ago))
        return uploads.keep(content, user)


@pytest.mark.parametrize("kind", ["garbage", "altered", "someone else's", "expired", "file gone", "base64 garbage"])
def test_a_forged_expired_or_malformed_token_is_a_form_error(client, guide, arabic, users, monkeypatch, kind):
    _translation, returned = arabic
    client.force_login(users.translator)
    fields = {"locale": locale("ar").pk, "format": "xliff", "action": "apply"}
    good = uploads.keep(returned, users.translator)
    if kind == "garbage":
        fields["token"] = "../../etc/passwd"
    elif kind == "altered":
        fields["token"] = good[:-3] + ("abc" if not good.endswith("abc") else "xyz")
    elif kind == "someone else's":
        fields["token"] = uploads.keep(returned, users.admin)
    elif kind == "expired":
        fields["token"] = expired_token(monkeypatch, returned, users.translator)
    elif kind == "file gone":
        default_storage.delete(f"{uploads.FOLDER}/{signing.loads(good, salt=uploads.SALT)['file']}")
        fields["token"] = good
    else:
        fields["data"] = "not base64 at all!"
    response = client.post(reverse(IMPORT), fields)
    assert response.status_code == 200
    # The admin speaks German to these users.
    assert "Laden Sie die Datei noch einmal hoch".encode() in response.content
    assert b'value="apply"' not in response.content
    assert not StringTranslation.objects.filter(locale=locale("ar")).exists()


def test_old_kept_files_are_removed_on_each_import(client, arabic, users):
    _translation, returned = arabic
    uploads.keep(returned, users.translator)
    old = signing.loads(uploads.keep(returned, users.translator), salt=uploads.SALT)["file"]
    two_days_ago = time.time() - 2 * 86400
    os.utime(default_storage.path(f"{uploads.FOLDER}/{old}"), (two_days_ago, two_days_ago))
    assert len(kept_files()) == 2
    client.force_login(users.translator)
    client.post(reverse(IMPORT), {"locale": locale("ar").pk, "format": "xliff", "action": "preview"})
    assert len(kept_files()) == 1 and old not in kept_files()
    assert uploads.remove_stale(now=uploads.timezone.now() + timedelta(days=2)) == 1


# 4. Defused XML ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    "declaration",
    [
        '<!DOCTYPE xliff [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]>',
        '<!DOCTYPE xliff [<!ENTITY secret SYSTEM "file:///etc/passwd">]>',
        '<!DOCTYPE xliff SYSTEM "http://example.org/xliff.dtd">',
    ],
    ids=["entities", "external entity", "external DTD"],
)
def test_a_dtd_after_the_first_2_kb_is_refused(arabic, users, declaration):
    _translation, returned = arabic
    text = returned.decode()
    prolog, body = text.split("?>", 1)
    comment = "<!-- " + "Kommentar der Agentur. " * 120 + "-->"
    assert len(comment) > 2048
    document = f"{prolog}?>{comment}{declaration}{body}".replace("AR Aufenthalt", "AR &b;" if "&a;" in declaration else "AR Aufenthalt")
    plan = plan_import(document.encode(), "xliff", locale("ar"), user=users.translator)
    assert not plan.ok
    assert "document type declaration" in plan.errors[0]


# 5. Every other bad input: a clear error, never a 500 --------------------------------------


@pytest.fixture
def partner_ar(site_tree):
    page = publish(PartnerPageFactory(parent=site_tree.partners, title="Beratungsnetz",
                                      about="<p>Wir beraten <b>kostenlos</b> und gern.</p>"))
    (translation,) = ensure_translations([page], locale("ar"))
    return translation


def test_deeply_nested_inline_codes_are_an_error_not_a_crash(partner_ar, users):
    document = build_xliff([partner_ar], "de", "ar").decode()
    nested = '<pc id="1">' * 20_000 + "x" + "</pc>" * 20_000
    unit = re.search(r'<unit id="about">.*?</source>', document, re.S).group(0)
    document = document.replace(unit, f"{unit}<target>{nested}</target>", 1)
    plan = plan_import(document.encode(), "xliff", locale("ar"), user=users.translator)
    assert any("repeated: 1" in error for error in plan.errors), plan.errors


@pytest.mark.parametrize(
    "target",
    ["<a" * 100_000, "<a b='>'" * 30_000, "</" * 100_000, "<?" * 100_000, "<![CDATA[x" * 1000],
    ids=["unclosed tags", "quotes across tags", "end tags", "processing instructions", "marked section"],
)
def test_hostile_markup_in_a_po_target_is_refused_quickly(partner_ar, users, target):
    po = polib.pofile(build_po(partner_ar).decode())
    next(entry for entry in po if entry.msgctxt == "about").msgstr = target
    started = time.perf_counter()
    plan = plan_import(str(po).encode(), "po", locale("ar"), user=users.translator)
    assert time.perf_counter() - started < 5
    assert any("unit 'about'" in error for error in plan.errors), plan.errors


@pytest.mark.parametrize(
    "fields",
    [
        {"locale": "not a number", "format": "xliff"},
        {"locale": "999999", "format": "xliff"},
        {"format": "docx"},
        {"format": "xliff", "file": b"\xff\xfe\x00garbage"},
        {"format": "po", "file": b"\xff\xfe\x00garbage"},
        {"format": "po", "file": b"PK\x03\x04 not really a zip"},
        {"format": "po", "file": b'msgid ""\nmsgstr ""\n"X-WagtailLocalize-TranslationID: nonsense\\n"\n'},
        {"format": "xliff", "file": b"<xliff xmlns='urn:oasis:names:tc:xliff:document:2.0' version='2.0'><file id='translation-x'/></xliff>"},
        {"format": "xliff", "file": b""},
        {"format": "xliff", "token": "x" * 5000},
    ],
    ids=["locale text", "unknown locale", "unknown format", "binary xliff", "binary po", "broken zip",
         "bad translation id", "bad file id", "empty file", "huge token"],
)
def test_bad_input_is_a_form_or_plan_error(client, guide, users, fields):
    client.force_login(users.translator)
    data = {"locale": locale("ar").pk, "action": "apply", **fields}
    if "file" in data:
        data["file"] = SimpleUploadedFile("upload", data["file"])
    response = client.post(reverse(IMPORT), data)
    assert response.status_code == 200
    assert b"data-error" in response.content or b"error" in response.content
    assert not StringTranslation.objects.exists()


def test_hostile_markup_through_the_admin_is_a_plan_error(client, partner_ar, users):
    po = polib.pofile(build_po(partner_ar).decode())
    next(entry for entry in po if entry.msgctxt == "about").msgstr = "Wir <![ <![ beraten"
    client.force_login(users.translator)
    response = client.post(
        reverse(IMPORT),
        {"locale": locale("ar").pk, "format": "po", "file": SimpleUploadedFile("ar.po", str(po).encode()), "action": "preview"},
    )
    assert response.status_code == 200 and b"data-error" in response.content
