"""URLs of partner self-service: the admin's staff pages (below /admin/) and the public welcome page."""

from django.urls import path
from wagtail.admin.auth import require_admin_access

from directory.staff import views

app_name = "partner_staff"
admin_urlpatterns = [
    path("<int:partner_id>/", views.staff, name="staff"),
    path("invitation/<int:invitation_id>/resend/", views.resend, name="resend"),
    path("invitation/<int:invitation_id>/revoke/", views.revoke, name="revoke"),
]
public_urlpatterns = [path("<str:token>/", views.welcome, name="partner_staff_welcome")]
# In front of Wagtail's own (same paths and names, cms/urls.py): partner staff may not see it.
report_urlpatterns = [
    path("page-types-usage/", require_admin_access(views.PageTypesUsageReport.as_view()), name="page_types_usage"),
    path(
        "page-types-usage/results/",
        require_admin_access(views.PageTypesUsageReport.as_view(results_only=True)),
        name="page_types_usage_results",
    ),
]
