from django.urls import path

from . import views

app_name = "kiosk"

urlpatterns = [
    path("qr.svg", views.qr_code, name="qr"),
    path("<slug:slug>/", views.screen, name="screen"),
    path("<slug:slug>/heartbeat", views.heartbeat, name="heartbeat"),
    path("<slug:slug>/sw.js", views.service_worker, name="service_worker"),
]
