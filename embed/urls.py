from django.urls import path

from . import feeds, views

app_name = "embed"

urlpatterns = [
    path("embed/widget.js", views.widget_js, name="widget"),
    path("feeds/events/partner/<slug:slug>.ics", feeds.partner_events, name="partner_events_feed"),
    path("feeds/events/topic/<slug:slug>.ics", feeds.topic_events, name="topic_events_feed"),
]
