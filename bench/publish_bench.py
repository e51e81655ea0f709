"""
How long an editor's "Publish" takes with Wagtail's background work run inside the
request (the immediate task backend) and queued for the worker (production's database
queue). Both are measured in the same run, interleaved, on a throwaway test database.

    .venv/bin/python bench/publish_bench.py [--runs 30]

Uses DATABASE_URL when set (PostgreSQL, as production), else SQLite in memory. The
figure is the time of ``save_revision().publish()`` of a guide with topics and a body,
which is what the admin's publish action does after validating the form.
"""

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "cms.settings.test")

BACKENDS = {
    "immediate (in the request)": "django_tasks.backends.immediate.ImmediateBackend",
    "database (queued for the worker)": "django_tasks_db.DatabaseBackend",
}


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=30)
    args = parser.parse_args()

    import django

    django.setup()
    from django.db import transaction
    from django.test.runner import DiscoverRunner
    from django.test.utils import override_settings, setup_test_environment

    from tests.conftest import build_site_tree
    from tests.factories import GuidePageFactory, TopicFactory

    setup_test_environment()
    runner = DiscoverRunner(verbosity=0, interactive=False)
    databases = runner.setup_databases()
    try:
        tree = build_site_tree()
        topics = [TopicFactory() for _ in range(3)]
        guide = GuidePageFactory(parent=tree.guides, title="Wohnung finden", topics=topics)
        times = {name: [] for name in BACKENDS}
        for run in range(args.runs + 2):
            for name, backend in BACKENDS.items():
                with override_settings(TASKS={"default": {"BACKEND": backend}}):
                    guide.title = f"Wohnung finden {run}"
                    started = time.perf_counter()
                    with transaction.atomic():
                        guide.save_revision().publish()
                    elapsed = time.perf_counter() - started
                if run >= 2:  # two warm-up rounds
                    times[name].append(elapsed * 1000)
    finally:
        runner.teardown_databases(databases)

    immediate, queued = (statistics.median(times[name]) for name in BACKENDS)
    print(f"publish, median of {args.runs} runs each, interleaved:")
    for name, values in times.items():
        print(f"  {name:34} {statistics.median(values):7.1f} ms  (p90 {sorted(values)[int(len(values) * 0.9) - 1]:.1f} ms)")
    print(f"queued / immediate: {queued / immediate:.2f}")


if __name__ == "__main__":
    main()
