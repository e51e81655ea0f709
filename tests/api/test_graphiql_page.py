"""
GraphiQL's page on /graphql/ loads only our own static files (no CDN), and only the files
that are there; the browser test (tests/browser/test_graphiql.py) proves it works offline.
"""

import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
from django.conf import settings
from django.contrib.staticfiles import finders

import graphql_api

STATIC_PREFIX = "graphql_api/graphiql/"
FOLDER = Path(graphql_api.__file__).parent / "static" / "graphql_api" / "graphiql"


class PageParser(HTMLParser):
    def __init__(self):
        super().__init__()
        self.references = []  # (tag, attribute, value)
        self.inline_scripts = []
        self.event_handlers = []
        self.inline_styles = []
        self._in_script = False

    def handle_starttag(self, tag, attrs):
        for name, value in attrs:
            if name in {"src", "href"}:
                self.references.append((tag, name, value))
            if name.startswith("on"):
                self.event_handlers.append((tag, name))
            if name == "style":
                self.inline_styles.append(tag)
        if tag == "script":
            self._in_script = True
            if not dict(attrs).get("src"):
                self.inline_scripts.append("<script> without src")
        if tag == "style":
            self.inline_styles.append("style")

    def handle_endtag(self, tag):
        if tag == "script":
            self._in_script = False

    def handle_data(self, data):
        if self._in_script and data.strip():
            self.inline_scripts.append(data.strip()[:80])


@pytest.fixture
def page(client, db):
    response = client.get("/graphql/", HTTP_ACCEPT="text/html")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/html")
    html = response.content.decode()
    parser = PageParser()
    parser.feed(html)
    return html, parser


def test_the_page_loads_only_our_static_files(page):
    html, parser = page
    assert "://" not in html, "an absolute URL in the GraphiQL page"
    assert "unpkg" not in html and "jsdelivr" not in html
    references = [value for _tag, _attribute, value in parser.references]
    assert references, "GraphiQL's page references no files: is it strawberry's built-in page?"
    for value in references:
        assert value.startswith(settings.STATIC_URL + STATIC_PREFIX), value
    scripts = [value for tag, _attribute, value in parser.references if tag == "script"]
    assert scripts[-1].endswith("/start.js")
    assert any(value.endswith("/graphiql.min.css") for value in references)


def test_the_page_has_no_inline_script_style_or_event_handler(page):
    _html, parser = page
    assert parser.inline_scripts == []
    assert parser.event_handlers == []
    assert parser.inline_styles == []


def test_every_file_the_page_references_is_a_static_file_and_none_is_unused(page):
    _html, parser = page
    names = [value.removeprefix(settings.STATIC_URL) for _tag, _attribute, value in parser.references]
    for name in names:
        assert finders.find(name), f"{name} is not found by the static files finders"
    shipped = {path.name for path in FOLDER.iterdir() if path.name != "README.txt"}
    assert {name.removeprefix(STATIC_PREFIX) for name in names} == shipped


def test_vendored_files_load_nothing_from_elsewhere():
    """No font or image from a CDN in the CSS, and no source map reference a manifest
    storage would try (and fail) to resolve at collectstatic."""
    for path in FOLDER.glob("*.css"):
        text = path.read_text(encoding="utf-8")
        assert "@import" not in text, path.name
        for target in re.findall(r"url\(\s*['\"]?([^'\")]*)", text):
            assert target.startswith("data:"), f"{path.name}: url({target[:60]})"
    for path in [*FOLDER.glob("*.js"), *FOLDER.glob("*.css")]:
        assert "sourceMappingURL" not in path.read_text(encoding="utf-8"), path.name


def test_readme_names_every_vendored_file():
    readme = (FOLDER / "README.txt").read_text(encoding="utf-8")
    ours = {"start.js", "page.css"}
    for path in FOLDER.iterdir():
        if path.name not in ours | {"README.txt"}:
            assert re.search(rf"^{re.escape(path.name)}\s+\S+\s+\d+\.\d+\.\d+\s.*MIT$", readme, re.M), path.name
