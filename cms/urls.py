from django.conf import settings
from django.urls import include, path, re_path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from directory.staff import urls as partner_staff_urls

# A 503 with Retry-After while the database is away, a plain 500 page otherwise (cms/errors.py).
handler500 = "cms.errors.server_error"
# The website's own "not found" page, in the reader's language, below /<language>/ (Django's elsewhere).
handler404 = "website.views.errors.not_found"

urlpatterns = [
    # Partner staff set their password from an invitation link, before they can log in.
    path("admin/welcome/", include(partner_staff_urls.public_urlpatterns)),
    path("admin/reports/", include((partner_staff_urls.report_urlpatterns, "partner_staff_reports"))),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("graphql/", include("graphql_api.urls")),
    path("health/", include("cms.health")),
    path("", include("embed.urls")),
    path("kiosk/", include("kiosk.urls")),
    # The public website, /<language>/… (before Wagtail's own page URLs).
    path("", include("website.urls")),
]

if settings.DEBUG:
    from django.conf.urls.static import static
    from django.contrib.staticfiles.urls import staticfiles_urlpatterns

    urlpatterns += staticfiles_urlpatterns()
    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)
elif settings.SERVE_MEDIA:
    # Production: images from MEDIA_ROOT (cms/media.py); static files come from WhiteNoise.
    from cms.media import public_media

    urlpatterns += [re_path(r"^media/(?P<path>.+)$", public_media, name="media")]

urlpatterns += [path("", include(wagtail_urls))]
