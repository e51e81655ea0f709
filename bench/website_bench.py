"""
The website's pages: server time, SQL queries and transfer size per page type (issue 13).

Each page type is requested through the whole Django stack in-process (middleware,
the website's view, the API's schema run in-process, the templates), in German and in
Arabic, on the large demo data set:

    export DATABASE_URL=postgres://postgres@127.0.0.1:5432/welcome_peers_10k   # bench/peers_bench.py --prepare
    .venv/bin/python bench/website_bench.py [--runs 20] [--languages de,ar]

It only reads. The slugs come from the API (the first public guide, service, partner,
event and topic of the language). Each page is requested twice to warm caches (image
renditions, compiled templates), then ``--runs`` times, interleaved; the table shows the
median and 90th percentile in ms, SQL queries, the HTML's bytes and its gzip-compressed
size, which the issue caps at 100 KB before images.
"""

import argparse
import gzip
import json
import os
import random
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

BUDGET_BYTES = 100 * 1024
FIRST = """query ($locale: String!) {
  topics(locale: $locale) { slug }
  guides(locale: $locale, first: 1, order: TITLE) { edges { node { slug } } }
  services(locale: $locale, first: 1) { edges { node { slug provider { slug } } } }
  events(locale: $locale, first: 1) { edges { node { event { slug } } } }
}"""


def parse_args():
    parser = argparse.ArgumentParser(description=__doc__.strip().splitlines()[0])
    parser.add_argument("--runs", type=int, default=20)
    parser.add_argument("--languages", default="de,ar")
    return parser.parse_args()


def setup_django():
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "cms.settings.dev")
    os.environ.setdefault("LOG_LEVEL", "WARNING")
    import django

    django.setup()


def pages(client, lang):
    """``{page type: path}`` for ``lang``, with slugs the API answers."""
    response = client.post("/graphql/", json.dumps({"query": FIRST, "variables": {"locale": lang}}), content_type="application/json")
    data = response.json()["data"]
    guide = data["guides"]["edges"][0]["node"]["slug"]
    service = data["services"]["edges"][0]["node"]
    event = data["events"]["edges"][0]["node"]["event"]["slug"]
    return {
        "home": f"/{lang}/",
        "topic": f"/{lang}/topics/{data['topics'][0]['slug']}/",
        "guide": f"/{lang}/guides/{guide}/",
        "directory": f"/{lang}/services/",
        "directory, open now": f"/{lang}/services/?open=now",
        "service": f"/{lang}/services/{service['slug']}/",
        "partner": f"/{lang}/partners/{service['provider']['slug']}/",
        "events (7 days)": f"/{lang}/events/",
        "event": f"/{lang}/events/{event}/",
        "search": f"/{lang}/search/?q=Beratung",
    }


def main():
    args = parse_args()
    setup_django()
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext
    from wagtail.models import Page

    client = Client(HTTP_HOST="localhost")
    targets = []
    for lang in args.languages.split(","):
        targets += [(f"{name} ({lang})", path) for name, path in pages(client, lang).items()]
    results = {}
    for name, path in targets:
        for _ in range(2):
            response = client.get(path)
        if response.status_code != 200:
            raise SystemExit(f"{name}: HTTP {response.status_code} for {path}")
        with CaptureQueriesContext(connection) as captured:
            response = client.get(path)
        body = response.content
        results[name] = {"path": path, "sql": len(captured.captured_queries), "bytes": len(body),
                         "gzip": len(gzip.compress(body, 6)), "timings": []}
    order = list(targets)
    rng = random.Random(13)
    for _ in range(args.runs):
        rng.shuffle(order)
        for name, path in order:
            started = time.perf_counter()
            client.get(path)
            results[name]["timings"].append((time.perf_counter() - started) * 1000)

    print(f"website pages, {Page.objects.count()} pages in the database, {args.runs} interleaved runs, in-process")
    print(f"{'page':28} {'median ms':>9} {'p90 ms':>7} {'SQL':>4} {'HTML bytes':>10} {'gzip':>7}  path")
    over = []
    for name, _path in targets:
        result = results[name]
        timings = result["timings"]
        p90 = statistics.quantiles(timings, n=10)[-1] if len(timings) >= 2 else timings[0]
        print(f"{name:28} {statistics.median(timings):9.1f} {p90:7.1f} {result['sql']:4d} {result['bytes']:10d} "
              f"{result['gzip']:7d}  {result['path']}")
        if result["gzip"] > BUDGET_BYTES:
            over.append(name)
    print(f"compressed HTML over {BUDGET_BYTES // 1024} KB: {', '.join(over) if over else 'none'}")


if __name__ == "__main__":
    main()
