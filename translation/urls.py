"""Admin URLs of the translation workflow, mounted under /admin/translation/ by wagtail_hooks."""

from django.urls import path

from translation.views import exchange, overview, review

app_name = "translation"

urlpatterns = [
    path("", overview.overview_view, name="overview"),
    path("submit/<int:translation_id>/", review.submit_for_review_view, name="submit_for_review"),
    path("minor/<int:page_id>/", review.mark_minor_view, name="mark_minor"),
    path("export/", exchange.export_view, name="export"),
    path("import/", exchange.import_view, name="import"),
]
