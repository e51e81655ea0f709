"""
Uploads in production, served by the app from ``MEDIA_ROOT`` (the default; set
``SERVE_MEDIA=false`` when a proxy or a CDN serves them instead).

Only images are files anyone may fetch: originals and renditions, public like every
image on the website. Documents are never served from ``/media/``: Wagtail's own
``/documents/<id>/<name>`` view serves them and checks the collection's privacy
(``WAGTAILDOCS_SERVE_METHOD = "serve_view"``), so a private document cannot be fetched
by guessing its path.
"""

from django.conf import settings
from django.http import Http404
from django.views.decorators.http import require_safe
from django.views.static import serve

#: Folders of MEDIA_ROOT the public may read: Wagtail's original images and renditions.
PUBLIC_FOLDERS = ("original_images/", "images/")
#: A day: an editor who replaces an image sees the new one on every screen by tomorrow.
MAX_AGE = 86400


@require_safe
def public_media(request, path):
    if not path.startswith(PUBLIC_FOLDERS) or ".." in path.split("/"):
        raise Http404
    response = serve(request, path, document_root=settings.MEDIA_ROOT)
    response["Cache-Control"] = f"public, max-age={MAX_AGE}"
    response["X-Content-Type-Options"] = "nosniff"
    return response
