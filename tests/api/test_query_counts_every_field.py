"""
Every list costs the same number of SQL queries for 5 items as for 50, whatever a client
selects: the query of each list root field is built from the schema itself and selects
*every* field, scalar and nested, recursively (a type already on the path is not entered
again), through every interface and union member, with required arguments filled.

A new field, type or list root field is covered as soon as it is in the schema; a new list
root field needs a way to add its items (``Content``), or the test says which is missing.
``test_query_counts.py`` keeps the hand-written selections the front ends send.
"""

import datetime

import pytest
import wagtail_factories
from django.core.files.base import ContentFile
from graphql import (
    GraphQLInterfaceType,
    GraphQLList,
    GraphQLNonNull,
    GraphQLObjectType,
    GraphQLUnionType,
    Undefined,
    get_named_type,
    is_leaf_type,
)
from wagtail.blocks import StreamValue
from wagtail.documents import get_document_model

from directory.models import OpeningException, OpeningInterval, Room
from graphql_api import limits
from graphql_api.schema import schema
from offers.choices import Direction
from pages.blocks import GuideBodyBlock
from pages.models import EventCancellation
from taxonomy.models import SpokenLanguage
from tests.api.helpers import assert_same_query_count, count_queries, data
from tests.api.test_query_counts import Builder
from tests.factories import (
    AudienceFactory,
    EventPageFactory,
    GuidePageFactory,
    PartnerPageFactory,
    PlaceFactory,
    ServicePageFactory,
    TopicFactory,
)
from tests.offers.people import listing, submitter, translation

#: Object nesting below the root field at most (the API allows a depth of 10).
MAX_DEPTH = 8
#: Items asked for: more than the small list holds, the whole large one (or its first page).
PAGE = 50
#: Values for required arguments, by the argument's type.
REQUIRED = {
    "ImageSize": "THUMBNAIL",
    "[ImageSize!]": "[THUMBNAIL, SMALL]",
    "DateTime": '"2026-02-02T10:00:00+01:00"',
    "String": '"Leipzig"',
}
#: Arguments of the root fields (the window of ``events`` holds the test's dates).
ROOT_ARGUMENTS = {
    "events": 'from: "2026-01-01T00:00:00Z", to: "2026-03-01T00:00:00Z"',
    "search": 'query: "Leipzig"',
}
#: List root fields that do not list content items.
NOT_CONTENT = {"locales", "interfaceLabels"}


def graphql_schema():
    return schema._schema


def list_root_fields():
    """Root fields returning a list or a connection of items, by the schema."""
    names = []
    for name, field in graphql_schema().query_type.fields.items():
        type_ = field.type.of_type if isinstance(field.type, GraphQLNonNull) else field.type
        if isinstance(type_, GraphQLList) or get_named_type(type_).name.endswith("Connection"):
            if name not in NOT_CONTENT:
                names.append(name)
    return names


def type_name(type_):
    if isinstance(type_, GraphQLNonNull):
        return type_name(type_.of_type)
    if isinstance(type_, GraphQLList):
        return f"[{type_name(type_.of_type)}!]"
    return type_.name


def arguments(field):
    """Required arguments without a default, filled from ``REQUIRED``."""
    filled = [
        f"{name}: {REQUIRED[type_name(argument.type)]}"
        for name, argument in field.args.items()
        if isinstance(argument.type, GraphQLNonNull) and argument.default_value is Undefined
    ]
    return f"({', '.join(filled)})" if filled else ""


def selection(type_, depth, path):
    """The selection set of every field of ``type_``; ``None`` when nothing can be selected."""
    named = get_named_type(type_)
    if is_leaf_type(named):
        return ""
    if depth == 0 or named.name in path:
        return None
    path = path | {named.name}
    parts = ["__typename"]
    if isinstance(named, GraphQLObjectType | GraphQLInterfaceType):
        parts += fields_of(named, depth, path)
    if isinstance(named, GraphQLInterfaceType | GraphQLUnionType):
        members = graphql_schema().get_possible_types(named)
        for member in members:
            inner = fields_of(member, depth, path | {member.name}, conflicting(members))
            if inner:
                parts.append(f"... on {member.name} {{ {' '.join(inner)} }}")
    return "{ " + " ".join(parts) + " }"


def conflicting(members):
    """Field names that members declare with different types (they need an alias side by side)."""
    types = {}
    for member in members:
        for name, field in member.fields.items():
            types.setdefault(name, set()).add(type_name(field.type))
    return {name for name, found in types.items() if len(found) > 1}


def fields_of(named, depth, path, aliased=frozenset()):
    parts = []
    for name, field in named.fields.items():
        inner = selection(field.type, depth - 1, path)
        if inner is not None:
            alias = f"{name}{named.name}: " if name in aliased else ""
            parts.append(f"{alias}{name}{arguments(field)} {inner}".strip())
    return parts


def every_field_query(root, first, locale=None):
    field = graphql_schema().query_type.fields[root]
    given = [ROOT_ARGUMENTS[root]] if root in ROOT_ARGUMENTS else []
    if locale is not None and "locale" in field.args:
        given.append(f'locale: "{locale}"')
    if "first" in field.args:
        given.append(f"first: {first}")
    return f"{{ {root}{'(' + ', '.join(given) + ')' if given else ''} {selection(field.type, MAX_DEPTH, set())} }}"


class Content(Builder):
    """Adds items of each list with every nested relation filled, so a query per item would show."""

    def __init__(self, tree):
        super().__init__(tree)
        self.provider = PartnerPageFactory(parent=tree.partners, title="Leipzig Anbieter")

    def common(self):
        fields, place = super().common()
        fields.update(audiences=[self.audience], languages=self.languages, description=self.rich_text())
        return fields, place

    def rich_text(self):
        document = get_document_model()(title=f"Merkblatt {self.count}")
        document.file.save("merkblatt.pdf", ContentFile(b"%PDF-1.4"), save=True)
        return (
            f'<p><a linktype="page" id="{self.provider.pk}">Anbieter</a> '
            f'<a linktype="document" id="{document.pk}">Merkblatt</a></p>'
        )

    def service(self, parent, place, **fields):
        service = ServicePageFactory(parent=parent, places=[place], **fields)
        OpeningInterval.objects.create(
            page=service, weekday=1, opens=datetime.time(9), closes=datetime.time(12), place=place
        )
        OpeningException.objects.create(page=service, start_date=datetime.date(2026, 2, 3), closed=True, note="zu")
        return service

    def partner(self):
        fields, place = self.common()
        fields["about"] = fields.pop("description")
        partner = PartnerPageFactory(
            parent=self.tree.partners, places=[place], logo=wagtail_factories.ImageFactory(), **fields
        )
        self.service(partner, place, topics=[self.topic], description=self.rich_text())
        return partner, place

    def guides(self):
        fields, _ = self.common()
        description = fields.pop("description")
        document = get_document_model()(title=f"Formular {self.count}")
        document.file.save("formular.pdf", ContentFile(b"%PDF-1.4"), save=True)
        service = self.service(self.provider, PlaceFactory())
        fields["body"] = StreamValue(
            GuideBodyBlock(),
            [
                ("paragraph", description),
                ("heading", {"text": "Schritte", "level": "h2"}),
                ("steps", {"title": "So geht es", "steps": [{"title": "Erstens", "body": description}]}),
                ("checklist", {"title": "Mitbringen", "items": ["Pass"]}),
                ("faq", {"title": "Fragen", "questions": [{"question": "Wann?", "answer": description}]}),
                ("call_out", {"target": service, "text": "Hier gibt es Hilfe"}),
                ("document", {"document": document, "title": ""}),
                ("image", {"image": wagtail_factories.ImageFactory(), "decorative": False, "alt_text": "Bild"}),
                ("external_link", {"url": "https://example.org/", "title": "Extern", "description": ""}),
                ("video", {"video": "https://www.youtube.com/watch?v=abc", "caption": "Video"}),
            ],
            is_lazy=False,
        )
        GuidePageFactory(parent=self.tree.guides, **fields)

    def partners(self):
        self.partner()

    def services(self):
        partner, place = self.partner()
        fields, _ = self.common()
        self.service(partner, place, **fields)

    def events(self):
        fields, place = self.common()
        organiser, _ = self.partner()
        event = EventPageFactory(
            parent=self.tree.events, place=place, organiser=organiser,
            start=datetime.datetime(2026, 2, 1, 10, tzinfo=datetime.UTC),
            end=datetime.datetime(2026, 2, 1, 12, tzinfo=datetime.UTC), recurrence_rule="FREQ=WEEKLY;COUNT=2",
            **fields,
        )
        EventCancellation.objects.create(page=event, date=datetime.date(2026, 1, 1))

    def search(self):
        self.guides()

    def listing(self, direction):
        """An approved listing with topics, languages and a partner, and its Arabic translation."""
        partner, _place = self.partner()
        item = listing(
            submitter(f"person{self.count}@example.org"), direction=direction, title=f"Leipzig {self.count}",
            partner=partner,
        )
        item.topics.add(self.topic, TopicFactory())
        item.languages.add(*self.languages)
        translation(item, "ar", title=f"لايبزيغ {self.count}", machine_translated=True)

    def bookableRooms(self):  # noqa: N802 (named as the root field it fills)
        Room.objects.create(place=PlaceFactory(), name=f"Raum {self.count}", capacity=20, bookable_by_partners=True)
        self.count += 1

    def offers(self):
        self.listing(Direction.OFFER)

    def requests(self):
        self.listing(Direction.REQUEST)

    def topics(self):
        TopicFactory()

    def audiences(self):
        AudienceFactory()

    def spokenLanguages(self):  # noqa: N802 (named as the root field it fills)
        count = SpokenLanguage.objects.count()
        SpokenLanguage.objects.create(code=f"x{count:03d}", native_name=f"Sprache {count}", german_name=f"Sprache {count}")


def measure(client, query):
    data(client, query)  # the first run creates the renditions
    with count_queries() as captured:
        result = data(client, query)
    return captured, result


def items(result):
    (value,) = result.values()
    return len(value["edges"]) if isinstance(value, dict) else len(value)


def test_every_list_root_field_can_be_filled():
    missing = [name for name in list_root_fields() if not hasattr(Content, name)]
    assert not missing, f"Content cannot add items for {missing}: add a method per list root field."


@pytest.mark.parametrize("locale", [None, "ar"])
@pytest.mark.parametrize("root", list_root_fields())
def test_every_field_costs_the_same_for_5_and_50_items(client, site_tree, root, locale, monkeypatch):
    """Also for an Arabic reader of German items: a list read through a fallback chain (ar → de)."""
    # Every field of 50 items is what the cost limit refuses from clients; here it is the point.
    monkeypatch.setattr(limits, "MAX_COST", 1_000_000)
    content = Content(site_tree)
    add = getattr(content, root)
    for _ in range(5):
        add()
    small, small_result = measure(client, every_field_query(root, PAGE, locale))
    for _ in range(45):
        add()
    large, large_result = measure(client, every_field_query(root, PAGE, locale))

    assert items(large_result) > items(small_result) >= 5
    assert_same_query_count(small, large)
