"""
GraphiQL on /graphql/ works offline: every request the page makes goes to our own server
(React, GraphiQL and its CSS are our static files), and a query runs and shows its result.
Requests to any other host are recorded and aborted, as on a machine without internet.
"""

from urllib.parse import quote, urlsplit

try:
    from playwright.sync_api import expect
except ImportError:  # conftest skips these tests (or fails them under CI) and says why
    expect = None

from tests.browser.helpers import screenshot

QUERY = "{ locales { code } }"


def test_graphiql_runs_a_query_without_leaving_the_server(page, server, screenshot_dir):
    own = urlsplit(server.url).netloc
    requests = []

    def record(request):
        requests.append(request.url)

    def only_our_server(route):
        if urlsplit(route.request.url).netloc == own:
            route.continue_()
        else:
            route.abort()

    page.on("request", record)
    page.route("**/*", only_our_server)

    page.goto(f"{server.url}/graphql/?q={quote(QUERY)}")
    editor = page.locator(".graphiql-query-editor .CodeMirror")
    expect(editor).to_be_visible()
    expect(editor).to_contain_text("locales")
    expect(page.get_by_role("button", name="Headers")).to_be_visible()  # headers editor on

    page.locator(".graphiql-execute-button").click()
    result = page.locator(".graphiql-response")
    expect(result).to_contain_text('"code": "de"')
    screenshot(page, screenshot_dir, "graphiql")

    assert requests, "no request recorded"
    foreign = [url for url in requests if urlsplit(url).scheme not in {"data", "blob"} and urlsplit(url).netloc != own]
    assert foreign == [], f"requests to other hosts than {own}: {foreign}"
    statics = [url for url in requests if urlsplit(url).path.startswith("/static/graphql_api/graphiql/")]
    assert any(url.endswith("/graphiql.min.js") for url in statics)
    assert any(url.endswith("/start.js") for url in statics)
    assert page.js_errors == []
