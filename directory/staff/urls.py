"""URLs of partner self-service: the admin's staff pages (below /admin/) and the public welcome page."""

from django.urls import path

from directory.staff import views

app_name = "partner_staff"
admin_urlpatterns = [
    path("<int:partner_id>/", views.staff, name="staff"),
    path("invitation/<int:invitation_id>/resend/", views.resend, name="resend"),
    path("invitation/<int:invitation_id>/revoke/", views.revoke, name="revoke"),
]
public_urlpatterns = [path("<str:token>/", views.welcome, name="partner_staff_welcome")]
