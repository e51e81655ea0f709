"""
Plain fields read directly (``graphql_api.execution``) answer exactly what strawberry's
resolvers answer: every field of every list, errors included, byte for byte.
"""

import json
import sys
from contextlib import contextmanager

import pytest
import strawberry
import strawberry_django
from django.test import RequestFactory
from strawberry.schema import schema_converter
from strawberry.schema.schema import StrawberryGraphQLCoreExecutionContext
from strawberry.types.field import StrawberryField
from strawberry_django.fields.field import StrawberryDjangoField

from graphql_api import limits
from graphql_api.context import Context
from graphql_api.execution import PlainFieldsExecutor
from graphql_api.schema import schema
from taxonomy.models import Topic
from tests.api.test_query_counts_every_field import Content, every_field_query, list_root_fields
from tests.factories import GuidePageFactory, TopicFactory


def answer(executor, query, schema_=schema):
    """The JSON text of ``query``'s result (data and errors) with ``executor``."""
    schema_.execution_context_class = executor
    try:
        request = RequestFactory().post("/graphql/")
        result = schema_.execute_sync(query, context_value=Context(request=request, response=None))
    finally:
        schema_.execution_context_class = PlainFieldsExecutor
    errors = [error.formatted for error in result.errors or []]
    return json.dumps({"data": result.data, "errors": errors}, ensure_ascii=False)


def both(query, schema_=schema):
    return answer(PlainFieldsExecutor, query, schema_), answer(StrawberryGraphQLCoreExecutionContext, query, schema_)


@contextmanager
def counting_calls(*functions):
    """Count the calls of ``functions`` (by their code) inside the block."""
    codes = {function.__code__ for function in functions}
    calls = []

    def profile(frame, event, arg):
        if event == "call" and frame.f_code in codes:
            calls.append(frame.f_code)

    sys.setprofile(profile)
    try:
        yield calls
    finally:
        sys.setprofile(None)


@pytest.mark.parametrize("root", list_root_fields())
def test_every_field_of_every_list_answers_the_same(site_tree, root, monkeypatch):
    monkeypatch.setattr(limits, "MAX_COST", 1_000_000)
    content = Content(site_tree)
    for _ in range(3):
        getattr(content, root)()
    query = every_field_query(root, 50)
    answer(PlainFieldsExecutor, query)  # the first run creates the renditions

    shortcut, normal = both(query)

    assert '"errors": []' in normal
    assert shortcut == normal


def test_plain_fields_skip_the_resolvers(site_tree):
    for number in range(3):
        GuidePageFactory(parent=site_tree.guides, title=f"Leipzig {number}")
    query = "{ guides { edges { node { title summary slug } } } }"

    resolvers = (StrawberryField.get_result, StrawberryDjangoField.get_result)
    with counting_calls(*resolvers) as normal:
        expected = answer(StrawberryGraphQLCoreExecutionContext, query)
    with counting_calls(*resolvers) as shortcut:
        got = answer(PlainFieldsExecutor, query)

    assert got == expected
    # The root field's resolver still runs; the edges, each node and its three columns no longer do.
    assert len(shortcut) == 1
    assert len(normal) == 1 + 1 + 3 + 3 * 3


# Answers a plain read cannot give go the normal way, with the same errors --------------


@strawberry.type
class Thing:
    name: str
    count: int | None
    tags: list[str]
    friend: "Thing | None" = None


class Grumpy(Thing):
    """Reading its ``count`` or ``friend`` fails (a property that raises)."""

    def __getattribute__(self, name):
        if name in {"count", "friend"}:
            raise ValueError(f"no {name} today")
        return super().__getattribute__(name)


@strawberry_django.type(Topic)
class PlainTopic:
    name: str
    slug: str

    @strawberry_django.field
    def shout(self, times: int = 1, suffix: str | None = None) -> str:
        if times > 3:
            raise ValueError("too loud")
        return (self.name.upper() + (suffix or "!")) * times

    @strawberry.field
    def stacked(self, items: list[str]) -> list[str]:
        # Changes its argument: every item must get its own list all the same.
        items.append(self.name)
        return items


@strawberry.type
class Query:
    @strawberry.field
    def things(self) -> list[Thing | None]:
        # A null for a non-null field, a string for an Int, a tag that is no string.
        return [
            Thing(name="a", count=1, tags=["x"], friend=Thing(name="b", count=2, tags=[])),
            Thing(name=None, count=None, tags=[]),
            Thing(name="c", count="zwei", tags=[3]),
            Grumpy(name="d", count=4, tags=[]),
        ]

    @strawberry.field
    def topics(self) -> list[PlainTopic]:
        # ``name`` not loaded: reading it queries, as strawberry-django does.
        return list(Topic.objects.only("pk", "slug").order_by("pk"))

    @strawberry.field
    def loaded_topics(self) -> list[PlainTopic]:
        return list(Topic.objects.order_by("pk"))


small_schema = strawberry.Schema(query=Query, execution_context_class=PlainFieldsExecutor)


def test_invalid_values_give_the_same_errors():
    shortcut, normal = both("{ things { name count tags friend { name } } }", small_schema)

    assert "Cannot return null for non-nullable field Thing.name." in normal
    assert "Int cannot represent non-integer value" in normal
    assert "no count today" in normal and "no friend today" in normal
    assert shortcut == normal


def test_columns_not_loaded_are_read_the_normal_way(db, django_assert_num_queries):
    TopicFactory(name="Wohnen")
    TopicFactory(name="Arbeit")

    with django_assert_num_queries(3):  # the list, and each missing name
        shortcut = answer(PlainFieldsExecutor, "{ topics { name slug } }", small_schema)
    normal = answer(StrawberryGraphQLCoreExecutionContext, "{ topics { name slug } }", small_schema)

    assert "Wohnen" in shortcut
    assert shortcut == normal


# Fields with resolvers of their own are called directly ------------------------------


def test_resolvers_are_called_without_strawberrys_chain(db):
    for name in ["Wohnen", "Arbeit", "Schule"]:
        TopicFactory(name=name)
    query = '{ loadedTopics { name shout(times: 2, suffix: "?") } }'

    # strawberry's per-call chain converts the arguments of every resolved field.
    with counting_calls(schema_converter.get_arguments) as normal_calls:
        normal = answer(StrawberryGraphQLCoreExecutionContext, query, small_schema)
    with counting_calls(schema_converter.get_arguments) as direct_calls:
        direct = answer(PlainFieldsExecutor, query, small_schema)

    assert direct == normal
    assert "WOHNEN?WOHNEN?" in direct
    assert len(normal_calls) == 1 + 3 * 2  # the root field, each topic's name and shout
    assert direct_calls == []  # the root field is called directly too


def test_resolver_errors_and_variables_are_reported_the_same(db):
    TopicFactory(name="Wohnen")
    TopicFactory(name="Arbeit")
    query = "query ($times: Int!) { loadedTopics { slug shout(times: $times) } }"

    for times in [1, 4]:
        results = []
        for executor in (PlainFieldsExecutor, StrawberryGraphQLCoreExecutionContext):
            small_schema.execution_context_class = executor
            try:
                request = RequestFactory().post("/graphql/")
                result = small_schema.execute_sync(
                    query, variable_values={"times": times}, context_value=Context(request=request, response=None)
                )
            finally:
                small_schema.execution_context_class = PlainFieldsExecutor
            results.append((result.data, [error.formatted for error in result.errors or []]))
        assert results[0] == results[1]
    assert results[0][1][0]["message"] == "too loud"
    assert results[0][1][0]["path"] == ["loadedTopics", 0, "shout"]


def test_arguments_a_resolver_may_change_are_made_for_each_item(db):
    for name in ["Wohnen", "Arbeit"]:
        TopicFactory(name=name)
    query = '{ loadedTopics { stacked(items: ["a"]) } }'

    shortcut, normal = both(query, small_schema)

    assert shortcut == normal
    assert json.loads(shortcut)["data"]["loadedTopics"] == [
        {"stacked": ["a", "Wohnen"]},
        {"stacked": ["a", "Arbeit"]},
    ]
