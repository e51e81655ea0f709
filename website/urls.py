"""
The public website: ``/<language>/…`` for every content locale (``translation.locales``).

The language segment only matches codes of ``settings.WELCOME_LOCALES``, so any other
first segment is left to the URLs after these (Wagtail's own).
"""

from django.conf import settings
from django.urls import path, register_converter

from website.views import (
    directory, events, feedback, guides, handouts, home, listings, my_data, offer_forms, offline, paths, search, seo,
)


class LanguageConverter:
    regex = "|".join(sorted((entry["code"] for entry in settings.WELCOME_LOCALES), key=len, reverse=True))

    def to_python(self, value):
        return value

    def to_url(self, value):
        return value


register_converter(LanguageConverter, "language")

app_name = "website"

urlpatterns = [
    path("", home.choose_language, name="root"),
    path("sitemap.xml", seo.sitemap_index, name="sitemap_index"),
    path("sw.js", offline.service_worker, name="service_worker"),
    path("<language:lang>/", home.home, name="home"),
    path("<language:lang>/manifest.webmanifest", offline.manifest, name="manifest"),
    path("<language:lang>/sitemap.xml", seo.sitemap, name="sitemap"),
    path("<language:lang>/offline/", offline.offline, name="offline"),
    path("<language:lang>/topics/<slug:slug>/", guides.topic, name="topic"),
    path("<language:lang>/guides/<slug:slug>/", guides.guide, name="guide"),
    path("<language:lang>/guides/<slug:slug>/handout.pdf", handouts.guide_handout, name="guide_handout"),
    path("<language:lang>/services/", directory.services, name="services"),
    path("<language:lang>/services/<slug:slug>/", directory.service, name="service"),
    path("<language:lang>/partners/<slug:slug>/", directory.partner, name="partner"),
    path("<language:lang>/events/", events.calendar, name="events"),
    path("<language:lang>/events/<slug:slug>/", events.event, name="event"),
    path("<language:lang>/events/<slug:slug>/calendar.ics", events.calendar_file, name="event_calendar"),
    path("<language:lang>/search/", search.search, name="search"),
    # Help offers and requests: the lists and one listing (website/views/listings.py).
    path("<language:lang>/offers/", listings.offers, name="offers"),
    path("<language:lang>/requests/", listings.requests, name="requests"),
    path("<language:lang>/offers/<int:listing_id>/", listings.listing, name="listing"),
    # A submitter's own pages, through the links in our e-mails (website/views/my_data.py).
    path("<language:lang>/my-data/<str:token>/", my_data.my_data, name="my_data"),
    path("<language:lang>/my-data/<str:token>/export.json", my_data.export, name="my_data_export"),
    path("<language:lang>/my-data/<str:token>/delete/", my_data.delete, name="my_data_delete"),
    path("<language:lang>/my-data/<str:token>/withdraw/<int:listing_id>/", my_data.withdraw, name="my_data_withdraw"),
    path("<language:lang>/offers/extend/<str:token>/", my_data.extend, name="offer_extend"),
    # What the public submits, and the pages its e-mails link to (website/views/offer_forms.py).
    path("<language:lang>/offers/new/", offer_forms.new_listing, name="offer_new"),
    path("<language:lang>/offers/sent/", offer_forms.sent_page, name="offer_sent"),
    path("<language:lang>/offers/<int:listing_id>/answer/", offer_forms.answer, name="offer_answer"),
    path("<language:lang>/offers/<int:listing_id>/report/", offer_forms.report, name="offer_report"),
    path("<language:lang>/offers/confirm/<str:token>/", offer_forms.confirm, name="offer_confirm"),
    path("<language:lang>/offers/answer/<str:token>/", offer_forms.conversation, name="offer_conversation"),
    path("<language:lang>/rooms/", offer_forms.room_request, name="room_request"),
    # "Was this helpful?" and "Report a mistake" of every item page (website/views/feedback.py).
    path("<language:lang>/feedback/<int:page_id>/", feedback.feedback, name="feedback"),
    path("<language:lang>/feedback/thanks/", feedback.thanks, name="feedback_thanks"),
    # Last: any other path below a language is a Wagtail page path (the API's urlPath).
    path("<language:lang>/<path:url_path>", paths.by_url_path, name="by_url_path"),
]
