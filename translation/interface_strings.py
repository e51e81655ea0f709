"""
Every interface string of our front ends (kiosk, widget, website), declared once.

A key names the string for code and for translators; its default is an English gettext
message, so our catalogues (``locale/``, ``kiosk/locale/``, ``embed/locale/``) translate it
as before. Translators override the text of any key in any locale with an *Interface
label* snippet; ``translation.labels`` resolves the two along the fallback chain.

Keys are ``<front end>.<camelCase>``: ``common.*`` is shown by every front end, the rest
by one. A front end receives ``common.*`` and its own strings without the namespace
(``kiosk.chooseLanguage`` → ``chooseLanguage``), so the two must never share a name.

The defaults are marked with ``gettext_noop``: they are extracted like any message, and
translated when a reader's locale is known (into many locales per request).
"""

import re

from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy, gettext_noop

COMMON = "common"

#: key → English msgid (the gettext default).
STRINGS = {
    # Shared by the kiosk and the widget.
    "common.events": gettext_noop("Events"),
    "common.guides": gettext_noop("Guides"),
    "common.loading": gettext_noop("Loading …"),
    "common.machineNotice": gettext_noop("This text was translated by a machine and has not yet been checked by a person."),
    "common.offers": gettext_noop("Help offers"),
    "common.online": gettext_noop("online"),
    "common.requests": gettext_noop("Requests for help"),
    "common.services": gettext_noop("Services"),
    "common.sourceUpdated": gettext_noop("The German version was updated on %(date)s; this translation may be out of date."),
    "common.unavailable": gettext_noop("This content is not available right now."),
    # Reader feedback on an item (website, kiosk, widget; freshness.feedback).
    "common.helpfulQuestion": gettext_noop("Was this helpful?"),
    "common.helpfulYes": gettext_noop("Yes"),
    "common.helpfulNo": gettext_noop("No"),
    "common.feedbackThanks": gettext_noop("Thank you! Your feedback helps us keep this page correct."),
    "common.feedbackFailed": gettext_noop("That did not work. Please try again later."),
    # Kiosk screens in the Stadthaus.
    "kiosk.announcement": gettext_noop("Announcement"),
    "kiosk.appointmentRecommended": gettext_noop("Appointment recommended"),
    "kiosk.appointmentRequired": gettext_noop("Appointment required"),
    "kiosk.back": gettext_noop("Back"),
    "kiosk.chooseLanguage": gettext_noop("Choose your language"),
    "kiosk.closed": gettext_noop("closed"),
    "kiosk.contact": gettext_noop("Contact"),
    "kiosk.email": gettext_noop("E-mail"),
    "kiosk.home": gettext_noop("Start"),
    "kiosk.hours": gettext_noop("%(n)s h"),
    "kiosk.languagesSpoken": gettext_noop("Languages spoken"),
    "kiosk.minutes": gettext_noop("%(n)s min"),
    "kiosk.noEvents": gettext_noop("No events."),
    "kiosk.noListings": gettext_noop("Nothing here right now."),
    "kiosk.noneOpen": gettext_noop("Nothing is open right now."),
    "kiosk.offline": gettext_noop("No connection. Showing content from %(age)s ago; trying again."),
    "kiosk.openNow": gettext_noop("Open now"),
    "kiosk.openNowNearby": gettext_noop("Counselling open now, here and nearby"),
    "kiosk.openingHours": gettext_noop("Opening hours"),
    "kiosk.opensNext": gettext_noop("Opening next"),
    "kiosk.phone": gettext_noop("Phone"),
    "kiosk.scanToOpen": gettext_noop("Scan to open on your phone"),
    "kiosk.somethingWrong": gettext_noop("Something here is wrong"),
    "kiosk.thisWeek": gettext_noop("This week"),
    "kiosk.today": gettext_noop("Today"),
    "kiosk.topics": gettext_noop("Topics"),
    "kiosk.web": gettext_noop("Website"),
    # The partner widget.
    "widget.empty": gettext_noop("Nothing to show right now."),
    "widget.source": gettext_noop("Information from the Welcome Centre Leipzig"),
    # The public website.
    "website.addDateToCalendar": gettext_noop("Add this date to my calendar"),
    "website.addSeriesToCalendar": gettext_noop("Add all dates to my calendar"),
    "website.addToCalendar": gettext_noop("Add to my calendar"),
    "website.allEvents": gettext_noop("All events"),
    "website.announcements": gettext_noop("News from the Welcome Centre"),
    "website.allServices": gettext_noop("All counselling services"),
    "website.allTopics": gettext_noop("All topics"),
    "website.anyLanguage": gettext_noop("Any language"),
    "website.badDate": gettext_noop("This date could not be read."),
    "website.closed": gettext_noop("closed"),
    "website.contact": gettext_noop("Contact"),
    "website.dates": gettext_noop("Dates"),
    "website.distance": gettext_noop("%(km)s km away"),
    "website.earlier": gettext_noop("Earlier"),
    "website.empty": gettext_noop("Nothing found."),
    "website.filter": gettext_noop("Show"),
    "website.downloadPdf": gettext_noop("Download as PDF (for printing)"),
    "website.footer": gettext_noop("Welcome Centre Leipzig, in the Stadthaus: information and counselling for newcomers."),
    "website.handoutQrCode": gettext_noop("QR code: this guide on the website"),
    "website.handoutReadOnline": gettext_noop("Scan the code or open this address to read the guide online, in other languages too:"),
    "website.home": gettext_noop("Home"),
    "website.kilometres": gettext_noop("%(km)s km"),
    "website.language": gettext_noop("Language"),
    "website.languageSpoken": gettext_noop("Language spoken"),
    "website.languagesSpoken": gettext_noop("Languages spoken"),
    "website.lastReviewed": gettext_noop("Last reviewed:"),
    "website.later": gettext_noop("Later"),
    "website.locating": gettext_noop("Finding your location …"),
    "website.locationInvalid": gettext_noop("This location cannot be used: the latitude must be between -90 and 90, the longitude between -180 and 180 and the distance 1, 2, 5 or 10 km."),
    "website.locationPrivacy": gettext_noop("Your location is sent to our server only as part of this search and is not stored."),
    "website.locationUnavailable": gettext_noop("Your location could not be found. You can still choose a topic or a language."),
    "website.machineTranslatedShort": gettext_noop("Machine-translated"),
    "website.mainNavigation": gettext_noop("Main navigation"),
    "website.more": gettext_noop("More"),
    "website.nearChosen": gettext_noop("Sorted by distance: services within %(km)s km of your location."),
    "website.nearDistance": gettext_noop("Distance"),
    "website.nearStop": gettext_noop("Stop using my location"),
    "website.noEvents": gettext_noop("No events."),
    "website.noneOpen": gettext_noop("Nothing is open right now."),
    "website.notFoundText": gettext_noop("This page does not exist or is no longer public. Search for what you were looking for, or start on the home page."),
    "website.notFoundTitle": gettext_noop("Page not found"),
    "website.offlineText": gettext_noop("You are offline. Pages you opened before can still be read."),
    "website.offlineTitle": gettext_noop("No connection"),
    "website.openNow": gettext_noop("Open now"),
    "website.openingHours": gettext_noop("Opening hours"),
    "website.organiser": gettext_noop("Organiser"),
    "website.print": gettext_noop("Print"),
    "website.refusedTitle": gettext_noop("We could not understand this address"),
    "website.register": gettext_noop("Register"),
    "website.resultCount": gettext_noop("Results: %(n)s"),
    "website.search": gettext_noop("Search"),
    "website.searchWords": gettext_noop("Search words"),
    "website.siteName": gettext_noop("Welcome Centre Leipzig"),
    "website.skipToContent": gettext_noop("Skip to content"),
    "website.tagline": gettext_noop("Arrival, residence, work, housing, language courses, health, school and kita: information and counselling in your language."),
    "website.thisWeek": gettext_noop("This week"),
    "website.topic": gettext_noop("Topic"),
    "website.topics": gettext_noop("Topics"),
    "website.useMyLocation": gettext_noop("Use my location"),
    "website.welcome": gettext_noop("Welcome to Leipzig"),
    # The submitter's own pages: their data (GDPR art. 15, 17, 20) and the reminder's extend link.
    "website.myDataTitle": gettext_noop("Your data"),
    "website.myDataIntro": gettext_noop("This is everything the Welcome Centre holds about you. Only you can open this page, through the link in our e-mails: please do not pass it on."),
    "website.myDataContact": gettext_noop("Your contact details"),
    "website.myDataName": gettext_noop("Name"),
    "website.myDataEmail": gettext_noop("E-mail address"),
    "website.myDataPhone": gettext_noop("Phone"),
    "website.myDataOrganisation": gettext_noop("Organisation"),
    "website.myDataListings": gettext_noop("Your offers and requests"),
    "website.myDataAnswers": gettext_noop("Your answers to other entries"),
    "website.myDataRooms": gettext_noop("Your room requests"),
    "website.myDataNothing": gettext_noop("None."),
    "website.myDataStatus": gettext_noop("Status"),
    "website.myDataSubmitted": gettext_noop("Sent on %(date)s"),
    "website.myDataEnds": gettext_noop("Online until %(date)s"),
    "website.myDataMessages": gettext_noop("Messages you wrote: %(count)s; messages you received: %(received)s"),
    "website.myDataWithdraw": gettext_noop("Withdraw this entry"),
    "website.myDataWithdrawn": gettext_noop("The entry has been withdrawn. It is no longer shown and will be deleted."),
    "website.myDataRetention": gettext_noop("Entries that have ended are deleted, with your contact details, %(days)s days later."),
    "website.myDataExport": gettext_noop("Download all my data (JSON)"),
    "website.myDataDelete": gettext_noop("Delete all my data"),
    "website.myDataDeleteText": gettext_noop("This deletes everything we hold about you at once: your contact details, your offers and requests with their translations and messages, your answers to others and your room requests. A room booking that was already confirmed stays in the calendar with the group's name only. This cannot be undone."),
    "website.myDataDeleteButton": gettext_noop("Yes, delete everything"),
    "website.myDataDeleted": gettext_noop("Your data has been deleted."),
    "website.back": gettext_noop("Back"),
    "website.extendTitle": gettext_noop("Keep your entry online"),
    "website.extendText": gettext_noop("Keep this entry online for another %(days)s days? This is possible once."),
    "website.extendButton": gettext_noop("Keep it online"),
    "website.extended": gettext_noop("Done: your entry stays online until %(date)s."),
    "website.extendUsed": gettext_noop("This entry has already been extended once; it cannot be extended again."),
    "website.extendEnded": gettext_noop("This entry has already ended. You are welcome to send it again."),
    # The forms of help offers and requests, room requests, and the pages their e-mails link to.
    "website.offerNewTitle": gettext_noop("Offer help"),
    "website.requestNewTitle": gettext_noop("Ask for help"),
    "website.offerFormIntro": gettext_noop("Offer or ask for something: donations, volunteering, mentoring, a language tandem, housing, a job or an apprenticeship. Our team checks every entry before it is published."),
    "website.fieldDirection": gettext_noop("I want to"),
    "website.directionOffer": gettext_noop("offer something"),
    "website.directionRequest": gettext_noop("ask for something"),
    "website.fieldKind": gettext_noop("What is it about?"),
    "website.fieldTitle": gettext_noop("Title"),
    "website.fieldDescription": gettext_noop("Description"),
    "website.fieldDistrict": gettext_noop("District"),
    "website.anyDistrict": gettext_noop("Anywhere in Leipzig"),
    "website.fieldLanguages": gettext_noop("Languages in which you can be contacted"),
    "website.fieldValidUntil": gettext_noop("Valid until (optional)"),
    "website.fieldName": gettext_noop("Your name"),
    "website.fieldEmail": gettext_noop("Your e-mail address"),
    "website.fieldPhone": gettext_noop("Phone (optional, for our team only)"),
    "website.fieldOrganisation": gettext_noop("Organisation (optional)"),
    "website.contactPrivate": gettext_noop("Your name, e-mail address and phone number are never published. We send you a link to confirm your e-mail address."),
    "website.privacyConsent": gettext_noop("I agree that the Welcome Centre stores my details to check and publish this and to pass on answers; they are deleted %(days)s days after it ended."),
    "website.send": gettext_noop("Send"),
    "website.formErrors": gettext_noop("Please correct the marked fields."),
    "website.formTrap": gettext_noop("Leave this field empty"),
    "website.answerTitle": gettext_noop("Answer this entry"),
    "website.answerIntro": gettext_noop("We forward your message by e-mail; the other side does not see your e-mail address."),
    "website.answerText": gettext_noop("Your message"),
    "website.reportTitle": gettext_noop("Report this entry"),
    "website.reportReason": gettext_noop("What is wrong?"),
    "website.reportText": gettext_noop("Details (optional)"),
    "website.reportedTitle": gettext_noop("Thank you"),
    "website.reportedText": gettext_noop("Our team will look at this entry."),
    "website.reportMistake": gettext_noop("Report a mistake"),
    "website.mistakeText": gettext_noop("What is wrong? Please leave out your e-mail address and phone number: we correct the page, we do not answer."),
    "website.roomTitle": gettext_noop("Ask for a room in the Stadthaus"),
    "website.roomIntro": gettext_noop("Groups and migrant organisations can use rooms in the Stadthaus for their events free of charge. Our team decides and writes to you."),
    "website.noRooms": gettext_noop("No rooms can be requested right now."),
    "website.fieldRoom": gettext_noop("Room"),
    "website.roomCapacity": gettext_noop("%(n)s people"),
    "website.fieldGroup": gettext_noop("Group or organisation"),
    "website.fieldEventTitle": gettext_noop("Title of the event"),
    "website.fieldStart": gettext_noop("Starts"),
    "website.fieldEnd": gettext_noop("Ends"),
    "website.fieldAttendees": gettext_noop("Expected people"),
    "website.sentTitle": gettext_noop("Please check your e-mail"),
    "website.sentText": gettext_noop("We have sent you a link. Nothing goes further before you open it."),
    "website.confirmTitle": gettext_noop("Confirmation"),
    "website.confirmText": gettext_noop("Please press the button to confirm."),
    "website.confirmButton": gettext_noop("Confirm"),
    "website.confirmedListing": gettext_noop("Thank you! Your entry is confirmed. Our team checks it before it is published."),
    "website.confirmedRoom": gettext_noop("Thank you! Your room request is confirmed. Our team decides and writes to you."),
    "website.confirmedAnswer": gettext_noop("Thank you! Your message has been forwarded."),
    "website.alreadyConfirmed": gettext_noop("This was already confirmed."),
    "website.conversationTitle": gettext_noop("Conversation"),
    "website.messageFromYou": gettext_noop("You"),
    "website.messageFromOther": gettext_noop("The other side"),
    "website.messageSent": gettext_noop("Your message has been forwarded."),
    # Help offers and requests: the lists and one listing (website/views/listings.py).
    "website.offersIntro": gettext_noop("People, associations and employers in Leipzig offer things, help, flats and work. Our team checked every entry."),
    "website.requestsIntro": gettext_noop("People in Leipzig are looking for help, things, a flat or work. Can you help? Answer through our form."),
    "website.anyKind": gettext_noop("Everything"),
    "website.listingEnds": gettext_noop("Online until %(date)s"),
    "website.listingContact": gettext_noop("The contact details of the person who wrote this are not shown. Answer through our form: we forward your message by e-mail."),
    "website.matchingOffers": gettext_noop("Offers that may fit"),
    "website.matchingRequests": gettext_noop("Requests that may fit"),
    "website.latestOffers": gettext_noop("New help offers and requests"),
}

PLACEHOLDER = re.compile(r"%\((\w+)\)s")


def choices():
    """The keys as choices of the snippet's key field, each with its default text (in the admin's language)."""
    return [(key, format_lazy("{} — {}", key, gettext_lazy(message))) for key, message in STRINGS.items()]


def short_key(key):
    """The name a front end reads: ``kiosk.chooseLanguage`` → ``chooseLanguage``."""
    return key.split(".", 1)[1]


def shown_by(key, front_end):
    """Whether ``front_end`` (``kiosk``, ``widget``) shows the string ``key``."""
    return key.split(".", 1)[0] in {COMMON, front_end}


def placeholders(text):
    """The ``%(name)s`` placeholders a front end fills into ``text``."""
    return set(PLACEHOLDER.findall(text))
