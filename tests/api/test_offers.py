"""
Help offers and requests in the API: ``offers``, ``requests``, ``listing`` and
``Listing.matches``. Lists and filters, the translation a reader gets (down to the
submitter's own language), paging, and the rule that only approved listings before their
end are ever shown, whichever way a client asks; the type has no way to the submitter.
"""

from datetime import timedelta

import pytest
from django.utils import timezone

from graphql_api.offers.enums import DistrictEnum, ListingDirectionEnum, ListingKindEnum
from graphql_api.schema import schema
from offers.choices import Direction, District, Kind, Status
from offers.models import Listing
from tests.api.helpers import assert_same_query_count, count_queries, data, error_codes, gql
from tests.factories import PartnerPageFactory, TopicFactory, spoken
from tests.offers.people import listing, submitter, translation

FIELDS = "id title description locale direction kind district validUntil publishedAt endsAt translationKey availableLocales machineTranslated topics { slug name locale } languages { code } partner { title }"
OFFERS = "query ($locale: String, $kind: ListingKind, $topic: String, $district: District, $language: String, $partner: ID, $search: String, $first: Int, $after: String) { offers(locale: $locale, kind: $kind, topic: $topic, district: $district, language: $language, partner: $partner, search: $search, first: $first, after: $after) { totalCount pageInfo { hasNextPage endCursor } edges { node { %s } } } }" % FIELDS
REQUESTS = OFFERS.replace("offers(", "requests(")
ONE = "query ($id: ID!, $locale: String) { listing(id: $id, locale: $locale) { %s matches { title direction } } }" % FIELDS
MATCHES = "query ($id: ID!, $first: Int!) { listing(id: $id) { title matches(first: $first) { title kind direction } } }"


def titles(client, query=OFFERS, **variables):
    answer = data(client, query, variables)
    (connection,) = answer.values()
    return [edge["node"]["title"] for edge in connection["edges"]]


def offer(title, **fields):
    return listing(submitter(f"{title.lower().replace(' ', '.')}@example.org"), title=title, **fields)


@pytest.fixture
def owner(db):
    return submitter("lena.sommer@example.org", name="Lena Sommer", phone="+49 341 555 0101", organisation="Sommer GmbH")


# Lists and filters ---------------------------------------------------------------


def test_offers_and_requests_are_two_lists_newest_first(client, owner):
    now = timezone.now()
    listing(owner, title="Fahrrad", approved_at=now - timedelta(days=2))
    listing(owner, title="Sofa", approved_at=now - timedelta(days=1))
    listing(owner, title="Suche Wohnung", direction=Direction.REQUEST, kind=Kind.HOUSING)

    assert titles(client) == ["Sofa", "Fahrrad"]
    assert titles(client, REQUESTS) == ["Suche Wohnung"]


def test_filters_by_kind_topic_district_language_and_partner(client, site_tree, owner):
    housing = TopicFactory(name="Wohnen", slug="wohnen")
    partner = PartnerPageFactory(parent=site_tree.partners, title="Caritas")
    flat = listing(owner, title="Zimmer frei", kind=Kind.HOUSING, district=District.SUED, partner=partner)
    flat.topics.add(housing)
    flat.languages.add(*spoken("ar"))
    listing(owner, title="Fahrrad", kind=Kind.DONATION, district=District.WEST)

    assert titles(client, kind="HOUSING") == ["Zimmer frei"]
    assert titles(client, topic="wohnen") == ["Zimmer frei"]
    assert titles(client, district="SUED") == ["Zimmer frei"]
    assert titles(client, language="ar") == ["Zimmer frei"]
    assert titles(client, partner=str(partner.pk)) == ["Zimmer frei"]
    assert titles(client, kind="JOB") == []
    node = data(client, OFFERS, {"kind": "HOUSING"})["offers"]["edges"][0]["node"]
    assert node["kind"] == "HOUSING" and node["district"] == "SUED" and node["direction"] == "OFFER"
    assert node["topics"] == [{"slug": "wohnen", "name": "Wohnen", "locale": "de"}]
    assert node["languages"] == [{"code": "ar"}]
    assert node["partner"] == {"title": "Caritas"}


def test_a_wrong_filter_value_is_a_coded_error(client, owner):
    assert error_codes(gql(client, OFFERS, {"kind": "CASTLE"})) == ["BAD_USER_INPUT"]
    assert error_codes(gql(client, "{ offers(district: PARIS) { totalCount } }")) == ["GRAPHQL_VALIDATION_FAILED"]
    assert error_codes(gql(client, OFFERS, {"locale": "xx"})) == ["UNKNOWN_LOCALE"]


def test_search_finds_words_of_title_and_description(client, owner):
    listing(owner, title="Kinderwagen", description="Gut erhalten, abzuholen in Connewitz.")
    listing(owner, title="Waschmaschine", description="Funktioniert.")

    assert titles(client, search="Connewitz") == ["Kinderwagen"]
    assert titles(client, search="Waschmaschine") == ["Waschmaschine"]
    assert error_codes(gql(client, OFFERS, {"search": "\x00"})) == ["BAD_USER_INPUT"]


def test_pages_with_cursors(client, owner):
    now = timezone.now()
    for number in range(5):
        listing(owner, title=f"Angebot {number}", approved_at=now - timedelta(hours=number))

    first = data(client, OFFERS, {"first": 2})["offers"]
    assert [edge["node"]["title"] for edge in first["edges"]] == ["Angebot 0", "Angebot 1"]
    assert first["totalCount"] == 5 and first["pageInfo"]["hasNextPage"]
    rest = titles(client, first=10, after=first["pageInfo"]["endCursor"])
    assert rest == ["Angebot 2", "Angebot 3", "Angebot 4"]
    assert error_codes(gql(client, OFFERS, {"first": 101})) == ["PAGE_SIZE_EXCEEDED"]


# The translation a reader gets ------------------------------------------------------


def test_the_reader_gets_their_language_then_the_fallback_then_the_submitters_own(client, owner):
    arabic = listing(owner, title="دراجة للأطفال", description="دراجة زرقاء.", language="ar")
    german = translation(arabic, "de", title="Kinderfahrrad", machine_translated=True)

    def one(locale):
        return data(client, ONE, {"id": str(arabic.pk), "locale": locale})["listing"]

    assert one("ar")["title"] == "دراجة للأطفال" and one("ar")["machineTranslated"] is False
    # French falls back to German, which exists (machine-translated).
    assert one("fr")["title"] == "Kinderfahrrad" and one("fr")["locale"] == "de"
    assert one("fr")["machineTranslated"] is True
    assert one("ar")["availableLocales"] == ["ar", "de"]

    german.delete()
    # Neither French nor German: the submitter's own Arabic text, saying so.
    assert one("fr")["title"] == "دراجة للأطفال" and one("fr")["locale"] == "ar"
    node = data(client, OFFERS, {"locale": "uk"})["offers"]["edges"][0]["node"]
    assert (node["title"], node["locale"]) == ("دراجة للأطفال", "ar")


def test_each_listing_once_per_list_whatever_the_translations(client, owner):
    source = listing(owner, title="Sofa")
    translation(source, "ar", title="أريكة")
    translation(source, "fa", title="کاناپه")

    assert titles(client, locale="prs") == ["کاناپه"]
    assert titles(client, locale="ar") == ["أريكة"]
    assert titles(client, locale="uk") == ["Sofa"]
    assert data(client, OFFERS, {"locale": "prs"})["offers"]["totalCount"] == 1


def test_the_listing_is_found_by_the_id_of_any_translation(client, owner):
    source = listing(owner, title="Sofa")
    arabic = translation(source, "ar", title="أريكة")
    assert data(client, ONE, {"id": str(arabic.pk), "locale": "de"})["listing"]["title"] == "Sofa"
    assert data(client, ONE, {"id": "nonsense"})["listing"] is None


def test_topics_are_in_the_readers_language(client, owner):
    from tests.api.helpers import translate_snippet

    topic = TopicFactory(name="Wohnen", slug="wohnen")
    translate_snippet(topic, "ar", name="السكن")
    flat = listing(owner, title="Zimmer", kind=Kind.HOUSING)
    flat.topics.add(topic)
    node = data(client, ONE, {"id": str(flat.pk), "locale": "ar"})["listing"]
    assert node["topics"] == [{"slug": "wohnen", "name": "السكن", "locale": "ar"}]


def test_the_partner_follows_the_pages_visibility(client, site_tree, owner):
    partner = PartnerPageFactory(parent=site_tree.partners, title="Caritas")
    item = listing(owner, title="Sofa", partner=partner)
    assert data(client, ONE, {"id": str(item.pk)})["listing"]["partner"] == {"title": "Caritas"}
    partner.unpublish()
    assert data(client, ONE, {"id": str(item.pk)})["listing"]["partner"] is None


# Matches ----------------------------------------------------------------------------


def test_matches_are_the_other_direction_and_kind_ranked_by_what_they_share(client, owner):
    housing = TopicFactory(name="Wohnen", slug="wohnen")
    now = timezone.now()
    request = listing(owner, title="Suche Wohnung", direction=Direction.REQUEST, kind=Kind.HOUSING, district=District.SUED)
    request.topics.add(housing)
    request.languages.add(*spoken("ar"))
    newest = listing(owner, title="Neueste Wohnung", kind=Kind.HOUSING, approved_at=now)
    same_district = listing(owner, title="Wohnung im Süden", kind=Kind.HOUSING, district=District.SUED, approved_at=now - timedelta(days=3))
    with_topic = listing(owner, title="Wohnung, Thema Wohnen", kind=Kind.HOUSING, approved_at=now - timedelta(days=5))
    with_topic.topics.add(housing)
    speaking = listing(owner, title="Wohnung, Arabisch", kind=Kind.HOUSING, approved_at=now - timedelta(days=4))
    speaking.languages.add(*spoken("ar"))
    listing(owner, title="Job", kind=Kind.JOB)  # another kind
    listing(owner, title="Andere Suche", direction=Direction.REQUEST, kind=Kind.HOUSING)  # same direction

    found = data(client, MATCHES, {"id": str(request.pk), "first": 5})["listing"]["matches"]
    assert [match["title"] for match in found] == [with_topic.title, same_district.title, speaking.title, newest.title]
    assert {(match["kind"], match["direction"]) for match in found} == {("HOUSING", "OFFER")}
    assert len(data(client, MATCHES, {"id": str(request.pk), "first": 2})["listing"]["matches"]) == 2
    assert error_codes(gql(client, MATCHES, {"id": str(request.pk), "first": 21})) == ["PAGE_SIZE_EXCEEDED"]


def test_matches_of_a_whole_list_cost_the_same_for_5_and_50_listings(client, site_tree, owner):
    housing = TopicFactory(name="Wohnen", slug="wohnen")
    partner = PartnerPageFactory(parent=site_tree.partners, title="Caritas")
    query = (
        "{ requests(first: 50, locale: \"ar\") { edges { node { title matches(first: 3) {"
        " title locale topics { name } languages { code } partner { title } availableLocales } } } } }"
    )

    def add(count):
        for number in range(count):
            for direction in Direction:
                item = listing(owner, title=f"{direction} {number}", direction=direction, kind=Kind.HOUSING, partner=partner)
                item.topics.add(housing)
                item.languages.add(*spoken("ar"))
                translation(item, "ar", title=f"{direction} {number} (ar)")

    add(5)
    data(client, query)  # the first run reads the pages' visibility scope, kept for the next
    with count_queries() as small:
        assert len(data(client, query)["requests"]["edges"]) == 5
    add(45)
    with count_queries() as large:
        answer = data(client, query)["requests"]["edges"]
    assert len(answer) == 50 and len(answer[0]["node"]["matches"]) == 3
    assert_same_query_count(small, large)


def test_moderators_may_see_pending_candidates_marked_readers_never(owner):
    from offers.matching import matches

    request = listing(owner, title="Suche Sofa", direction=Direction.REQUEST, status=Status.PENDING)
    waiting = listing(owner, title="Sofa (wartet)", status=Status.PENDING)
    public = listing(owner, title="Sofa")
    listing(owner, title="Sofa (abgelehnt)", status=Status.REJECTED)
    listing(owner, title="Sofa (unbestätigt)", status=Status.UNCONFIRMED)

    assert matches(request) == [public]
    suggested = matches(request, pending_within=Listing.objects.all())
    assert set(suggested) == {waiting, public}
    assert {item.status for item in suggested} == {Status.PENDING, Status.APPROVED}


# Visibility ---------------------------------------------------------------------------


def hidden(owner, state):
    """A listing in ``state``: every way a listing is not (or no longer) public."""
    now = timezone.now()
    if state == "ended":
        return listing(owner, title="Versteckt", expires_at=now - timedelta(minutes=1))
    return listing(owner, title="Versteckt", status=state)


HIDDEN = [Status.UNCONFIRMED, Status.PENDING, Status.REJECTED, Status.EXPIRED, Status.WITHDRAWN, "ended"]


@pytest.mark.parametrize("state", HIDDEN)
def test_only_approved_listings_before_their_end_appear_anywhere(client, owner, state):
    item = hidden(owner, state)
    translation(item, "ar", title="Versteckt")
    request = listing(owner, title="Suche", direction=Direction.REQUEST)

    assert titles(client) == []
    assert titles(client, locale="ar") == []
    assert titles(client, search="Versteckt") == []
    assert data(client, OFFERS)["offers"]["totalCount"] == 0
    assert data(client, ONE, {"id": str(item.pk)})["listing"] is None
    assert data(client, MATCHES, {"id": str(request.pk), "first": 5})["listing"]["matches"] == []


def test_the_listing_type_has_no_way_to_the_submitter():
    """The field list is a decision: whoever adds a field changes this test."""
    listing_type = schema._schema.get_type("Listing")
    assert sorted(listing_type.fields) == sorted(
        [
            "id", "title", "description", "translationKey", "validUntil", "languages", "direction", "kind",
            "district", "publishedAt", "endsAt", "locale", "availableLocales", "machineTranslated", "topics",
            "partner", "matches",
        ]
    )
    # What it leads to are terms and a public page (a partner's e-mail and phone are the organisation's own).
    for name in ("Topic", "SpokenLanguage"):
        assert not {"email", "phone", "submitter", "organisation"} & set(schema._schema.get_type(name).fields)


def test_no_answer_holds_the_submitters_details(client, site_tree, owner):
    item = listing(owner, title="Sofa", kind=Kind.DONATION)
    listing(owner, title="Suche Sofa", direction=Direction.REQUEST)
    body = client.post(
        "/graphql/", {"query": ONE, "variables": {"id": str(item.pk)}}, content_type="application/json"
    ).content.decode()
    assert "Sofa" in body
    for secret in ("lena.sommer@example.org", "Lena Sommer", "555 0101", "Sommer GmbH", owner.access_token):
        assert secret not in body


def test_the_enums_are_the_model_choices():
    assert {member.value for member in ListingKindEnum} == set(Kind.values)
    assert {member.value for member in ListingDirectionEnum} == set(Direction.values)
    assert {member.value for member in DistrictEnum} == set(District.values)


def test_a_listing_of_the_model_without_approval_date_is_not_public(owner):
    item = listing(owner, status=Status.APPROVED, expires_at=None)
    assert not Listing.objects.public().filter(pk=item.pk).exists()
