"""Our page types load rows without the constructors' work for new pages (``pages.models.loading``)."""

import sys
from contextlib import contextmanager

from django.db.models import Model
from django.db.models.signals import post_init, pre_init
from modelcluster import models as modelcluster_models
from wagtail.blocks import StreamValue

from pages.models import GuidePage
from tests.factories import GuidePageFactory


@contextmanager
def calls_of(function):
    calls = []

    def profile(frame, event, arg):
        if event == "call" and frame.f_code is function.__code__:
            calls.append(frame)

    sys.setprofile(profile)
    try:
        yield calls
    finally:
        sys.setprofile(None)


def the_django_way(instance):
    """The same row made by Django's own ``from_db`` (every constructor in the chain)."""
    names = [field.attname for field in GuidePage._meta.concrete_fields if field.attname in instance.__dict__]
    return Model.from_db.__func__(GuidePage, "default", names, [instance.__dict__[name] for name in names])


def comparable(instance):
    state = {name: value for name, value in vars(instance).items() if name != "_state"}
    return state, instance._state.adding, instance._state.db, instance.get_deferred_fields()


def test_a_loaded_page_is_what_django_makes_of_the_row(site_tree):
    GuidePageFactory(parent=site_tree.guides, title="Anmeldung", body=[("paragraph", "<p>Hallo</p>")])

    for queryset in (GuidePage.objects.all(), GuidePage.objects.only("title", "body", "image_id")):
        loaded = queryset.get(title="Anmeldung")
        assert comparable(loaded) == comparable(the_django_way(loaded))
        assert isinstance(loaded.body, StreamValue)
    assert "summary" in loaded.get_deferred_fields()  # the last one: columns .only() left out stay deferred


def test_loading_pages_does_not_look_for_child_relations(site_tree):
    for number in range(3):
        GuidePageFactory(parent=site_tree.guides, title=f"Leipzig {number}")

    with calls_of(modelcluster_models.get_all_child_relations) as calls:
        pages = list(GuidePage.objects.all())

    assert len(pages) == 3
    assert calls == []


def test_init_signals_still_reach_their_receivers(site_tree):
    GuidePageFactory(parent=site_tree.guides, title="Anmeldung")
    seen = []

    def after(sender, instance, **kwargs):
        seen.append(("post", instance.title))

    def before(sender, args, kwargs, **rest):
        seen.append(("pre", len(args)))

    post_init.connect(after, sender=GuidePage)
    try:
        GuidePage.objects.get(title="Anmeldung")
        assert seen == [("post", "Anmeldung")]
        seen.clear()
        # A pre_init receiver wants the constructor's arguments: Django's own way then.
        pre_init.connect(before, sender=GuidePage)
        try:
            GuidePage.objects.get(title="Anmeldung")
        finally:
            pre_init.disconnect(before, sender=GuidePage)
        assert seen == [("pre", len(GuidePage._meta.concrete_fields)), ("post", "Anmeldung")]
    finally:
        post_init.disconnect(after, sender=GuidePage)
