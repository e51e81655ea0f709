"""
Benchmark of the public GraphQL API: median latency and SQL queries per request for the
main list queries, through the real view (parsing, validation, limits, optimizer).

Run it against a database filled with the large demo data set:

    export DATABASE_URL=postgres://postgres@127.0.0.1:5432/welcome_bench
    .venv/bin/python manage.py migrate && .venv/bin/python manage.py load_demo --size 10000
    .venv/bin/python manage.py update_index            # for the search query
    .venv/bin/python bench/api_bench.py [--runs 20] [--locale prs]

It only reads. Each query runs twice to warm caches (and create image renditions), then
``--runs`` times; the table shows the median and the 90th percentile in milliseconds,
the SQL queries per request and the items returned.
"""

import argparse
import json
import os
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

IMAGE = "image { alt rendition(size: SMALL) { url width height } }"

QUERIES = {
    "guides (website list)": f"""query ($locale: String) {{ guides(locale: $locale, first: 20) {{
        totalCount pageInfo {{ hasNextPage endCursor }}
        edges {{ node {{ id title urlPath locale summary {IMAGE} topics {{ name slug }} }} }} }} }}""",
    "services (kiosk: open now, near)": """query ($locale: String, $now: DateTime) {
        services(locale: $locale, first: 20, openAt: $now, near: {lat: 51.3397, lon: 12.3731, km: 5}) {
        totalCount edges { node { title locale distanceKm openNow channels languages { code }
        provider { title } places { name address } } } } }""",
    "services (directory list)": f"""query ($locale: String) {{ services(locale: $locale, first: 20) {{
        totalCount edges {{ node {{ title locale summary {IMAGE} topics {{ name }} places {{ name }}
        openingHours {{ weekly {{ weekday opens closes }} }} }} }} }} }}""",
    "partners (widget)": f"""query ($locale: String) {{ partners(locale: $locale, first: 20) {{
        totalCount edges {{ node {{ title kind {IMAGE} places {{ name }} services {{ title }} }} }} }} }}""",
    "events (next 31 days)": f"""query ($locale: String) {{ events(locale: $locale, first: 50) {{
        totalCount edges {{ node {{ start end event {{ title {IMAGE} place {{ name }} organiser {{ title }} }} }} }} }} }}""",
    "search": """query ($locale: String) { search(query: "Beratung", locale: $locale, first: 20) {
        totalCount edges { node { __typename title locale urlPath } } } }""",
    "topics": """query ($locale: String) { topics(locale: $locale) { name slug } }""",
}


def parse_args():
    parser = argparse.ArgumentParser(description=__doc__.strip().splitlines()[0])
    parser.add_argument("--runs", type=int, default=20)
    parser.add_argument("--locale", default="de", help="Reader locale (try prs for the fallback chain).")
    parser.add_argument("--show-sql", action="store_true", help="Print the SQL of the last run of each query.")
    return parser.parse_args()


def setup_django():
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "cms.settings.dev")
    import django

    django.setup()


def run(client, query, variables):
    response = client.post(
        "/graphql/", json.dumps({"query": query, "variables": variables}), content_type="application/json"
    )
    body = response.json()
    if body.get("errors"):
        raise SystemExit(f"Query failed: {body['errors']}")
    return body["data"]


def count_items(data):
    (value,) = data.values()
    if isinstance(value, dict):
        return len(value.get("edges", [])), value.get("totalCount")
    return len(value), len(value)


def main():
    args = parse_args()
    setup_django()
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext
    from django.utils import timezone

    client = Client(HTTP_HOST="localhost")
    variables = {"locale": args.locale, "now": timezone.now().replace(hour=10).isoformat()}
    print(f"database: {connection.vendor} {connection.settings_dict['NAME']}, locale {args.locale}, {args.runs} runs")
    print(f"{'query':36} {'median ms':>10} {'p90 ms':>8} {'SQL/req':>8} {'items':>6} {'total':>7}")
    for name, query in QUERIES.items():
        for _ in range(2):
            run(client, query, variables)
        timings = []
        for _ in range(args.runs):
            with CaptureQueriesContext(connection) as captured:
                started = time.perf_counter()
                data = run(client, query, variables)
                timings.append((time.perf_counter() - started) * 1000)
        items, total = count_items(data)
        p90 = statistics.quantiles(timings, n=10)[-1] if len(timings) >= 2 else timings[0]
        print(
            f"{name:36} {statistics.median(timings):10.1f} {p90:8.1f} "
            f"{len(captured.captured_queries):8d} {items:6d} {str(total):>7}"
        )
        if args.show_sql:
            for sql in captured.captured_queries:
                print(f"    {float(sql['time']) * 1000:7.1f} ms  {sql['sql'][:300]}")


if __name__ == "__main__":
    main()
