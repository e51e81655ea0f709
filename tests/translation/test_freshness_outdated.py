"""The freshness dashboard lists translations older than their German source, filtered like the rest."""

import re

from django.urls import reverse

from tests.translation.conftest import publish, translate_and_publish


def outdated(client, **params):
    page = client.get(reverse("freshness:dashboard"), params).content.decode()
    return set(re.findall(r'data-outdated="([^"]+)"', page))


def test_a_source_published_again_makes_its_translation_outdated(admin_client, admin_user, guide):
    translate_and_publish(guide, "ar")
    translate_and_publish(guide, "uk")
    assert outdated(admin_client) == set()

    guide = publish(guide, summary="Die Duldung, neu erklärt.", content_owner=admin_user)

    assert outdated(admin_client) == {f"{guide.pk}:ar", f"{guide.pk}:uk"}
    assert outdated(admin_client, language="ar") == {f"{guide.pk}:ar"}
    assert outdated(admin_client, owner=admin_user.pk) == {f"{guide.pk}:ar", f"{guide.pk}:uk"}
    assert outdated(admin_client, kind="servicepage") == set()
    assert outdated(admin_client, topic="wohnen") == set()
