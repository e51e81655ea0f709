"""
BENCH ONLY: Wagtail's REST API v2 and wagtail-grapple beside our GraphQL API, for
``bench/peers_bench.py``. Never part of the production INSTALLED_APPS or URLs: only
``DJANGO_SETTINGS_MODULE=bench.peers.settings`` loads it.
"""
