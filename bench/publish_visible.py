"""
Publish → visible, with the response cache on: how long after an editor publishes does the
API answer with the new text?

Runs the production server (gunicorn, production settings, 2 workers) on a database of
your choice and Redis (its own database number on the shared server, or REDIS_URL),
makes sure the API's answers for one guide and for the guide list are cached (``X-Cache:
HIT``), publishes a new title through Wagtail in this process (as the admin would, in
another process than the server), and polls the API until both answers show it.

    createdb -h 127.0.0.1 -U postgres welcome_publish
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/welcome_publish .venv/bin/python bench/publish_visible.py [--rounds 20]

The first run migrates and loads the demo content. Prints, per answer, the median and the
maximum milliseconds from the end of ``publish()`` (the commit) to the first poll that
shows the new title, and how many polls before the publication were cache hits.
"""

import argparse
import json
import os
import secrets
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.parse
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
ONE = "query ($id: ID!) { guide(id: $id) { title } }"
LIST = "query { guides(first: 100, order: TITLE) { edges { node { id title } } } }"


def free_port():
    import socket

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def get(base, query, variables=None):
    params = {"query": query}
    if variables:
        params["variables"] = json.dumps(variables)
    # As the TLS-terminating proxy in front of production passes it on.
    request = urllib.request.Request(f"{base}/graphql/?{urllib.parse.urlencode(params)}", headers={"X-Forwarded-Proto": "https"})
    with urllib.request.urlopen(request, timeout=10) as response:
        return json.loads(response.read()), response.headers.get("X-Cache")


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rounds", type=int, default=20)
    parser.add_argument("--redis-url", default=os.environ.get("REDIS_URL", "redis://127.0.0.1:6379/7"))
    args = parser.parse_args()
    if not os.environ.get("DATABASE_URL", "").startswith("postgres"):
        sys.exit("Set DATABASE_URL to a PostgreSQL database (see the docstring).")

    work = Path(tempfile.mkdtemp(prefix="welcome-publish-"))
    port = free_port()
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "cms.settings.production",
        "SECRET_KEY": secrets.token_urlsafe(50),
        "ALLOWED_HOSTS": "127.0.0.1,localhost",
        "REDIS_URL": args.redis_url,
        "STATIC_ROOT": str(work / "static"),
        "MEDIA_ROOT": str(work / "media"),
        "EMBED_ANONYMOUS_RATE_LIMIT": "1000000",
        "GRAPHQL_RESPONSE_CACHE": "1",
        "PORT": str(port),
        "HOST": "127.0.0.1",
        "WEB_CONCURRENCY": "2",
        "TASKS_BACKEND": "immediate",
        "LOG_LEVEL": "WARNING",
    }
    os.environ.update(env)
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()
    from django.core.cache import cache
    from django.core.management import call_command

    from pages.models import GuidePage

    print("preparing: migrate, demo content, static files …", flush=True)
    call_command("migrate", "--noinput", verbosity=0)
    if not GuidePage.objects.live().exists():
        call_command("load_demo", verbosity=0)
    call_command("collectstatic", "--noinput", verbosity=0)
    cache.clear()
    server = subprocess.Popen(
        [sys.executable, "-m", "gunicorn", "--config", "cms/gunicorn.py"],
        cwd=ROOT, env=env, stdout=open(work / "gunicorn.log", "w"), stderr=subprocess.STDOUT,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(100):
            try:
                urllib.request.urlopen(base + "/health/", timeout=2)
                break
            except OSError:
                time.sleep(0.2)
        guides = list(GuidePage.objects.live().filter(locale__language_code="de").order_by("pk")[: args.rounds])
        delays = {"guide(id)": [], "guides list": []}
        hits = total = 0
        for number, guide in enumerate(guides):
            variables = {"id": str(guide.pk)}
            for _ in range(2):  # warm: the second is a hit
                _, one = get(base, ONE, variables)
                _, many = get(base, LIST)
                hits += (one == "HIT") + (many == "HIT")
                total += 2
            title = f"{guide.title.split(' · ')[0]} · {number}-{secrets.token_hex(2)}"
            revision = guide.specific
            revision.title = title
            revision.save_revision().publish()
            published = time.perf_counter()
            seen = {}
            while len(seen) < 2 and time.perf_counter() - published < 10:
                if "guide(id)" not in seen and get(base, ONE, variables)[0]["data"]["guide"]["title"] == title:
                    seen["guide(id)"] = time.perf_counter() - published
                if "guides list" not in seen:
                    edges = get(base, LIST)[0]["data"]["guides"]["edges"]
                    if any(edge["node"]["title"] == title for edge in edges):
                        seen["guides list"] = time.perf_counter() - published
                time.sleep(0.005)
            for name in delays:
                delays[name].append(seen.get(name, float("inf")))
        print(f"\n{len(guides)} publications; answers cached before each: {hits} of {total} warm polls were hits")
        print(f"{'answer':<14} {'median ms':>10} {'max ms':>10}  (from the end of publish() to the first poll showing it)")
        for name, values in delays.items():
            print(f"{name:<14} {statistics.median(values) * 1000:>10.1f} {max(values) * 1000:>10.1f}")
    finally:
        server.terminate()
        server.wait(timeout=10)


if __name__ == "__main__":
    main()
