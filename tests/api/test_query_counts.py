"""
Every list costs the same number of SQL queries for 2 items as for 4, nested topics,
places, images and renditions included (no N+1 anywhere a list reaches).

Two items are the fewest that show a query per item, four double them: each item has every
nested relation filled, so a per-item query anywhere in the tree would show as a difference.
"""

import datetime

import pytest
import wagtail_factories

from directory.models import OpeningInterval, Room
from tests.api.helpers import assert_same_query_count, count_queries, data
from tests.factories import (
    AudienceFactory,
    EventPageFactory,
    GuidePageFactory,
    PartnerPageFactory,
    PlaceFactory,
    ServicePageFactory,
    TopicFactory,
    spoken,
)

IMAGE = "image { alt width rendition(size: THUMBNAIL) { url width height } }"

QUERIES = {
    "guides": f"""{{ guides(first: 100) {{ totalCount edges {{ node {{
        title locale urlPath availableLocales {IMAGE} topics {{ name locale }} audiences {{ name }} }} }} }} }}""",
    "services": f"""{{ services(first: 100) {{ totalCount edges {{ node {{
        title locale {IMAGE} topics {{ name }} audiences {{ name }} languages {{ code }} channels openNow
        places {{ name rooms {{ name }} }} provider {{ title places {{ name }} }}
        openingHours {{ weekly {{ weekday place {{ name }} }} exceptions {{ note }} }} }} }} }} }}""",
    "partners": f"""{{ partners(first: 100) {{ totalCount edges {{ node {{
        title kind {IMAGE} logo {{ alt }} topics {{ name }} languages {{ code }} places {{ name rooms {{ name }} }}
        services {{ title topics {{ name }} places {{ name }} }} }} }} }} }}""",
    "events": f"""{{ events(first: 100, from: "2026-01-01T00:00:00Z", to: "2026-03-01T00:00:00Z") {{
        totalCount edges {{ node {{ start event {{
        title locale {IMAGE} topics {{ name }} audiences {{ name }} languages {{ code }}
        place {{ name rooms {{ name }} }} organiser {{ title }} cancelledDates }} }} }} }} }}""",
    "search": f"""{{ search(query: "Leipzig", first: 100) {{ totalCount edges {{ node {{
        __typename title locale availableLocales ... on ContentPage {{ {IMAGE} topics {{ name }} }} }} }} }} }}""",
}


class Builder:
    """Adds items with every nested relation filled, so N+1 queries would show."""

    def __init__(self, tree):
        self.tree = tree
        self.topic = TopicFactory()
        self.audience = AudienceFactory()
        self.languages = spoken("ar", "fa")
        self.count = 0

    def common(self):
        self.count += 1
        place = PlaceFactory()
        Room.objects.create(place=place, name="Raum", capacity=10)
        return {
            "title": f"Leipzig {self.count}",
            "image": wagtail_factories.ImageFactory(),
            "topics": [self.topic, TopicFactory()],
        }, place

    def guides(self):
        fields, _ = self.common()
        GuidePageFactory(parent=self.tree.guides, audiences=[self.audience], **fields)

    def partners(self):
        fields, place = self.common()
        partner = PartnerPageFactory(
            parent=self.tree.partners, places=[place], languages=self.languages,
            logo=wagtail_factories.ImageFactory(), **fields,
        )
        ServicePageFactory(parent=partner, places=[place], topics=[self.topic])
        return partner, place

    def services(self):
        partner, place = self.partners()
        fields, _ = self.common()
        service = ServicePageFactory(
            parent=partner, places=[place], audiences=[self.audience], languages=self.languages, **fields
        )
        OpeningInterval.objects.create(
            page=service, weekday=1, opens=datetime.time(9), closes=datetime.time(12), place=place
        )

    def events(self):
        fields, place = self.common()
        partner = PartnerPageFactory(parent=self.tree.partners)
        EventPageFactory(
            parent=self.tree.events, place=place, organiser=partner, audiences=[self.audience],
            languages=self.languages, start=datetime.datetime(2026, 2, 1, 10, tzinfo=datetime.UTC),
            end=datetime.datetime(2026, 2, 1, 12, tzinfo=datetime.UTC), recurrence_rule="FREQ=WEEKLY;COUNT=2",
            **fields,
        )

    def search(self):
        self.guides()


def measure(client, query):
    data(client, query)  # first run creates the renditions
    with count_queries() as captured:
        result = data(client, query)
    return captured, result


def edges_per_item(field):
    """Each service builder also adds its partner's own service; each event occurs twice."""
    return {"services": 2, "events": 2}.get(field, 1)


@pytest.mark.parametrize("field", list(QUERIES))
def test_query_count_is_the_same_for_2_and_4_items(client, site_tree, field):
    builder = Builder(site_tree)
    add = getattr(builder, field)
    for _ in range(2):
        add()
    small, small_result = measure(client, QUERIES[field])
    for _ in range(2):
        add()
    large, large_result = measure(client, QUERIES[field])

    assert small_result[field]["totalCount"] == len(small_result[field]["edges"]) == 2 * edges_per_item(field)
    assert large_result[field]["totalCount"] == len(large_result[field]["edges"]) == 4 * edges_per_item(field)
    assert_same_query_count(small, large)
