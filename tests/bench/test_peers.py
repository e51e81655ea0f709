"""
bench/peers_bench.py: the peers stay out of production, and in the bench settings each
side answers the benchmark's lists with the same 20 items.
"""

import importlib.util
import json

import pytest
from django.apps import apps
from django.test import Client

from bench.peers_bench import LISTS, endpoints, items_of
from cms.settings import base


def test_peers_are_not_in_production_apps_or_urls():
    assert not {"grapple", "graphene_django", "wagtail.api.v2", "rest_framework", "bench.peers"} & set(base.INSTALLED_APPS)
    urls = open(base.BASE_DIR / "cms" / "urls.py").read()
    assert "api/v2" not in urls and "grapple" not in urls
    from pages.models import GuidePage

    # Declared at start-up by the bench app only.
    assert "graphql_fields" not in GuidePage.__dict__ or apps.is_installed("bench.peers")


@pytest.mark.bench_peers
@pytest.mark.parametrize("side", ["ours", "ours cached", "grapple", "REST v2"])
@pytest.mark.parametrize("name", list(LISTS))
def test_each_side_answers_the_list_with_the_same_20_items(demo, db, name, side):
    if side == "grapple" and importlib.util.find_spec("grapple") is None:
        pytest.skip("wagtail-grapple not installed: .venv/bin/pip install --no-deps -r bench/peers/requirements-grapple.txt")
    client = Client(HTTP_HOST="localhost")
    targets = {target[0]: target for target in endpoints("de")}
    _, _, _, path, params = targets[f"{name}: {side}"]
    response = client.get(path, params)
    assert response.status_code == 200, response.content[:500]
    titles = items_of(side, response.content)
    assert len(titles) == 20
    reference = items_of("ours", client.get(*targets[f"{name}: ours"][3:]).content)
    assert titles == reference
    if side != "REST v2":
        body = json.loads(response.content)
        assert "errors" not in body


def test_the_printed_queries_name_the_locale_of_the_run(capsys):
    from bench.peers_bench import print_queries

    print_queries("ar")
    printed = capsys.readouterr().out
    assert '"locale": "ar"' in printed and "&locale=ar&" in printed and '"locale": "de"' not in printed
