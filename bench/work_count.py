"""
Python work per request, counted instead of timed: bytecodes executed, functions called and
SQL queries for one in-process request, with the answer's hash, and where the bytecodes go
(by package, or by the functions named with ``--inclusive``).

Timings on a shared machine with 2 CPUs vary two- or threefold with what else runs; these
counts do not vary at all, so two versions of the code can be compared exactly, and a change
shown not to change the answer. Bytecodes are not time (C code such as psycopg's or the JSON
encoder's is not counted, nor the database's own work), but the uncached API is Python-bound:
its time follows them (issue 12, docs/benchmarks.md).

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/welcome_peers_1k .venv/bin/python bench/work_count.py
    … bench/work_count.py --side rest --locale ar --by-package
    … bench/work_count.py --inclusive 'Relations|optimize \\('

It runs with the peers' settings (``bench.peers.settings`` on production), like
``bench/peers_bench.py --mode inprocess``; the response cache is off.
"""

import argparse
import collections
import hashlib
import json
import os
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SITE_PACKAGES = re.compile(r".*/site-packages/|.*/lib/python3\.\d+/")


def request(side, locale):
    """(path, GET parameters) of the guides list on ``side``, as ``bench/peers_bench.py`` asks it."""
    from bench.peers_bench import OUR_LIST, REST_FIELDS, compact

    if side == "rest":
        return "/api/v2/pages/", {"type": "pages.GuidePage", "locale": locale, "order": "title", "limit": "20", "fields": REST_FIELDS}
    return "/graphql/", {"query": compact(OUR_LIST.format(field="guides")), "variables": json.dumps({"locale": locale})}


def where(code):
    return f"{code.co_qualname} ({SITE_PACKAGES.sub('', code.co_filename)}:{code.co_firstlineno})"


def package(code):
    path = SITE_PACKAGES.sub("", code.co_filename)
    if path.startswith(str(ROOT)):
        return "ours: " + path[len(str(ROOT)) + 1 :].split("/")[0]
    parts = path.split("/")
    return "/".join(parts[:3]) if parts[0] == "django" else parts[0]


class Counter:
    """A tracer: bytecodes per code object, calls, and bytecodes under the ``inclusive`` functions."""

    def __init__(self, inclusive=None):
        self.bytecodes = collections.Counter()
        self.under = collections.Counter()
        self.calls = 0
        self.inclusive = re.compile(inclusive) if inclusive else None
        self.marked = {}

    def call(self, frame, event, arg):
        self.calls += 1
        frame.f_trace_opcodes = True
        if self.inclusive is not None and frame.f_code not in self.marked:
            self.marked[frame.f_code] = bool(self.inclusive.search(where(frame.f_code)))
        return self.opcode

    def opcode(self, frame, event, arg):
        if event == "opcode":
            self.bytecodes[frame.f_code] += 1
            if self.inclusive is not None:
                seen = set()
                while frame is not None:
                    if self.marked.get(frame.f_code) and frame.f_code not in seen:
                        seen.add(frame.f_code)
                        self.under[frame.f_code] += 1
                    frame = frame.f_back
        return self.opcode


def main():
    parser = argparse.ArgumentParser(description=__doc__.strip().splitlines()[0])
    parser.add_argument("--side", choices=["ours", "rest"], default="ours", help="Our API or Wagtail's REST API v2.")
    parser.add_argument("--locale", default="de")
    parser.add_argument("--requests", type=int, default=3, help="Requests counted (after 5 uncounted ones).")
    parser.add_argument("--by-package", action="store_true", help="Where the bytecodes go, by package and function.")
    parser.add_argument("--inclusive", help="A regular expression: bytecodes under each matching function.")
    args = parser.parse_args()

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "bench.peers.settings")
    os.environ.setdefault("PEERS_BASE_SETTINGS", "cms.settings.production")
    os.environ.setdefault("SECRET_KEY", "work-count-" + "x" * 50)
    os.environ.setdefault("ALLOWED_HOSTS", "localhost,testserver")
    os.environ.setdefault("SECURE_SSL_REDIRECT", "0")
    os.environ.setdefault("EMBED_ANONYMOUS_RATE_LIMIT", "1000000000")
    os.environ.setdefault("MEDIA_ROOT", str(ROOT / "bench" / "out" / "media"))
    os.environ["GRAPHQL_RESPONSE_CACHE"] = "0"
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()
    from django.db import connection
    from django.test import Client

    client = Client(HTTP_HOST="localhost")
    path, params = request(args.side, args.locale)
    for _ in range(5):  # warm: renditions, caches
        body = client.get(path, params).content
    queries = []

    def count(execute, sql, *rest):
        queries.append(sql)
        return execute(sql, *rest)

    with connection.execute_wrapper(count):
        client.get(path, params)
    counter = Counter(args.inclusive)
    sys.settrace(counter.call)
    for _ in range(args.requests):
        client.get(path, params)
    sys.settrace(None)
    total = sum(counter.bytecodes.values()) // args.requests
    print(f"{args.side} guides ({args.locale}): {total} bytecodes, {counter.calls // args.requests} calls, "
          f"{len(queries)} SQL per request; answer {len(body)} bytes, sha256 {hashlib.sha256(body).hexdigest()[:12]}")
    if args.by_package:
        packages = collections.Counter()
        for code, count in counter.bytecodes.items():
            packages[package(code)] += count
        for name, count in packages.most_common(15):
            print(f"  {100 * count / sum(packages.values()):5.1f} %  {name}")
        print("  by function (own bytecodes):")
        for code, count in counter.bytecodes.most_common(15):
            print(f"  {100 * count / sum(counter.bytecodes.values()):5.1f} %  {where(code)}")
    for code, count in counter.under.most_common(30):
        print(f"  {100 * count / sum(counter.bytecodes.values()):5.1f} % under {where(code)}")


if __name__ == "__main__":
    main()
