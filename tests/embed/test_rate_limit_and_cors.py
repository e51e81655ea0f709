"""The middleware in front of /graphql/ and /feeds/: rate limits and CORS."""

GRAPHQL = "/graphql/?query=%7B__typename%7D"
ORIGIN = "https://verein.example.org"


def test_anonymous_use_works_but_is_rate_limited_with_a_retry_hint(client, settings):
    settings.EMBED_ANONYMOUS_RATE_LIMIT = 3
    for _ in range(3):
        assert client.get(GRAPHQL).status_code == 200
    response = client.get(GRAPHQL)
    assert response.status_code == 429
    assert 1 <= int(response["Retry-After"]) <= 60
    assert response["Cache-Control"] == "no-store"
    error = response.json()["errors"][0]
    assert error["extensions"]["code"] == "RATE_LIMITED"
    assert error["extensions"]["retryAfter"] == int(response["Retry-After"])
    assert response["Retry-After"] in error["message"]


def test_limits_are_per_client_address(client, settings):
    settings.EMBED_ANONYMOUS_RATE_LIMIT = 1
    assert client.get(GRAPHQL, REMOTE_ADDR="10.0.0.1").status_code == 200
    assert client.get(GRAPHQL, REMOTE_ADDR="10.0.0.1").status_code == 429
    assert client.get(GRAPHQL, REMOTE_ADDR="10.0.0.2").status_code == 200


def test_a_key_has_its_own_limit(client, issue_key, settings):
    settings.EMBED_ANONYMOUS_RATE_LIMIT = 1
    _key, raw = issue_key(limit=2)
    assert client.get(GRAPHQL).status_code == 200
    assert client.get(GRAPHQL).status_code == 429
    assert client.get(GRAPHQL, HTTP_X_API_KEY=raw).status_code == 200
    assert client.get(GRAPHQL, HTTP_X_API_KEY=raw).status_code == 200
    limited = client.get(GRAPHQL, HTTP_X_API_KEY=raw)
    assert limited.status_code == 429
    assert limited.json()["errors"][0]["extensions"]["code"] == "RATE_LIMITED"


def test_feeds_are_rate_limited_too(client, settings, db):
    settings.EMBED_ANONYMOUS_RATE_LIMIT = 1
    client.get("/feeds/events/topic/none.ics")
    assert client.get("/feeds/events/topic/none.ics").status_code == 429


def test_other_paths_are_not_limited(client, settings, db):
    settings.EMBED_ANONYMOUS_RATE_LIMIT = 1
    for _ in range(3):
        response = client.get("/embed/widget.js")
        assert response.status_code == 200
        assert response["Content-Type"].startswith("text/javascript")


def test_cors_granted_for_an_allowed_origin_with_the_key_as_query_parameter(client, issue_key):
    _key, raw = issue_key(origins=f"{ORIGIN}\nhttps://other.example.org")
    response = client.get(f"{GRAPHQL}&key={raw}", HTTP_ORIGIN=ORIGIN)
    assert response.status_code == 200
    assert response["Access-Control-Allow-Origin"] == ORIGIN
    assert "Origin" in response["Vary"]


def test_cors_refused_for_an_origin_the_key_does_not_list(client, issue_key):
    _key, raw = issue_key(origins=ORIGIN)
    response = client.get(GRAPHQL, HTTP_X_API_KEY=raw, HTTP_ORIGIN="https://evil.example.com")
    assert response.status_code == 403
    assert "Access-Control-Allow-Origin" not in response
    assert response.json()["errors"][0]["extensions"]["code"] == "ORIGIN_NOT_ALLOWED"


def test_anonymous_cross_origin_requests_get_no_cors_grant(client):
    response = client.get(GRAPHQL, HTTP_ORIGIN=ORIGIN)
    assert response.status_code == 200
    assert "Access-Control-Allow-Origin" not in response


def test_same_origin_requests_need_no_cors(client, issue_key):
    _key, raw = issue_key(origins=ORIGIN)
    response = client.get(GRAPHQL, HTTP_X_API_KEY=raw, HTTP_ORIGIN="http://testserver")
    assert response.status_code == 200
    assert "Access-Control-Allow-Origin" not in response


def test_preflight_answers_only_origins_some_key_allows(client, issue_key):
    issue_key(origins=ORIGIN)
    allowed = client.options(
        "/graphql/", HTTP_ORIGIN=ORIGIN, HTTP_ACCESS_CONTROL_REQUEST_METHOD="POST",
        HTTP_ACCESS_CONTROL_REQUEST_HEADERS="content-type, x-api-key",
    )
    assert allowed.status_code == 204
    assert allowed["Access-Control-Allow-Origin"] == ORIGIN
    assert "X-Api-Key" in allowed["Access-Control-Allow-Headers"]
    denied = client.options(
        "/graphql/", HTTP_ORIGIN="https://evil.example.com", HTTP_ACCESS_CONTROL_REQUEST_METHOD="POST"
    )
    assert "Access-Control-Allow-Origin" not in denied


def test_a_revoked_keys_origins_get_no_preflight(client, issue_key):
    key, _raw = issue_key(origins=ORIGIN)
    key.revoke()
    response = client.options("/graphql/", HTTP_ORIGIN=ORIGIN, HTTP_ACCESS_CONTROL_REQUEST_METHOD="POST")
    assert "Access-Control-Allow-Origin" not in response
