"""
BENCH ONLY: ``bench.peers.settings`` on top of the test settings, for the tests of
tests/bench/: ``.venv/bin/python -m pytest --ds=bench.peers.test_settings tests/bench``.
"""

import os

os.environ.setdefault("PEERS_BASE_SETTINGS", "cms.settings.test")

from bench.peers.settings import *  # noqa: E402,F401,F403
