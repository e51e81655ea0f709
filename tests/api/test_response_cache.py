"""
The response cache: a repeated query costs no SQL, and every change that can alter an
answer purges exactly the answers it alters (lists included), as soon as it is committed.
Run against process memory and against a real, throwaway redis-server.
"""

import datetime
import http.server
import threading
import time

import pytest
import wagtail_factories
from django.core.cache import caches
from django.core.management import call_command
from django.utils import timezone
from wagtail.models import PageViewRestriction

from graphql_api import response_cache
from taxonomy.models import Topic
from tests.api.helpers import count_queries, gql
from tests.factories import GuidePageFactory, PartnerPageFactory, ServicePageFactory, TopicFactory, locale
from tests.services import ThrowawayRedis
from translation.models import InterfaceLabel

GUIDES = "query { guides(first: 20) { totalCount edges { node { title urlPath topics { name } } } } }"
ONE_GUIDE = "query ($id: ID!, $locale: String) { guide(id: $id, locale: $locale) { title locale } }"


def switch_on(request, settings, where):
    settings.GRAPHQL_RESPONSE_CACHE = True
    if where == "redis":
        server = ThrowawayRedis()
        server.start()
        request.addfinalizer(server.stop)
        settings.CACHES = {
            **settings.CACHES,
            "api": {"BACKEND": "cms.cache.ResilientRedisCache", "LOCATION": f"redis://127.0.0.1:{server.port}/0"},
        }
        settings.GRAPHQL_RESPONSE_CACHE_ALIAS = "api"
    caches[settings.GRAPHQL_RESPONSE_CACHE_ALIAS].clear()
    return where


@pytest.fixture(params=["memory", "redis"])
def caching(request, settings):
    """The response cache switched on, in process memory or in a throwaway Redis."""
    return switch_on(request, settings, request.param)


@pytest.fixture
def caching_in_redis(request, settings):
    return switch_on(request, settings, "redis")


@pytest.fixture
def committed(django_capture_on_commit_callbacks):
    """Run a change's on-commit work (the purge) as its transaction would on commit."""

    def run(change, *args, **kwargs):
        with django_capture_on_commit_callbacks(execute=True):
            return change(*args, **kwargs)

    return run


def ask(client, query, variables=None, method="post", headers=None):
    if method == "get":
        params = {"query": query}
        if variables:
            params["variables"] = __import__("json").dumps(variables)
        return client.get("/graphql/", params, headers=headers or {})
    return client.post(
        "/graphql/", {"query": query, "variables": variables or {}}, content_type="application/json", headers=headers or {}
    )


def titles(response):
    return [edge["node"]["title"] for edge in response.json()["data"]["guides"]["edges"]]


def publish(page):
    page.save_revision().publish()


@pytest.fixture
def guide(site_tree, committed):
    topic = TopicFactory(name="Wohnen", slug="wohnen")
    page = GuidePageFactory(parent=site_tree.guides, title="Wohnung finden")
    page.topics.add(topic)
    committed(publish, page)
    return page


@pytest.mark.parametrize("method", ["get", "post"])
def test_a_repeated_query_is_answered_from_the_cache_without_sql(client, caching, guide, method):
    first = ask(client, GUIDES, method=method)
    assert first["X-Cache"] == "MISS"
    with count_queries() as sql:
        # The same document, written differently: the key is the normalised document.
        second = ask(client, GUIDES.replace(" {", "{").replace("query", "query  "), method=method)
    assert second["X-Cache"] == "HIT"
    assert second.content == first.content
    assert titles(second) == ["Wohnung finden"]
    assert len(sql.captured_queries) == 0, [q["sql"] for q in sql.captured_queries]
    assert second["Cache-Control"] == ("public, max-age=60" if method == "get" else "no-store")


def test_variables_and_locale_are_part_of_the_key(client, caching, guide):
    german = ask(client, ONE_GUIDE, {"id": str(guide.pk), "locale": "de"}).json()
    english = ask(client, ONE_GUIDE, {"id": str(guide.pk), "locale": "en"})
    assert english["X-Cache"] == "MISS"
    assert german["data"]["guide"]["locale"] == "de"


def test_a_new_release_does_not_serve_the_answers_of_the_old_one(client, caching, guide, monkeypatch):
    from graphql_api import views

    ask(client, GUIDES)
    assert ask(client, GUIDES)["X-Cache"] == "HIT"
    monkeypatch.setattr(views, "RELEASE", "the-next-deployment")
    assert ask(client, GUIDES)["X-Cache"] == "MISS"


def test_etag_answers_not_modified(client, caching, guide):
    first = ask(client, GUIDES, method="get")
    etag = first["ETag"]
    again = ask(client, GUIDES, method="get", headers={"If-None-Match": etag})
    assert again.status_code == 304
    assert again.content == b""
    assert again["ETag"] == etag
    other = ask(client, GUIDES, method="get", headers={"If-None-Match": '"something-else"'})
    assert other.status_code == 200 and other.content == first.content


def test_surrogate_keys_name_items_and_lists(client, caching, guide):
    ask(client, GUIDES, method="get")
    response = ask(client, GUIDES, method="get")
    keys = response["Surrogate-Key"].split()
    topic = Topic.objects.get(slug="wohnen")
    assert f"page:{guide.translation_key}" in keys
    assert "list:pages.guidepage" in keys
    assert f"taxonomy.topic:{topic.translation_key}" in keys
    assert response["Cache-Tag"] == ",".join(keys)


def test_answers_with_errors_are_not_stored(client, caching, guide):
    bad = ask(client, "query { guides(locale: \"xx\") { totalCount } }")
    assert bad.json()["errors"]
    again = ask(client, "query { guides(locale: \"xx\") { totalCount } }")
    assert again["X-Cache"] == "MISS"


# What purges ------------------------------------------------------------------------


def test_publishing_a_new_guide_purges_the_list(client, caching, site_tree, guide, committed):
    ask(client, GUIDES)
    new = GuidePageFactory(parent=site_tree.guides, title="Arbeit suchen", live=False)
    assert titles(ask(client, GUIDES)) == ["Wohnung finden"]  # a draft changes nothing
    committed(publish, new)
    response = ask(client, GUIDES)
    assert response["X-Cache"] == "MISS"
    assert sorted(titles(response)) == ["Arbeit suchen", "Wohnung finden"]


def test_editing_a_guide_purges_answers_that_show_it(client, caching, guide, committed):
    ask(client, ONE_GUIDE, {"id": str(guide.pk)})
    guide.title = "Eine Wohnung finden"
    committed(publish, guide)
    assert ask(client, ONE_GUIDE, {"id": str(guide.pk)}).json()["data"]["guide"]["title"] == "Eine Wohnung finden"


def test_unpublishing_and_deleting_purge(client, caching, site_tree, guide, committed):
    other = GuidePageFactory(parent=site_tree.guides, title="Arbeit suchen")
    committed(publish, other)
    assert len(titles(ask(client, GUIDES))) == 2
    committed(guide.unpublish)
    assert titles(ask(client, GUIDES)) == ["Arbeit suchen"]
    committed(other.delete)
    assert titles(ask(client, GUIDES)) == []


def test_moving_purges_the_paths_below(client, caching, site_tree, guide, committed):
    section = GuidePageFactory(parent=site_tree.guides, title="Abschnitt", slug="abschnitt")
    committed(publish, section)
    ask(client, GUIDES)
    committed(guide.move, section, pos="last-child")
    paths = {edge["node"]["title"]: edge["node"]["urlPath"] for edge in ask(client, GUIDES).json()["data"]["guides"]["edges"]}
    assert paths["Wohnung finden"] == "/ratgeber/abschnitt/" + guide.slug + "/"


def test_a_view_restriction_on_the_section_purges_everything_below(client, caching, site_tree, guide, committed):
    ask(client, GUIDES)
    committed(PageViewRestriction.objects.create, page=site_tree.guides, restriction_type=PageViewRestriction.LOGIN)
    assert titles(ask(client, GUIDES)) == []
    committed(PageViewRestriction.objects.filter(page=site_tree.guides).delete)
    assert titles(ask(client, GUIDES)) == ["Wohnung finden"]


def test_restricting_a_page_purges_what_lies_below_its_translations(client, caching, site_tree, committed):
    """A German section restricted hides its English translation's English-only pages too."""
    section = GuidePageFactory(parent=site_tree.guides, title="Abschnitt")
    committed(publish, section)
    committed(publish, section.get_parent().copy_for_translation(locale("en"), copy_parents=True))
    english = section.copy_for_translation(locale("en"))
    committed(publish, english)
    only_english = GuidePageFactory(parent=english, title="Only in English", locale=locale("en"), live=False)
    committed(publish, only_english)
    variables = {"id": str(only_english.pk), "locale": "en"}
    assert ask(client, ONE_GUIDE, variables).json()["data"]["guide"]["title"] == "Only in English"
    committed(PageViewRestriction.objects.create, page=section, restriction_type=PageViewRestriction.LOGIN)
    assert ask(client, ONE_GUIDE, variables).json()["data"]["guide"] is None


def test_publishing_a_translation_purges_the_fallback_answer(client, caching, guide, committed):
    variables = {"id": str(guide.pk), "locale": "en"}
    assert ask(client, ONE_GUIDE, variables).json()["data"]["guide"]["locale"] == "de"
    parent_translation = guide.get_parent().copy_for_translation(locale("en"), copy_parents=True)
    committed(publish, parent_translation)
    translation = guide.copy_for_translation(locale("en"))
    translation.title = "Finding a flat"
    committed(publish, translation)
    answer = ask(client, ONE_GUIDE, variables).json()["data"]["guide"]
    assert answer == {"title": "Finding a flat", "locale": "en"}


def test_editing_a_topic_purges_answers_that_show_it(client, caching, guide, committed):
    ask(client, GUIDES)
    topic = Topic.objects.get(slug="wohnen")
    topic.name = "Wohnen und Mieten"
    committed(topic.save)
    node = ask(client, GUIDES).json()["data"]["guides"]["edges"][0]["node"]
    assert node["topics"] == [{"name": "Wohnen und Mieten"}]


def test_editing_an_interface_label_purges_the_labels(client, caching, site_tree, committed):
    query = 'query { interfaceLabels(locale: "de") { key text } }'
    key = ask(client, query).json()["data"]["interfaceLabels"][0]["key"]
    committed(InterfaceLabel.objects.create, key=key, text="Neuer Text", locale=locale("de"))
    labels = {row["key"]: row["text"] for row in ask(client, query).json()["data"]["interfaceLabels"]}
    assert labels[key] == "Neuer Text"


def test_editing_an_image_purges_the_pages_that_show_it(client, caching, site_tree, committed):
    image = wagtail_factories.ImageFactory(title="Ein Haus")
    page = GuidePageFactory(parent=site_tree.guides, title="Wohnung finden", image=image, live=False)
    committed(publish, page)
    query = "query { guides { edges { node { title image { alt } } } } }"
    assert ask(client, query).json()["data"]["guides"]["edges"][0]["node"]["image"]["alt"] == "Ein Haus"
    image.title = "Ein Wohnhaus in Connewitz"
    committed(image.save)
    assert ask(client, query).json()["data"]["guides"]["edges"][0]["node"]["image"]["alt"] == "Ein Wohnhaus in Connewitz"


EVENTS = """query { events(from: "2026-03-01T00:00:00Z", to: "2026-03-31T00:00:00Z") {
  edges { node { start event { title } } } } }"""


def test_event_dates_are_cached_and_purged_by_their_event(client, caching, site_tree, committed):
    """An answer of dates (values made from events, not rows) is tagged by the events it shows."""
    from tests.factories import EventPageFactory

    event = EventPageFactory(
        parent=site_tree.events, title="Sprachcafé",
        start=datetime.datetime(2026, 3, 2, 10, tzinfo=datetime.UTC), end=datetime.datetime(2026, 3, 2, 12, tzinfo=datetime.UTC),
    )
    first = ask(client, EVENTS)
    assert first.status_code == 200 and "errors" not in first.json(), first.content
    assert first["X-Cache"] == "MISS"
    assert ask(client, EVENTS)["X-Cache"] == "HIT"
    event.title = "Sprachcafé am Montag"
    committed(publish, event)
    again = ask(client, EVENTS)
    assert again["X-Cache"] == "MISS"
    assert again.json()["data"]["events"]["edges"][0]["node"]["event"]["title"] == "Sprachcafé am Montag"


def test_an_unrelated_change_keeps_the_answer(client, caching, site_tree, guide, committed):
    ask(client, ONE_GUIDE, {"id": str(guide.pk)})
    ask(client, GUIDES)
    partner = PartnerPageFactory(parent=site_tree.partners, title="Caritas")
    committed(publish, partner)
    assert ask(client, ONE_GUIDE, {"id": str(guide.pk)})["X-Cache"] == "HIT"
    assert ask(client, GUIDES)["X-Cache"] == "HIT"


def test_scheduled_publishing_purges(client, caching, site_tree, guide, committed):
    later = GuidePageFactory(parent=site_tree.guides, title="Sprachkurse", live=False)
    revision = later.save_revision(approved_go_live_at=timezone.now() + datetime.timedelta(seconds=1))
    revision.publish()  # scheduled: the page stays a draft until the worker publishes it
    ask(client, GUIDES)
    time.sleep(1.1)
    committed(call_command, "publish_scheduled")
    assert sorted(titles(ask(client, GUIDES))) == ["Sprachkurse", "Wohnung finden"]


def test_an_answer_is_not_kept_past_an_expiry(client, caching, site_tree, guide, committed):
    guide.expire_at = timezone.now() + datetime.timedelta(seconds=2)
    committed(publish, guide)
    assert titles(ask(client, GUIDES)) == ["Wohnung finden"]
    time.sleep(2.2)
    # Not even the worker's unpublishing is needed: the answer was stored only until then.
    assert titles(ask(client, GUIDES)) == []


def test_answers_that_read_the_clock_are_kept_briefly(client, caching, settings, site_tree, guide, committed):
    settings.GRAPHQL_RESPONSE_CACHE_CLOCK_TIMEOUT = 1
    partner = PartnerPageFactory(parent=site_tree.partners, title="Caritas")
    committed(publish, partner)
    committed(publish, ServicePageFactory(parent=partner, title="Beratung"))
    query = "query { services { edges { node { title openNow } } } }"
    ask(client, query)
    assert ask(client, query)["X-Cache"] == "HIT"
    time.sleep(1.2)
    assert ask(client, query)["X-Cache"] == "MISS"
    assert ask(client, GUIDES)["X-Cache"] == "MISS"
    time.sleep(0.1)
    assert ask(client, GUIDES)["X-Cache"] == "HIT"  # no clock: kept for the long timeout


def test_search_answers_are_kept_briefly(client, caching, settings, guide):
    """The worker indexes a publication after it: no purge announces that, a short life bounds it."""
    settings.GRAPHQL_RESPONSE_CACHE_CLOCK_TIMEOUT = 1
    query = 'query { search(query: "Wohnung") { totalCount } }'
    ask(client, query)
    assert ask(client, query)["X-Cache"] == "HIT"
    time.sleep(1.2)
    assert ask(client, query)["X-Cache"] == "MISS"


def test_an_answer_made_while_content_changed_is_not_stored(caching, guide):
    from public_content.dependencies import Dependencies

    generation = response_cache.generation()
    response_cache.purge({"page:elsewhere"})
    assert response_cache.put("k", b"{}", Dependencies(tags={"list:pages.guidepage"}), started_at_generation=generation) is None
    stored = response_cache.put(
        "k", b"{}", Dependencies(tags={"list:pages.guidepage"}), started_at_generation=response_cache.generation()
    )
    assert response_cache.get("k") == stored


def test_a_hit_costs_three_redis_commands_in_two_round_trips(client, settings, site_tree, request, committed):
    """The rate-limit count (INCR + EXPIRE, pipelined) and the tag tokens (one MGET)."""
    import redis

    server = ThrowawayRedis()
    server.start()
    request.addfinalizer(server.stop)
    location = f"redis://127.0.0.1:{server.port}/0"
    settings.CACHES = {**settings.CACHES, "default": {"BACKEND": "cms.cache.ResilientRedisCache", "LOCATION": location}}
    settings.GRAPHQL_RESPONSE_CACHE = True
    committed(publish, GuidePageFactory(parent=site_tree.guides, title="Wohnung finden", live=False))
    ask(client, GUIDES, method="get")
    ask(client, GUIDES, method="get")
    stats = redis.Redis.from_url(location)

    def commands():
        return sum(value["calls"] for name, value in stats.info("commandstats").items() if name != "cmdstat_info")

    before = commands()
    assert ask(client, GUIDES, method="get")["X-Cache"] == "HIT"
    assert commands() - before == 3


def test_tags_are_stored_as_numbers_read_without_unpickling(client, caching_in_redis, settings, guide):
    """Each hit reads every tag of its answer: as numbers, Redis holds them readable as they are."""
    import redis

    assert ask(client, GUIDES, method="get")["X-Cache"] == "MISS"
    location = settings.CACHES["api"]["LOCATION"]
    raw = redis.Redis.from_url(location)
    tag_keys = [key for key in raw.keys("*") if response_cache.TAG_PREFIX.encode() in key]

    assert tag_keys
    assert all(raw.get(key).isdigit() for key in tag_keys)
    assert ask(client, GUIDES, method="get")["X-Cache"] == "HIT"


def test_redis_keys_are_not_checked_against_memcacheds_rules(caching_in_redis):
    """Redis takes any key; Django's check for memcached walked every character of every key."""
    import warnings

    key = "a key memcached would refuse: " + "x" * 300
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        caches["api"].set(key, 1)
        assert caches["api"].get(key) == 1


def test_with_a_replica_nothing_is_stored_right_after_a_purge(caching, settings, guide):
    from public_content.dependencies import Dependencies

    settings.GRAPHQL_RESPONSE_CACHE_REPLICA_LAG = 5
    response_cache.purge({"page:elsewhere"})
    read = Dependencies(tags={"list:pages.guidepage"})
    assert response_cache.put("k", b"{}", read, started_at_generation=response_cache.generation()) is None
    settings.GRAPHQL_RESPONSE_CACHE_REPLICA_LAG = 0
    assert response_cache.put("k", b"{}", read, started_at_generation=response_cache.generation()) is not None


def test_switched_off_nothing_is_stored(client, settings, guide):
    settings.GRAPHQL_RESPONSE_CACHE = False
    ask(client, GUIDES)
    response = ask(client, GUIDES)
    assert "X-Cache" not in response and "ETag" not in response


# A CDN that purges by URL -------------------------------------------------------------


class PurgeRecorder(http.server.BaseHTTPRequestHandler):
    purged = []

    def do_PURGE(self):  # noqa: N802 (HTTP method name)
        PurgeRecorder.purged.append(self.path)
        self.send_response(200)
        self.end_headers()

    def log_message(self, *args):
        pass


def test_a_url_purging_cdn_is_told_through_wagtails_frontend_cache(
    client, caching_in_redis, settings, site_tree, committed
):
    """The URLs served under each tag live in Redis sets (the memory cache keeps none)."""
    guide = GuidePageFactory(parent=site_tree.guides, title="Wohnung finden", live=False)
    committed(publish, guide)
    server = http.server.HTTPServer(("127.0.0.1", 0), PurgeRecorder)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    PurgeRecorder.purged = []
    try:
        settings.WAGTAILFRONTENDCACHE = {
            "cdn": {
                "BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
                "LOCATION": f"http://127.0.0.1:{server.server_address[1]}",
            }
        }
        ask(client, GUIDES, method="get")
        new = GuidePageFactory(parent=site_tree.guides, title="Arbeit suchen", live=False)
        committed(publish, new)
        assert len(PurgeRecorder.purged) == 1
        assert PurgeRecorder.purged[0].startswith("/graphql/?query=")
    finally:
        server.shutdown()
