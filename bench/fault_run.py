"""
Faults under load: the production server (gunicorn, production settings) on its own
PostgreSQL and its own Redis, both started here on free ports and stopped here (never the
shared ones), while reader threads send a bounded load and an editor keeps saving.

    .venv/bin/python bench/fault_run.py [--seconds 45] [--readers 4]

Timeline: normal; Redis stopped for 10 s; normal; PostgreSQL stopped (fast shutdown) for
5 s; normal. Prints, per phase, the requests, the answers by status and error code, HTML
500s, and the seconds from the end of each fault to the first good answer; and the
editor's saves: attempted, confirmed, and present in the database at the end (none may be
lost: a save that was confirmed must be there).
"""

import argparse
import collections
import json
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PG_BIN = Path(sorted(Path("/usr/lib/postgresql").glob("*/bin"))[-1]) if Path("/usr/lib/postgresql").exists() else None
KEY = "k3y-0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJ"
QUERIES = [
    "/graphql/?query=%7Bguides(first%3A5)%7BtotalCount%20edges%7Bnode%7Btitle%7D%7D%7D%7D",
    "/graphql/?query=%7Blocales%7Bcode%7D%7D",
    "/feeds/events/topic/sprachkurse.ics",
    "/health/",
]


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def as_postgres(*command, **kwargs):
    prefix = ["runuser", "-u", "postgres", "--"] if os.geteuid() == 0 else []
    return subprocess.run([*prefix, *command], check=True, capture_output=True, text=True, **kwargs)


class OwnPostgres:
    def __init__(self, folder):
        self.folder, self.port = folder, free_port()
        os.chmod(folder.parent, 0o777)
        folder.mkdir()
        shutil.chown(folder, "postgres") if os.geteuid() == 0 else None
        as_postgres(str(PG_BIN / "initdb"), "-D", str(folder), "-A", "trust", "-U", "postgres")

    def start(self):
        as_postgres(str(PG_BIN / "pg_ctl"), "-D", str(self.folder), "-o", f"-p {self.port} -k {self.folder}", "-w", "-l", str(self.folder / "log"), "start")

    def stop(self):
        as_postgres(str(PG_BIN / "pg_ctl"), "-D", str(self.folder), "-m", "fast", "-w", "stop")


class OwnRedis:
    def __init__(self):
        self.port, self.process = free_port(), None

    def start(self):
        self.process = subprocess.Popen(
            ["redis-server", "--port", str(self.port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"],
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        )
        time.sleep(0.3)

    def stop(self):
        self.process.terminate()
        self.process.wait(timeout=10)


def fetch(url):
    request = urllib.request.Request(url, headers={"X-Forwarded-Proto": "https"})
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            return response.status, response.headers.get("Content-Type", ""), response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.headers.get("Content-Type", ""), error.read()
    except (urllib.error.URLError, OSError):
        return 0, "", b""


def classify(status, content_type, body):
    if status == 200:
        return "200"
    if content_type.startswith("application/json"):
        try:
            data = json.loads(body)
        except ValueError:
            data = {}
        if "status" in data:  # /health/
            return f"{status} health {data['status']}"
        errors = data.get("errors") or [{}]
        return f"{status} {errors[0].get('extensions', {}).get('code')}"
    if status >= 500 and content_type.startswith("text/html"):
        return f"{status} HTML"
    return f"{status} {content_type.split(';')[0] or 'no answer'}"


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--readers", type=int, default=4)
    args = parser.parse_args()
    if PG_BIN is None or shutil.which("redis-server") is None:
        sys.exit("needs PostgreSQL's server binaries and redis-server")

    work = Path(tempfile.mkdtemp(prefix="welcome-faults-"))
    postgres, redis = OwnPostgres(work / "pg"), OwnRedis()
    postgres.start()
    redis.start()
    port = free_port()
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "cms.settings.production",
        "SECRET_KEY": KEY,
        "ALLOWED_HOSTS": "127.0.0.1,localhost",
        "DATABASE_URL": f"postgres://postgres@127.0.0.1:{postgres.port}/postgres",
        "REDIS_URL": f"redis://127.0.0.1:{redis.port}/0",
        "STATIC_ROOT": str(work / "static"),
        "MEDIA_ROOT": str(work / "media"),
        "EMBED_ANONYMOUS_RATE_LIMIT": "1000000",
        "PORT": str(port),
        "HOST": "127.0.0.1",
        "WEB_CONCURRENCY": "2",
        "TASKS_BACKEND": "immediate",
    }
    manage = lambda *command: subprocess.run([sys.executable, "manage.py", *command], cwd=ROOT, env=env, check=True, capture_output=True)  # noqa: E731
    print("preparing: migrate, demo content, static files …", flush=True)
    manage("migrate", "--noinput")
    manage("load_demo")
    manage("collectstatic", "--noinput")
    server = subprocess.Popen([sys.executable, "-m", "gunicorn", "--config", "cms/gunicorn.py"], cwd=ROOT, env=env,
                              stdout=open(work / "gunicorn.log", "w"), stderr=subprocess.STDOUT)
    base = f"http://127.0.0.1:{port}"
    while fetch(base + "/health/")[0] != 200:
        time.sleep(0.2)

    phase = ["normal"]
    results = collections.defaultdict(collections.Counter)
    good_after = {}
    fault_ended = {}
    stop = threading.Event()
    saves = {"attempted": 0, "confirmed": [], "failed": 0}

    def reader(number):
        index = number
        while not stop.is_set():
            query = QUERIES[index % len(QUERIES)]
            status, content_type, body = fetch(base + query)
            index += 1
            label = classify(status, content_type, body)
            current = phase[0]
            results[current][label] += 1
            # Recovery counts from the first good answer that needed the database.
            if status == 200 and query == QUERIES[0] and current.startswith("after ") and current not in good_after:
                good_after[current] = time.monotonic() - fault_ended[current]
            time.sleep(0.02)

    def editor():
        """An editor saving a setting-like row through the ORM of another process: a unique marker per save."""
        number = 0
        while not stop.is_set():
            number += 1
            saves["attempted"] += 1
            script = (
                "import django; django.setup(); from wagtail.models import Collection; "
                f"Collection.get_first_root_node().add_child(name='fault-save-{number}')"
            )
            result = subprocess.run([sys.executable, "-c", script], cwd=ROOT, env=env, capture_output=True, timeout=30)
            if result.returncode == 0:
                saves["confirmed"].append(number)
            else:
                saves["failed"] += 1
            time.sleep(0.5)

    threads = [threading.Thread(target=reader, args=(n,)) for n in range(args.readers)] + [threading.Thread(target=editor)]
    for thread in threads:
        thread.start()

    def during(name, seconds, begin, end):
        phase[0] = f"before {name}"
        time.sleep(5)
        phase[0] = name
        begin()
        time.sleep(seconds)
        end()
        fault_ended[f"after {name}"] = time.monotonic()
        phase[0] = f"after {name}"
        time.sleep(8)

    try:
        during("Redis down 10 s", 10, redis.stop, redis.start)
        during("PostgreSQL down 5 s", 5, postgres.stop, postgres.start)
    finally:
        stop.set()
        for thread in threads:
            thread.join()
        server.terminate()
        server.wait(timeout=30)

    check = subprocess.run(
        [sys.executable, "-c", "import django; django.setup(); from wagtail.models import Collection; "
         "print(' '.join(n.split('-')[-1] for n in Collection.objects.filter(name__startswith='fault-save-').values_list('name', flat=True)))"],
        cwd=ROOT, env=env, capture_output=True, text=True,
    )
    stored = {int(n) for n in check.stdout.split()}
    postgres.stop()
    redis.stop()
    shutil.rmtree(work, ignore_errors=True)

    html_500 = sum(count for counter in results.values() for label, count in counter.items() if label.endswith("HTML"))
    print(f"\n{'phase':28} {'requests':>8}  answers")
    for name, counter in results.items():
        answers = ", ".join(f"{label}: {count}" for label, count in counter.most_common())
        print(f"{name:28} {sum(counter.values()):8}  {answers}")
    for name, seconds in good_after.items():
        print(f"recovery {name[6:]:20} first good answer {seconds:.2f} s after the fault ended")
    lost = [number for number in saves["confirmed"] if number not in stored]
    print(f"HTML 500s: {html_500}")
    print(f"editor saves: {saves['attempted']} attempted, {len(saves['confirmed'])} confirmed, {saves['failed']} refused during faults, {len(lost)} confirmed but lost")
    return 1 if html_500 or lost else 0


if __name__ == "__main__":
    sys.exit(main())
