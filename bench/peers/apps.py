"""
BENCH ONLY. Declares, at start-up, the fields the two peer APIs need on our models, so
that our models stay free of them:

- ``api_fields`` for Wagtail's REST API v2 (read per request);
- ``graphql_fields`` for wagtail-grapple, which builds its schema from them in its own
  ``AppConfig.ready``. This app is therefore listed *before* ``grapple`` in
  ``bench.peers.settings``, and Django runs ``ready`` in that order.

It also holds the one shim grapple needs here (``execute_grapple_synchronously``).

Both peers get the same fields as our ``guides``/``services`` lists in the benchmark:
title, summary, topics (name, slug) and one image rendition (``max-480x480``, our
``ImageSize.SMALL``).
"""

from django.apps import AppConfig

RENDITION = "max-480x480"
LIST_MODELS = ("pages.GuidePage", "directory.ServicePage")


class PeersBenchConfig(AppConfig):
    name = "bench.peers"
    label = "peers_bench"
    verbose_name = "Peer APIs for the benchmark (bench only)"

    def ready(self):
        from django.apps import apps

        Topic = apps.get_model("taxonomy", "Topic")
        models = [apps.get_model(name) for name in LIST_MODELS]
        attach_rest_fields(Topic, models)
        if apps.is_installed("grapple"):
            attach_grapple_fields(Topic, models)
            execute_grapple_synchronously()


def attach_rest_fields(Topic, models):
    from rest_framework import serializers
    from wagtail.api import APIField
    from wagtail.images.api.fields import ImageRenditionField

    class TopicSerializer(serializers.ModelSerializer):
        class Meta:
            model = Topic
            fields = ["name", "slug"]

    for model in models:
        model.api_fields = [
            APIField("summary"),
            APIField("topics", serializer=TopicSerializer(many=True, read_only=True)),
            APIField("image_thumbnail", serializer=ImageRenditionField(RENDITION, source="image")),
        ]


def attach_grapple_fields(Topic, models):
    from grapple.models import GraphQLCollection, GraphQLForeignKey, GraphQLImage, GraphQLString

    Topic.graphql_fields = [GraphQLString("name", required=True), GraphQLString("slug", required=True)]
    for model in models:
        model.graphql_fields = [
            GraphQLString("summary"),
            GraphQLCollection(GraphQLForeignKey, "topics", "taxonomy.Topic"),
            GraphQLImage("image"),
        ]


def execute_grapple_synchronously():
    """
    Shim for wagtail-grapple on graphql-core 3.3 (which strawberry 0.341 needs; graphene
    3.4 declares graphql-core < 3.3). graphql-core 3.3's ``execute`` treats anything with
    ``__aiter__`` as an async iterable, and Django's QuerySet has one since Django 4.1, so
    every list grapple resolves to a QuerySet (``pages``, ``topics``) turns the whole result
    into a coroutine that graphene-django's view cannot use. ``execute_sync`` is the same
    execution with async iterables assumed absent: what graphql-core 3.2 did for grapple
    under WSGI. Applied to graphene-django's view module only (our API does not use it).
    """
    import graphene_django.views
    from graphql import execute_sync

    graphene_django.views.execute = execute_sync
