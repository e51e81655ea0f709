"""
BENCH ONLY: our settings plus the two peer APIs of ``bench/peers_bench.py``, Wagtail's
REST API v2 (``/api/v2/``) and wagtail-grapple (``/grapple/graphql/``), and the
benchmark's floor (``/bench/floor/``: fixed bytes from memory). Production never loads
this module; the peers are in no production INSTALLED_APPS or URLs.

Built on ``cms.settings.production`` by default (DEBUG off, WhiteNoise, the production
checks: set ``SECRET_KEY``, ``ALLOWED_HOSTS`` and ``SECURE_SSL_REDIRECT=0`` for plain
HTTP, as peers_bench.py does). ``PEERS_BASE_SETTINGS`` picks another base, e.g.
``cms.settings.test`` for the tests of tests/bench/.

wagtail-grapple is optional (the ``bench`` extra, see docs/benchmarks.md): without it only
the REST API is added. Its ``graphql_fields`` and the REST ``api_fields`` are attached to
our page models at start-up by ``bench.peers.apps`` — never declared in our models.
"""

import importlib
import importlib.util
import os

_base = importlib.import_module(os.environ.get("PEERS_BASE_SETTINGS", "cms.settings.production"))
globals().update({name: value for name, value in vars(_base).items() if name.isupper()})

HAS_GRAPPLE = importlib.util.find_spec("grapple") is not None

INSTALLED_APPS = [*_base.INSTALLED_APPS, "rest_framework", "wagtail.api.v2", "bench.peers"]
if HAS_GRAPPLE:
    # After bench.peers, whose ready() attaches graphql_fields before grapple builds its schema.
    INSTALLED_APPS += ["grapple", "graphene_django"]
    GRAPHENE = {"SCHEMA": "grapple.schema.schema"}
    GRAPPLE = {
        "APPS": ["pages", "directory", "taxonomy"],
        "ALLOWED_IMAGE_FILTERS": ["max-480x480"],
        "PAGE_SIZE": 20,
        "MAX_PAGE_SIZE": 100,
        "EXPOSE_GRAPHIQL": False,
    }

ROOT_URLCONF = "bench.peers.urls"
# The floor's bytes: written by peers_bench.py before the server starts.
PEERS_FLOOR_FILE = os.environ.get("PEERS_FLOOR_FILE", "")
