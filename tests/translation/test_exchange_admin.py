"""Admin views and management commands for agency files."""

import base64
import io
import zipfile
from io import StringIO

import polib
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import CommandError, call_command
from django.urls import reverse
from wagtail.models import Locale
from wagtail_localize.models import StringTranslation

from tests.factories import GuidePageFactory
from tests.translation.conftest import publish


@pytest.fixture
def guide_page(site_tree):
    return publish(GuidePageFactory(parent=site_tree.guides, title="Asylbewerberleistungsgesetz"))


def translated(data, prefix="FA "):
    po = polib.pofile(data.decode())
    for entry in po:
        entry.msgstr = prefix + entry.msgid
    return str(po).encode()


def test_export_view_downloads_xliff(admin_client, guide_page):
    fa = Locale.objects.get(language_code="fa")
    response = admin_client.post(reverse("translation:export"), {"locale": fa.pk, "format": "xliff", "open_only": "on"})
    assert response.status_code == 200
    assert response["Content-Disposition"] == 'attachment; filename="welcome-fa.xlf"'
    assert b"Asylbewerberleistungsgesetz" in response.content


def test_export_view_zips_several_pages(admin_client, guide_page):
    fa = Locale.objects.get(language_code="fa")
    response = admin_client.post(reverse("translation:export"), {"locale": fa.pk, "format": "po", "open_only": "on"})
    assert response["Content-Type"] == "application/zip"  # the guide and its section pages
    assert response["Content-Disposition"] == 'attachment; filename="welcome-fa.zip"'
    with zipfile.ZipFile(io.BytesIO(response.content)) as archive:
        files = {name: polib.pofile(archive.read(name).decode()) for name in archive.namelist()}
    assert len(files) > 1 and all(name.endswith(".fa.po") for name in files)
    assert {po.metadata["Language"] for po in files.values()} == {"fa"}
    assert any(entry.msgid == "Asylbewerberleistungsgesetz" for po in files.values() for entry in po)


def test_import_view_dry_run_then_apply(admin_client, guide_page, tmp_path):
    fa = Locale.objects.get(language_code="fa")
    path = tmp_path / "fa.po"
    call_command("export_translations", "--locale", "fa", "--format", "po", "--section", str(guide_page.pk),
                 "--output", str(path), stdout=StringIO())
    data = translated(path.read_bytes())

    upload = SimpleUploadedFile("back.po", data)
    preview = admin_client.post(reverse("translation:import"), {"locale": fa.pk, "format": "po", "file": upload, "action": "preview"})
    assert preview.status_code == 200
    assert b"data-change" in preview.content and b"data-error" not in preview.content
    assert not StringTranslation.objects.filter(locale=fa).exists()

    applied = admin_client.post(
        reverse("translation:import"),
        {"locale": fa.pk, "format": "po", "data": base64.b64encode(data).decode(), "action": "apply"},
    )
    assert applied.status_code == 302
    assert StringTranslation.objects.filter(locale=fa, data="FA Asylbewerberleistungsgesetz").exists()


def test_import_view_reports_refusal(admin_client, guide_page, tmp_path):
    fa, ar = Locale.objects.get(language_code="fa"), Locale.objects.get(language_code="ar")
    path = tmp_path / "fa.po"
    call_command("export_translations", "--locale", "fa", "--format", "po", "--section", str(guide_page.pk),
                 "--output", str(path), stdout=StringIO())
    data = translated(path.read_bytes())
    response = admin_client.post(
        reverse("translation:import"),
        {"locale": ar.pk, "format": "po", "file": SimpleUploadedFile("x.po", data), "action": "apply"},
    )
    assert response.status_code == 200
    assert b"data-error" in response.content
    assert not StringTranslation.objects.filter(locale__in=[fa, ar]).exists()


def test_import_command_is_a_dry_run_unless_told(guide_page, tmp_path):
    path = tmp_path / "fa.xlf"
    call_command("export_translations", "--locale", "fa", "--section", str(guide_page.pk), "--output", str(path), stdout=StringIO())
    text = path.read_text().replace("<source>Asylbewerberleistungsgesetz</source>",
                                    "<source>Asylbewerberleistungsgesetz</source><target>قانون</target>")
    path.write_text(text)
    out = StringIO()
    call_command("import_translations", str(path), "--locale", "fa", stdout=out)
    assert "1 changes" in out.getvalue() and "Dry run" in out.getvalue()
    assert not StringTranslation.objects.filter(data="قانون").exists()
    call_command("import_translations", str(path), "--locale", "fa", "--apply", stdout=StringIO())
    assert StringTranslation.objects.filter(data="قانون").exists()
    with pytest.raises(CommandError):
        call_command("import_translations", str(path), "--locale", "ar", stdout=StringIO(), stderr=StringIO())
