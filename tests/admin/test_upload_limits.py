"""Image uploads that would take the server down are refused in the form, and the limits are stated."""

import io

from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import Image
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
