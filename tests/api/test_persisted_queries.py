"""
Persisted queries as Apollo's clients send them (a hash instead of the document), and an
API that can be closed to documents nobody registered.
"""

import hashlib
import json

import pytest
from django.core.management import call_command

from graphql_api.models import RegisteredDocument
from tests.api.helpers import error_codes

DOCUMENT = "query Locales { locales { code } }"
SHA = hashlib.sha256(DOCUMENT.encode()).hexdigest()


def extensions(sha=SHA):
    return {"persistedQuery": {"version": 1, "sha256Hash": sha}}


def get(client, query=None, sha=SHA, **headers):
    params = {"extensions": json.dumps(extensions(sha))}
    if query is not None:
        params["query"] = query
    return client.get("/graphql/", params, headers=headers)


def test_an_unknown_hash_asks_for_the_document(client, db):
    response = get(client)
    body = response.json()
    assert body["errors"][0]["message"] == "PersistedQueryNotFound"
    assert error_codes(body) == ["PERSISTED_QUERY_NOT_FOUND"]
    assert response["Cache-Control"] == "no-store"


def test_sent_once_with_its_document_a_hash_alone_is_enough(client, db):
    first = get(client, DOCUMENT).json()
    assert "errors" not in first
    response = get(client)
    assert response.json() == first
    assert response["Cache-Control"].startswith("public")
    assert len(response.wsgi_request.get_full_path()) < 200  # a short, cacheable URL


def test_posting_hash_and_document_works_too(client, db):
    body = {"query": DOCUMENT, "extensions": extensions()}
    assert "errors" not in client.post("/graphql/", body, content_type="application/json").json()
    answer = client.post("/graphql/", {"extensions": extensions()}, content_type="application/json").json()
    assert answer["data"]["locales"]


@pytest.mark.parametrize(
    "persisted, code",
    [
        ({"version": 2, "sha256Hash": SHA}, "BAD_REQUEST"),
        ({"version": 1, "sha256Hash": "not-a-hash"}, "BAD_REQUEST"),
        ("yes", "BAD_REQUEST"),
    ],
)
def test_malformed_extensions_are_refused_with_a_code(client, db, persisted, code):
    response = client.get("/graphql/", {"extensions": json.dumps({"persistedQuery": persisted})})
    assert response.status_code == 400
    assert error_codes(response.json()) == [code]


def test_a_hash_that_does_not_match_the_document_is_refused(client, db):
    response = get(client, DOCUMENT, sha="0" * 64)
    assert response.status_code == 400
    assert error_codes(response.json()) == ["BAD_REQUEST"]
    assert get(client, sha="0" * 64).json()["errors"][0]["message"] == "PersistedQueryNotFound"


# Registered documents only ---------------------------------------------------------------


@pytest.fixture
def closed(settings):
    settings.GRAPHQL_ANONYMOUS_DOCUMENTS = "registered"


def test_closed_anonymous_documents_are_refused(client, db, closed):
    response = client.get("/graphql/", {"query": DOCUMENT})
    assert response.status_code == 403
    assert error_codes(response.json()) == ["PERSISTED_QUERY_REQUIRED"]
    assert get(client, DOCUMENT).status_code == 403
    assert error_codes(get(client).json()) == ["PERSISTED_QUERY_NOT_FOUND"]


def test_closed_a_document_sent_before_closing_is_not_vouched_for(client, db, settings):
    get(client, DOCUMENT)
    settings.GRAPHQL_ANONYMOUS_DOCUMENTS = "registered"
    assert error_codes(get(client).json()) == ["PERSISTED_QUERY_NOT_FOUND"]


def test_closed_registered_documents_run_by_hash_and_by_text(client, db, closed, tmp_path, capsys):
    path = tmp_path / "locales.graphql"
    path.write_text(DOCUMENT)
    call_command("register_documents", str(path))
    assert SHA in capsys.readouterr().out
    assert RegisteredDocument.objects.get(sha256=SHA).name == "locales"
    assert get(client).json()["data"]["locales"]
    assert client.get("/graphql/", {"query": DOCUMENT}).json()["data"]["locales"]


def test_closed_a_partner_key_may_send_any_document_and_registers_it(client, db, closed):
    from embed.models import ApiKey

    key = ApiKey(name="Partner", allowed_origins="https://partner.example.org", rate_limit_per_minute=100)
    raw = key.set_new_key()
    key.save()
    response = client.get("/graphql/", {"query": DOCUMENT, "extensions": json.dumps(extensions())}, headers={"X-Api-Key": raw})
    assert response.json()["data"]["locales"]
    assert RegisteredDocument.objects.filter(sha256=SHA).exists()
    assert get(client).json()["data"]["locales"]  # now anonymous readers may run it too


def test_register_documents_refuses_what_is_not_graphql(db, tmp_path):
    from django.core.management.base import CommandError

    path = tmp_path / "broken.graphql"
    path.write_text("query {")
    with pytest.raises(CommandError, match="not a GraphQL document"):
        call_command("register_documents", str(path))


def test_an_editors_session_registers_by_post_only(client, db, closed, django_user_model):
    """A GET is what a link in an e-mail makes: it must not register a document for anyone."""
    editor = django_user_model.objects.create_user("redaktion", password="x", is_staff=True)
    client.force_login(editor)
    assert get(client, DOCUMENT).status_code == 403
    assert not RegisteredDocument.objects.exists()
    body = {"query": DOCUMENT, "extensions": extensions()}
    assert client.post("/graphql/", body, content_type="application/json").json()["data"]["locales"]
    assert RegisteredDocument.objects.filter(sha256=SHA).exists()
