"""
Our GraphQL API beside its peers, Wagtail's REST API v2 and wagtail-grapple, serving the
same data and the same fields from the same database, in one run, interleaved (issue 12).

What is compared: a list of 20 German guides (title, summary, topics with name and slug,
one image rendition ``max-480x480``) ordered by title, and the same for services; our
``search`` alone (for the scaling ratio). The peers' fields are declared by the bench app
``bench.peers`` (settings ``bench.peers.settings``), never in our models or production
URLs. Each side's exact query is printed.

Two modes, per database (one per size):

- **in-process**: Django's test client in one process, requests interleaved in shuffled
  rounds; median and 90th percentile in ms, SQL queries per request (counted in a separate
  pass with ``CaptureQueriesContext``), bytes and items; ratios ours / grapple and
  ours / REST v2. Ours is measured with its response cache off and on.
- **served**: gunicorn with ``cms/gunicorn.py`` (2 workers, its default threads), settings
  built on production (DEBUG off, WhiteNoise), a private Redis as cache; ``wrk`` (Debian:
  ``apt-get install -y wrk``; a Python thread client otherwise) sends GETs to each endpoint in
  turn, several rounds; requests per second per endpoint, once with
  ``GRAPHQL_RESPONSE_CACHE=0`` and once with ``=1``. The **floor** is ``/bench/floor/``:
  our guides answer's bytes from memory through the same middleware, no database.

Prepare one database per size (PostgreSQL; about 1 min, 4 min and 20 min), then run:

    .venv/bin/pip install -c constraints.txt -e '.[bench]'
    .venv/bin/pip install --no-deps -r bench/peers/requirements-grapple.txt
    .venv/bin/python bench/peers_bench.py --prepare --sizes 1000,10000,50000
    .venv/bin/python bench/peers_bench.py --sizes 1000,10000,50000

``--prepare`` creates ``welcome_peers_1k`` (``_10k``, ``_50k``: ``--url-template``), runs
``migrate``, ``load_demo --size N``, ``update_index`` and ``VACUUM ANALYZE``. ``--database-url URL``
measures one database instead of ``--sizes``. Images are kept in ``bench/out/media``
(``MEDIA_ROOT``), the floor's bytes and server logs in ``bench/out/``. It only reads
(besides renditions made on the first request, and the caches).
"""

import argparse
import json
import os
import random
import re
import secrets
import shutil
import socket
import statistics
import subprocess
import sys
import threading
import time
import urllib.parse
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "bench" / "out"
PYTHON = sys.executable
URL_TEMPLATE = "postgres://postgres@127.0.0.1:5432/welcome_peers_{label}"
RENDITION = "max-480x480"

OUR_LIST = """query ($locale: String) {{ {field}(locale: $locale, first: 20) {{ edges {{ node {{
  title summary topics {{ name slug }} image {{ rendition(size: SMALL) {{ url width height }} }} }} }} }} }}"""
OUR_SEARCH = """query ($locale: String) { search(query: "Beratung", locale: $locale, first: 20) {
  edges { node { __typename title } } } }"""
GRAPPLE_LIST = """query ($ancestor: ID) {{ pages(contentType: "{type}", ancestor: $ancestor, order: "title", limit: 20) {{
  ... on {name} {{ title summary topics {{ name slug }} image {{ rendition(max: "480x480") {{ url width height }} }} }} }} }}"""
REST_FIELDS = "_,title,summary,topics,image_thumbnail"

LISTS = {
    # list: (our root field, page type for the peers, grapple type name, parent index model)
    "guides": ("guides", "pages.GuidePage", "GuidePage", "pages.GuideIndexPage"),
    "services": ("services", "directory.ServicePage", "ServicePage", "directory.PartnerIndexPage"),
}


def label(size):
    return f"{size // 1000}k" if size % 1000 == 0 else str(size)


def compact(query):
    return " ".join(query.split())


# --- inside Django (worker) ---------------------------------------------------------------


def endpoints(locale="de"):
    """(name, list, side, path, GET params) of everything measured, built inside Django."""
    from django.apps import apps

    result = []
    for name, (field, page_type, type_name, index_model) in LISTS.items():
        our = compact(OUR_LIST.format(field=field))
        variables = json.dumps({"locale": locale})
        result.append((f"{name}: ours", name, "ours", "/graphql/", {"query": our, "variables": variables}))
        result.append((f"{name}: ours cached", name, "ours cached", "/graphql/", {"query": our, "variables": variables}))
        if apps.is_installed("grapple"):
            index = apps.get_model(index_model).objects.get(locale__language_code=locale)
            query = compact(GRAPPLE_LIST.format(type=page_type, name=type_name))
            result.append(
                (f"{name}: grapple", name, "grapple", "/grapple/graphql/",
                 {"query": query, "variables": json.dumps({"ancestor": str(index.pk)})})
            )
        result.append(
            (f"{name}: REST v2", name, "REST v2", "/api/v2/pages/",
             {"type": page_type, "locale": locale, "order": "title", "limit": "20", "fields": REST_FIELDS})
        )
    result.append(("search: ours", "search", "ours", "/graphql/",
                   {"query": compact(OUR_SEARCH), "variables": json.dumps({"locale": locale})}))
    result.append(("floor", "floor", "floor", "/bench/floor/", {}))
    return result


def items_of(side, body):
    """The titles in an answer, or raise with the answer's errors."""
    data = json.loads(body)
    if side == "REST v2":
        return [item["title"] for item in data["items"]]
    if data.get("errors"):
        raise RuntimeError(json.dumps(data["errors"])[:500])
    (value,) = data["data"].values()
    nodes = value if isinstance(value, list) else [edge["node"] for edge in value["edges"]]
    return [node["title"] for node in nodes]


def worker(args):
    """One database, in-process: prints one JSON line with the results."""
    import django

    django.setup()
    from django.conf import settings
    from django.db import connection
    from django.test import Client, override_settings
    from django.test.utils import CaptureQueriesContext
    from wagtail.models import Page

    client = Client(HTTP_HOST="localhost")
    targets = endpoints(args.locale)
    cache_setting = hasattr(settings, "GRAPHQL_RESPONSE_CACHE")

    def call(side, path, params):
        if side == "ours cached":
            if not cache_setting:
                return client.get(path, params)
            with override_settings(GRAPHQL_RESPONSE_CACHE=True):
                return client.get(path, params)
        return client.get(path, params)

    # The floor's bytes: our guides answer, as the server would send it.
    floor_file = Path(args.floor_file)
    our_guides = next(t for t in targets if t[0] == "guides: ours")
    response = call("ours", our_guides[3], our_guides[4])
    floor_file.write_bytes(response.content)
    from bench.peers import urls as peer_urls

    peer_urls._floor = response.content

    analyzed = None
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT coalesce(last_analyze, last_autoanalyze) FROM pg_stat_user_tables WHERE relname = 'wagtailcore_page'"
            )
            row = cursor.fetchone()
            analyzed = str(row[0]) if row and row[0] else None

    results = {}
    for name, _, side, path, params in targets:
        for _ in range(2):  # warm: renditions, caches, compiled plans
            response = call(side, path, params)
        if response.status_code != 200:
            raise SystemExit(f"{name}: HTTP {response.status_code}: {response.content[:300]!r}")
        titles = items_of(side, response.content)
        with CaptureQueriesContext(connection) as captured:
            call(side, path, params)
        results[name] = {
            "sql": len(captured.captured_queries),
            "items": len(titles),
            "titles": titles,
            "bytes": len(response.content),
            "timings": [],
            "path": path,
            "params": params,
        }
    rng = random.Random(12)
    order = list(targets)
    for _ in range(args.runs):
        rng.shuffle(order)
        for name, _, side, path, params in order:
            started = time.perf_counter()
            call(side, path, params)
            results[name]["timings"].append((time.perf_counter() - started) * 1000)
    for result in results.values():
        timings = result.pop("timings")
        result["median"] = statistics.median(timings) if timings else None
        result["p90"] = statistics.quantiles(timings, n=10)[-1] if len(timings) >= 2 else result["median"]
    print("RESULT " + json.dumps({
        "pages": Page.objects.count(),
        "guides_de": Page.objects.filter(content_type__model="guidepage", locale__language_code="de").count(),
        "analyzed": analyzed,
        "cache_setting": cache_setting,
        "results": results,
    }))


# --- the driver ----------------------------------------------------------------------------


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def base_env(database_url, redis_url):
    env = dict(os.environ)
    env.update(
        DJANGO_SETTINGS_MODULE="bench.peers.settings",
        PEERS_BASE_SETTINGS="cms.settings.production",
        DATABASE_URL=database_url,
        REDIS_URL=redis_url,
        SECRET_KEY=secrets.token_urlsafe(50),
        ALLOWED_HOSTS="localhost,127.0.0.1,testserver",
        SECURE_SSL_REDIRECT="0",
        # The anonymous API limit would answer a load generator with 429.
        EMBED_ANONYMOUS_RATE_LIMIT="1000000000",
        MEDIA_ROOT=str(OUT / "media"),
        STATIC_ROOT=str(OUT / "static"),
        LOG_LEVEL="WARNING",
        GRAPHQL_RESPONSE_CACHE="0",
        PYTHONPATH=str(ROOT),
    )
    return env


def start_redis():
    if not shutil.which("redis-server"):
        print("redis-server not found: the cache is process memory (REDIS_URL unset)")
        return None, ""
    port = free_port()
    process = subprocess.Popen(
        ["redis-server", "--port", str(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )
    for _ in range(50):
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.1).close()
            break
        except OSError:
            time.sleep(0.1)
    return process, f"redis://127.0.0.1:{port}/0"


def flush_redis(redis_url):
    if redis_url:
        host, port = redis_url.split("//")[1].split("/")[0].split(":")
        with socket.create_connection((host, int(port))) as sock:
            sock.sendall(b"FLUSHALL\r\n")
            sock.recv(100)


def run_inprocess(args, database_url, redis_url, floor_file):
    env = base_env(database_url, redis_url)
    command = [PYTHON, __file__, "--worker", "--runs", str(args.runs), "--locale", args.locale,
               "--floor-file", str(floor_file)]
    completed = subprocess.run(command, env=env, cwd=ROOT, capture_output=True, text=True)
    line = next((line for line in completed.stdout.splitlines() if line.startswith("RESULT ")), None)
    if completed.returncode or line is None:
        raise SystemExit(f"in-process worker failed:\n{completed.stdout[-2000:]}\n{completed.stderr[-4000:]}")
    return json.loads(line[len("RESULT "):])


def ratio(a, b):
    return f"{a / b:.2f}" if a and b else "-"


def print_inprocess(measured, runs):
    results = measured["results"]
    print(f"\n  in-process, Django test client, {runs} interleaved rounds; SQL counted in a separate pass")
    print(f"  {'endpoint':24} {'median ms':>9} {'p90 ms':>7} {'SQL/req':>7} {'items':>5} {'bytes':>7}")
    for name, result in results.items():
        print(f"  {name:24} {result['median']:9.2f} {result['p90']:7.2f} {result['sql']:7d} {result['items']:5d} {result['bytes']:7d}")
    for name in LISTS:
        ours = results.get(f"{name}: ours", {}).get("median")
        cached = results.get(f"{name}: ours cached", {}).get("median")
        grapple = results.get(f"{name}: grapple", {}).get("median")
        rest = results.get(f"{name}: REST v2", {}).get("median")
        print(f"  {name}: ours / grapple {ratio(ours, grapple)}, ours / REST v2 {ratio(ours, rest)}; "
              f"cached: ours / grapple {ratio(cached, grapple)}, ours / REST v2 {ratio(cached, rest)}")
        titles = {side: results[f"{name}: {side}"]["titles"] for side in ("ours", "grapple", "REST v2") if f"{name}: {side}" in results}
        same = len({tuple(value) for value in titles.values()}) == 1
        print(f"  {name}: same 20 titles on every side: {'yes' if same else 'NO'}"
              + ("" if same else "  " + "; ".join(f"{side}: {value[:2]}…" for side, value in titles.items())))


def wait_for(url, timeout=60):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(url, timeout=2) as response:
                if response.status == 200:
                    return
        except OSError:
            time.sleep(0.3)
    raise SystemExit(f"server did not answer {url} in {timeout} s")


def load_wrk(url, duration, connections):
    output = subprocess.run(
        ["wrk", "-t2", f"-c{connections}", f"-d{duration}s", "--timeout", "30s", url], capture_output=True, text=True
    ).stdout
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1))
    bad = re.search(r"Non-2xx or 3xx responses:\s+(\d+)", output)
    errors = re.search(r"Socket errors:.*", output)
    return rps, int(bad.group(1)) if bad else 0, errors.group(0) if errors else ""


def load_python(url, duration, connections):
    """A small threaded client for machines without wrk (keep-alive, one connection per thread)."""
    import http.client

    parts = urllib.parse.urlsplit(url)
    target = parts.path + ("?" + parts.query if parts.query else "")
    counts = [0] * connections
    bad = [0] * connections
    deadline = time.monotonic() + duration

    def run(index):
        connection = http.client.HTTPConnection(parts.hostname, parts.port)
        while time.monotonic() < deadline:
            connection.request("GET", target)
            response = connection.getresponse()
            response.read()
            counts[index] += 1
            bad[index] += response.status >= 400

    threads = [threading.Thread(target=run, args=(index,)) for index in range(connections)]
    started = time.monotonic()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return sum(counts) / (time.monotonic() - started), sum(bad), ""


def run_served(args, database_url, redis_url, floor_file, inprocess):
    load = load_wrk if shutil.which("wrk") and not args.python_client else load_python
    client = "wrk -t2 -c{0}".format(args.connections) if load is load_wrk else f"Python client, {args.connections} threads"
    results = inprocess["results"]
    names = [name for name in results if name.startswith("guides") and name != "guides: ours cached"] + ["floor"]
    table = {}
    for cache in ("0", "1"):
        flush_redis(redis_url)
        port = free_port()
        env = base_env(database_url, redis_url)
        env.update(GRAPHQL_RESPONSE_CACHE=cache, PEERS_FLOOR_FILE=str(floor_file), HOST="127.0.0.1", PORT=str(port),
                   WEB_CONCURRENCY=str(args.workers))
        log = open(OUT / f"gunicorn-{cache}.log", "w")
        server = subprocess.Popen(
            [str(Path(PYTHON).parent / "gunicorn"), "-c", "cms/gunicorn.py"],
            env=env, cwd=ROOT, stdout=log, stderr=subprocess.STDOUT,
        )
        try:
            base = f"http://127.0.0.1:{port}"
            wait_for(f"{base}/bench/floor/")
            urls = {
                name: base + results[name]["path"] + ("?" + urllib.parse.urlencode(results[name]["params"]) if results[name]["params"] else "")
                for name in names
            }
            for url in urls.values():  # warm every worker
                for _ in range(4 * args.workers):
                    urllib.request.urlopen(url, timeout=30).read()
            for round_number in range(args.rounds):
                order = names[round_number % len(names):] + names[: round_number % len(names)]
                for name in order:
                    rps, bad, errors = load(urls[name], args.duration, args.connections)
                    entry = table.setdefault((cache, name), {"rps": [], "bad": 0, "errors": set()})
                    entry["rps"].append(rps)
                    entry["bad"] += bad
                    if errors:
                        entry["errors"].add(errors)
        finally:
            server.terminate()
            server.wait(timeout=30)
            log.close()
    print(f"\n  served: gunicorn -c cms/gunicorn.py, {args.workers} workers x {os.environ.get('GUNICORN_THREADS', '4')} threads, "
          f"production settings, Redis cache; {client}, {args.duration} s per endpoint, {args.rounds} rounds interleaved")
    print(f"  {'endpoint':24} {'req/s cache off':>15} {'req/s cache on':>15} {'non-2xx':>8}")
    for name in names:
        off, on = (statistics.median(table[(cache, name)]["rps"]) for cache in ("0", "1"))
        bad = table[("0", name)]["bad"] + table[("1", name)]["bad"]
        print(f"  {name:24} {off:15.1f} {on:15.1f} {bad:8d}")
        for cache in ("0", "1"):
            for error in table[(cache, name)]["errors"]:
                print(f"    cache {cache}: {error}")
    med = {key: statistics.median(value["rps"]) for key, value in table.items()}
    for cache, title in (("0", "cache off"), ("1", "cache on")):
        ours = med[(cache, "guides: ours")]
        grapple = med.get((cache, "guides: grapple"))
        rest = med[(cache, "guides: REST v2")]
        floor = med[(cache, "floor")]
        # Time per request is 1 / (req/s): ours / peer in time = peer req/s / our req/s.
        print(f"  {title}: time ours / grapple {ratio(grapple, ours)}, ours / REST v2 {ratio(rest, ours)}; "
              f"ours req/s / floor req/s {ratio(ours, floor)}")
    return med


def prepare(args, sizes):
    env = dict(os.environ, DJANGO_SETTINGS_MODULE="cms.settings.dev", MEDIA_ROOT=str(OUT / "media"), LOG_LEVEL="WARNING")
    for size in sizes:
        url = args.url_template.format(label=label(size))
        name = urllib.parse.urlsplit(url).path.lstrip("/")
        admin = url.rsplit("/", 1)[0] + "/postgres"
        print(f"preparing {name} ({size} pages)", flush=True)
        exists = subprocess.run(["psql", admin, "-tAc", f"SELECT 1 FROM pg_database WHERE datname = '{name}'"],
                                capture_output=True, text=True).stdout.strip()
        if not exists:
            subprocess.run(["psql", admin, "-qc", f'CREATE DATABASE "{name}"'], check=True)
        env["DATABASE_URL"] = url
        for command in (["migrate", "-v0"], ["load_demo", "--size", str(size)], ["update_index", "-v0"]):
            started = time.monotonic()
            subprocess.run([PYTHON, "manage.py", *command], env=env, cwd=ROOT, check=True, stdout=subprocess.DEVNULL)
            print(f"  {' '.join(command[:1])}: {time.monotonic() - started:.0f} s", flush=True)
        # The steady state of a database under autovacuum: statistics, and the search index's
        # GIN pending lists merged (a fresh load leaves them long, and each search reads them).
        subprocess.run(["psql", url, "-qc", "VACUUM ANALYZE"], check=True)


def parse_args():
    parser = argparse.ArgumentParser(description=__doc__.strip().splitlines()[0])
    parser.add_argument("--sizes", default="1000,10000", help="Comma-separated page counts (load_demo --size), one database each.")
    parser.add_argument("--url-template", default=URL_TEMPLATE, help="Database URL per size; {label} is 1k, 10k, 50k …")
    parser.add_argument("--database-url", help="Measure this one database instead of --sizes.")
    parser.add_argument("--prepare", action="store_true", help="Create and fill the databases of --sizes, then stop.")
    parser.add_argument("--mode", default="inprocess,served", help="inprocess, served or both (comma-separated).")
    parser.add_argument("--runs", type=int, default=30, help="In-process rounds (every endpoint once per round).")
    parser.add_argument("--rounds", type=int, default=3, help="Served: rounds over the endpoints.")
    parser.add_argument("--duration", type=int, default=5, help="Served: seconds of load per endpoint and round.")
    parser.add_argument("--connections", type=int, default=8, help="Served: concurrent connections.")
    parser.add_argument("--workers", type=int, default=2, help="Served: gunicorn workers (WEB_CONCURRENCY).")
    parser.add_argument("--python-client", action="store_true", help="Served: use the Python client even if wrk exists.")
    parser.add_argument("--locale", default="de")
    parser.add_argument("--worker", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--floor-file", help=argparse.SUPPRESS)
    return parser.parse_args()


def print_queries(locale="de"):
    print("queries (each side, same fields: title, summary, topics name+slug, image rendition max-480x480):")
    for name, (field, page_type, type_name, _) in LISTS.items():
        print(f"  {name}: ours     GET /graphql/ {compact(OUR_LIST.format(field=field))}  variables {{\"locale\": \"{locale}\"}}")
        print(f"  {name}: grapple  GET /grapple/graphql/ {compact(GRAPPLE_LIST.format(type=page_type, name=type_name))}"
              f"  (ancestor: the German {name} index page)")
        print(f"  {name}: REST v2  GET /api/v2/pages/?type={page_type}&locale={locale}&order=title&limit=20&fields={REST_FIELDS}")
    print(f"  search:   ours     GET /graphql/ {compact(OUR_SEARCH)}")
    print("  floor:    GET /bench/floor/ (the bytes of our guides answer, from memory)")


def main():
    args = parse_args()
    if args.worker:
        sys.path.insert(0, str(ROOT))
        return worker(args)
    sizes = [int(size) for size in args.sizes.split(",") if size]
    if args.prepare:
        return prepare(args, sizes)
    (OUT / "static").mkdir(parents=True, exist_ok=True)
    modes = set(args.mode.split(","))
    targets = [(f"given database", args.database_url)] if args.database_url else [
        (f"{size} pages", args.url_template.format(label=label(size))) for size in sizes
    ]
    commit = subprocess.run(["git", "describe", "--always", "--dirty"], cwd=ROOT, capture_output=True, text=True).stdout.strip()
    print(f"peers_bench: commit {commit}, {os.cpu_count()} CPUs, locale {args.locale}")
    print_queries(args.locale)
    redis, redis_url = start_redis()
    summary = {}
    try:
        for title, url in targets:
            flush_redis(redis_url)
            floor_file = OUT / f"floor-{urllib.parse.urlsplit(url).path.strip('/') or 'db'}.json"
            measured = run_inprocess(args, url, redis_url, floor_file)
            print(f"\n== {title}: {urllib.parse.urlsplit(url).path.lstrip('/')}, {measured['pages']} pages, "
                  f"{measured['guides_de']} German guides, last ANALYZE {measured['analyzed'] or 'NEVER (run ANALYZE)'}"
                  + ("" if measured["cache_setting"] else "; no GRAPHQL_RESPONSE_CACHE setting: cached = uncached"))
            if "inprocess" in modes:
                print_inprocess(measured, args.runs)
            summary[title] = measured
            if "served" in modes:
                summary[title]["served"] = run_served(args, url, redis_url, floor_file, measured)
    finally:
        if redis:
            redis.terminate()
            redis.wait()
    if len(targets) > 1 and "inprocess" in modes:
        first, last = targets[0][0], targets[-1][0]
        print(f"\nscaling, in-process median at {last} / at {first} (target <= 1.3 for ours):")
        for name in ["guides: ours", "services: ours", "search: ours", "guides: grapple", "guides: REST v2"]:
            a = summary[first]["results"].get(name, {}).get("median")
            b = summary[last]["results"].get(name, {}).get("median")
            print(f"  {name:24} {a or 0:8.2f} ms -> {b or 0:8.2f} ms  x{ratio(b, a)}")


if __name__ == "__main__":
    main()
