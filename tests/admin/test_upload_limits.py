"""Image and document uploads that would take the server down are refused in the form, and the limits are stated."""

import io

from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import Image
from wagtail.documents import get_document_model
from wagtail.images import get_image_model


def png(width, height):
    buffer = io.BytesIO()
    Image.new("1", (width, height)).save(buffer, "PNG")  # one bit per pixel: a few KB
    return SimpleUploadedFile("gross.png", buffer.getvalue(), content_type="image/png")


def test_an_image_with_too_many_pixels_is_refused(admin_client, db):
    upload = png(11_000, 11_000)
    assert len(upload) < 100_000
    response = admin_client.post(reverse("wagtailimages:add"), {"title": "Riesig", "file": upload, "collection": 1})
    assert response.status_code == 200
    assert "file" in response.context["form"].errors
    assert not get_image_model().objects.filter(title="Riesig").exists()


def test_a_photo_is_accepted_and_the_limits_are_stated(admin_client, db):
    page = admin_client.get(reverse("wagtailimages:add")).content.decode()
    assert "15" in page and "MB" in page  # the upload size the form accepts
    response = admin_client.post(reverse("wagtailimages:add"), {"title": "Foto", "file": png(1200, 800), "collection": 1})
    assert response.status_code == 302
    assert get_image_model().objects.filter(title="Foto").exists()


# Documents: 20 MB (WAGTAILDOCS_MAX_UPLOAD_SIZE, Wagtail's own check) -------------------

DOCUMENT_LIMIT = 20 * 1024 * 1024


def pdf(size):
    return SimpleUploadedFile("merkblatt.pdf", b"%PDF-1.4\n" + b"0" * (size - 9), content_type="application/pdf")


def test_the_document_limit_is_20_mb_and_stated_in_both_upload_forms(admin_client, db):
    assert settings.WAGTAILDOCS_MAX_UPLOAD_SIZE == DOCUMENT_LIMIT
    single = admin_client.get(reverse("wagtaildocs:add"))
    assert "20" in single.context["form"].fields["file"].help_text
    assert "20" in single.content.decode() and "MB" in single.content.decode()
    multiple = admin_client.get(reverse("wagtaildocs:add_multiple")).content.decode()
    assert f'data-max-file-size="{DOCUMENT_LIMIT}"' in multiple  # the uploader refuses before sending


def test_the_single_upload_refuses_a_document_over_the_limit_with_the_limit_in_the_error(admin_client, db):
    add = reverse("wagtaildocs:add")
    response = admin_client.post(add, {"title": "Zu groß", "file": pdf(DOCUMENT_LIMIT + 1024 * 1024), "collection": 1})
    assert response.status_code == 200
    # One error that states the size and the limit (no "extension '' not allowed" beside it).
    (error,) = response.context["form"].errors["file"]
    assert "21" in error and "20" in error and "MB" in error
    assert not get_document_model().objects.filter(title="Zu groß").exists()
    # Exactly the limit is fine.
    assert admin_client.post(add, {"title": "Merkblatt", "file": pdf(DOCUMENT_LIMIT), "collection": 1}).status_code == 302
    assert get_document_model().objects.filter(title="Merkblatt").exists()


def test_the_multiple_upload_refuses_a_document_over_the_limit(admin_client, db):
    add = reverse("wagtaildocs:add_multiple")
    answer = admin_client.post(add, {"files[]": pdf(DOCUMENT_LIMIT + 1), "collection": 1}).json()
    assert answer["success"] is False
    assert "20" in answer["error_message"] and "MB" in answer["error_message"]
    assert "extension" not in answer["error_message"].lower() and "endung" not in answer["error_message"].lower()
    assert not get_document_model().objects.exists()
    assert admin_client.post(add, {"files[]": pdf(100_000), "collection": 1}).json()["success"] is True
    assert get_document_model().objects.count() == 1
