"""The kiosk screen's service worker: served per screen, scoped to it, with the shell filled in."""

import json
import re

from kiosk.views import shell_files
from tests.kiosk.test_screen import config_of


def constant(source, name):
    return json.loads(re.search(rf"^const {name} = (.*);$", source, re.MULTILINE).group(1))


def test_the_page_registers_the_worker_of_its_own_screen(client, screen):
    config = config_of(client.get("/kiosk/foyer/"))
    assert config["serviceWorkerUrl"] == "/kiosk/foyer/sw.js"
    assert config["scope"] == "/kiosk/foyer/"


def test_the_worker_keeps_the_page_and_every_module(client, screen):
    response = client.get("/kiosk/foyer/sw.js")
    assert response.status_code == 200
    assert response["Content-Type"] == "text/javascript; charset=utf-8"
    # Browsers check for a new worker on every load; its script is never kept stale.
    assert response["Cache-Control"] == "no-cache"
    # Below the screen's path: the worker may control the screen without a Service-Worker-Allowed header.
    assert "Service-Worker-Allowed" not in response
    source = response.content.decode()
    assert "__KIOSK_" not in source
    shell = constant(source, "SHELL")
    assert shell[0] == "/kiosk/foyer/"
    assert {"/static/kiosk/main.js", "/static/kiosk/views.js", "/static/kiosk/service.js", "/static/kiosk/kiosk.css"} <= set(shell)
    assert "/static/kiosk/sw.js" not in shell
    assert constant(source, "PAGE") == "/kiosk/foyer/"
    assert constant(source, "CACHE").startswith(constant(source, "PREFIX")) and "foyer" in constant(source, "PREFIX")
    # API answers are the page's own business (store.js): the worker keeps no /graphql/ answer.
    assert not any(prefix.startswith("/graphql") for prefix in constant(source, "KEPT"))


def test_every_module_the_page_imports_is_in_the_shell():
    from pathlib import Path

    folder = Path(__file__).resolve().parents[2] / "kiosk" / "static" / "kiosk"
    imported = set()
    for module in folder.glob("*.js"):
        imported |= set(re.findall(r'from "\./([\w.]+)"', module.read_text(encoding="utf-8")))
    assert {f"kiosk/{name}" for name in imported} | {"kiosk/main.js", "kiosk/kiosk.css"} <= set(shell_files())


def test_a_new_release_gets_a_new_cache(client, screen, settings):
    settings.RELEASE = "abc123"
    source = client.get("/kiosk/foyer/sw.js").content.decode()
    assert constant(source, "CACHE") == "welcome-kiosk:foyer:abc123"


def test_head_is_answered_and_other_methods_are_not(client, screen):
    assert client.head("/kiosk/foyer/sw.js").status_code == 200
    assert client.post("/kiosk/foyer/sw.js").status_code == 405


def test_an_unknown_screen_has_no_worker(client, db):
    assert client.get("/kiosk/nowhere/sw.js").status_code == 404


def test_the_worker_is_allowed_by_the_content_security_policy(client, screen):
    """A worker falls under worker-src, else script-src, else default-src: ours is our own origin."""
    policy = client.get("/kiosk/foyer/")["Content-Security-Policy"]
    directives = {part.split()[0]: part.split()[1:] for part in policy.split(";") if part.strip()}
    allowed = directives.get("worker-src") or directives.get("script-src") or directives.get("default-src")
    assert allowed == ["'self'"]
