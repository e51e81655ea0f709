"""
The long fuzz run of the public API: schema-driven valid and invalid queries and raw
bodies (tests/api/fuzzing.py) against the real view, on a throwaway test database with
the demo content. Prints how many cases of each kind ran, the error codes seen, and the
failures (internal errors, HTTP 5xx, errors without a code), which must be 0.

    .venv/bin/python bench/fuzz_api.py [--cases 10000] [--seed 1]

Uses DATABASE_URL when set (a test database is created beside it and dropped after),
else SQLite in memory.
"""

import argparse
import collections
import json
import os
import random
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "cms.settings.test")


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--cases", type=int, default=10_000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--failures", help="write every failing case, whole, to this JSON file")
    args = parser.parse_args()

    import django

    django.setup()
    from django.core.management import call_command
    from django.test import Client
    from django.test.utils import setup_test_environment
    from django.test.runner import DiscoverRunner
    from hypothesis import HealthCheck, given, seed, settings

    from tests.api.fuzzing import invalid_queries, is_failure, raw_bodies, send, valid_queries

    setup_test_environment()
    runner = DiscoverRunner(verbosity=0, interactive=False)
    databases = runner.setup_databases()
    try:
        call_command("load_demo", stdout=open(os.devnull, "w"))
        client = Client(raise_request_exception=False)
        random.seed(args.seed)
        counts = collections.Counter()
        codes_seen = collections.Counter()
        failures = []
        started = time.perf_counter()
        strategies = {"valid": valid_queries, "invalid": invalid_queries, "raw": raw_bodies}
        share = {"valid": 0.5, "invalid": 0.35, "raw": 0.15}
        def runner_for(kind, strategy):
            wanted = max(1, int(args.cases * share[kind]))

            @seed(args.seed)
            @settings(max_examples=wanted, deadline=None, database=None, suppress_health_check=list(HealthCheck))
            @given(strategy)
            def run(payload):
                status, codes = send(client, kind, payload)
                counts[kind] += 1
                codes_seen.update(codes or ["(no error)"])
                if status >= 500:
                    counts["http 5xx"] += 1
                if is_failure(status, codes):
                    failures.append((kind, status, codes, str(payload)))

            return run

        for kind, strategy in strategies.items():
            runner_for(kind, strategy)()
        elapsed = time.perf_counter() - started
    finally:
        runner.teardown_databases(databases)

    total = sum(counts[kind] for kind in strategies)
    print(f"cases: {total} in {elapsed:.1f} s ({total / elapsed:.0f}/s)")
    for kind in strategies:
        print(f"  {kind:8} {counts[kind]}")
    print("error codes seen:")
    for code, number in codes_seen.most_common():
        print(f"  {code:28} {number}")
    print(f"internal errors or 5xx or uncoded errors: {len(failures)} (HTTP 5xx: {counts['http 5xx']})")
    for kind, status, codes, payload in failures[:20]:
        print(f"  [{kind}] {status} {codes}: {payload[:300]!r}")
    if args.failures:
        Path(args.failures).write_text(json.dumps(failures, ensure_ascii=False, indent=1))
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
