"""
Nothing personal leaves the platform, and nothing unapproved does either.

Listings whose submitters, answerers and reporters have distinctive e-mail addresses,
names, phone numbers and texts are put beside ordinary content; then every public surface
is asked for everything it shows: every root field of the API with every field selected
(built from the schema, so a new field or type is covered as soon as it exists), in German
and Arabic; every listing by id; search; the calendar feeds; the widget script; the kiosk
screen; the website's pages, lists, details, sitemaps and search. None of the personal
strings, and nothing of an unconfirmed, pending, rejected, expired or withdrawn listing,
may appear anywhere. The approved listings must appear, or the test proves nothing.
"""

import datetime
import json
from datetime import timedelta

import pytest
from django.utils import timezone
from graphql import GraphQLNonNull

from graphql_api import limits
from kiosk.models import KioskScreen, generate_secret
from offers.choices import Direction, Kind, ReportReason, Status
from offers.models import Report, RoomRequest
from tests.api.helpers import gql
from tests.api.test_query_counts_every_field import MAX_DEPTH, graphql_schema, list_root_fields, selection
from tests.factories import EventPageFactory, GuidePageFactory, PartnerPageFactory, PlaceFactory, TopicFactory
from tests.offers import people

pytestmark = pytest.mark.django_db

#: What must never be public: contact details, tokens, relayed and reported texts.
PERSONAL = [
    "quirin.leakcheck@example.org", "Quirin Leakcheck", "+49 341 2468013", "2468013", "Leakcheck Hausverwaltung",
    "rahel.privat@example.org", "Rahel Privatova", "+380 44 1357924", "1357924",
    "answering.reader@example.net", "Geheime Antwort an Quirin", "Gemeldet wegen Betrug XQ",
]
#: Titles of listings that are not public (never approved, or ended).
HIDDEN = {
    Status.UNCONFIRMED: "Unbestaetigt Nähmaschine", Status.PENDING: "Wartend Kühlschrank",
    Status.REJECTED: "Abgelehnt Werbung", Status.EXPIRED: "Abgelaufen Winterjacke",
    Status.WITHDRAWN: "Zurueckgezogen Sofa",
}
PUBLIC = ["Fahrradwerkstatt Angebot", "Sprachtandem gesucht"]


@pytest.fixture
def world(site_tree):
    now = timezone.now()
    topic = TopicFactory(slug="alltag")
    partner = PartnerPageFactory(parent=site_tree.partners, title="Nachbarschaftsnetz", slug="netz", topics=[topic])
    EventPageFactory(
        parent=site_tree.events, title="Nachbarschaftsfest", slug="fest", organiser=partner, topics=[topic],
        start=now + timedelta(days=2), end=now + timedelta(days=2, hours=2), place=PlaceFactory(),
    )
    GuidePageFactory(parent=site_tree.guides, title="Fahrrad fahren in Leipzig", slug="fahrrad", topics=[topic])

    quirin = people.submitter(
        "quirin.leakcheck@example.org", name="Quirin Leakcheck", phone="+49 341 2468013",
        organisation="Leakcheck Hausverwaltung",
    )
    rahel = people.submitter("rahel.privat@example.org", name="Rahel Privatova", phone="+380 44 1357924", language="uk")
    offer = people.listing(quirin, title=PUBLIC[0], description="Reparaturen für Fahrrad und Kinderwagen.", kind=Kind.VOLUNTEERING, partner=partner)
    offer.topics.add(topic)
    request = people.listing(rahel, title=PUBLIC[1], direction=Direction.REQUEST, kind=Kind.TANDEM, language="uk",
                             description="Ukrainisch gegen Deutsch, Fahrrad inklusive.")
    people.translation(request, "ar", title="أبحث عن شريك لتبادل اللغة")
    chat = people.conversation(offer, reader_email="answering.reader@example.net", texts=[("reader", "Geheime Antwort an Quirin")])
    Report.objects.create(listing=offer, reason=ReportReason.FRAUD, text="Gemeldet wegen Betrug XQ")
    hidden = []
    for status, title in HIDDEN.items():
        fields = {"expires_at": now - timedelta(days=1)} if status == Status.EXPIRED else {}
        hidden.append(people.listing(quirin, status=status, title=title, description=f"{title} Fahrrad", **fields))
    hidden.append(people.translation(hidden[1], "ar", title="مخفي تماما"))
    raw_secret, secret_hash = generate_secret()
    KioskScreen.objects.create(name="Eingang", slug="eingang", place=PlaceFactory(), locales=["de", "ar"], default_locale="de", secret_hash=secret_hash)
    secrets = [quirin.access_token, rahel.access_token, chat.reader_token, chat.owner_token]
    return {"offer": offer, "request": request, "hidden": hidden, "secrets": secrets, "partner": partner, "topic": topic}


def assert_nothing_private(text, where, secrets):
    for value in [*PERSONAL, *secrets, *HIDDEN.values(), "مخفي تماما"]:
        assert value not in text, f"{value!r} appears in {where}"


def api_documents(world):
    """Every root field with every field selected, in German and Arabic; every listing by id."""
    fields = graphql_schema().query_type.fields
    arguments = {"events": f'from: "{(timezone.now() - timedelta(days=1)).isoformat()}", to: "{(timezone.now() + timedelta(days=30)).isoformat()}"',
                 "search": 'query: "Fahrrad"', "interfaceLabels": 'locale: "{locale}"'}
    for locale in ("de", "ar"):
        for name in list_root_fields() + ["interfaceLabels", "locales"]:
            given = [arguments[name].format(locale=locale)] if name in arguments else []
            if "locale" in fields[name].args and name != "interfaceLabels":
                given.append(f'locale: "{locale}"')
            if "first" in fields[name].args:
                given.append("first: 50")
            yield f"{{ {name}{'(' + ', '.join(given) + ')' if given else ''} {selection(fields[name].type, MAX_DEPTH, set())} }}"
        for name in ("offers", "requests"):
            yield f'{{ {name}(locale: "{locale}", search: "Fahrrad") {selection(fields[name].type, MAX_DEPTH, set())} }}'
        listing_selection = selection(fields["listing"].type, MAX_DEPTH, set())
        for item in [world["offer"], world["request"], *world["hidden"]]:
            yield f'{{ listing(id: "{item.pk}", locale: "{locale}") {listing_selection} }}'
        for name, value in (("partner", "netz"), ("event", "fest"), ("guide", "fahrrad")):
            yield f'{{ {name}(slug: "{value}", locale: "{locale}") {selection(fields[name].type, MAX_DEPTH, set())} }}'
    required = [name for name, field in fields.items() if any(isinstance(a.type, GraphQLNonNull) for a in field.args.values())]
    assert set(required) <= {"search", "place", "listing", "preview", "interfaceLabels"}, f"new root fields with required arguments: {required}"


def test_the_api_shows_no_personal_data_and_nothing_unapproved(client, world, monkeypatch):
    monkeypatch.setattr(limits, "MAX_COST", 1_000_000)
    seen = ""
    for document in api_documents(world):
        body = gql(client, document)
        body.pop("_response")
        text = json.dumps(body, ensure_ascii=False)
        assert_nothing_private(text, document[:60], world["secrets"])
        seen += text
    for title in [*PUBLIC, "أبحث عن شريك لتبادل اللغة"]:
        assert title in seen, f"the approved listing {title!r} was not found: the test sees no listings"


def website_paths(world):
    ids = [world["offer"].pk, world["request"].pk, *(item.pk for item in world["hidden"])]
    for lang in ("de", "ar", "uk"):
        yield from [f"/{lang}/", f"/{lang}/offers/", f"/{lang}/requests/", f"/{lang}/sitemap.xml",
                    f"/{lang}/search/?q=Fahrrad", f"/{lang}/services/", f"/{lang}/events/", f"/{lang}/rooms/",
                    f"/{lang}/offers/new/", f"/{lang}/offers/?kind=tandem", f"/{lang}/partners/netz/",
                    f"/{lang}/events/fest/", f"/{lang}/guides/fahrrad/"]
        for pk in ids:
            yield from [f"/{lang}/offers/{pk}/", f"/{lang}/offers/{pk}/answer/", f"/{lang}/offers/{pk}/report/"]
    yield from ["/sitemap.xml", "/feeds/events/partner/netz.ics", "/feeds/events/topic/alltag.ics",
                "/feeds/events/topic/alltag.ics?locale=ar", "/embed/widget.js", "/kiosk/eingang/"]


def test_no_page_feed_or_script_shows_personal_data_or_anything_unapproved(client, world):
    seen = {}
    for path in website_paths(world):
        response = client.get(path, follow=True)
        content = b"".join(response.streaming_content) if response.streaming else response.content
        text = content.decode()
        assert_nothing_private(text, path, world["secrets"])
        seen[path] = (response.status_code, text)
    # The approved ones are listed and have their page; the others have none.
    assert PUBLIC[0] in seen["/de/offers/"][1] and PUBLIC[1] in seen["/de/requests/"][1]
    assert seen[f"/de/offers/{world['offer'].pk}/"][0] == 200
    for item in world["hidden"]:
        assert seen[f"/de/offers/{item.pk}/"][0] == 404
