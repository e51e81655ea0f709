"""Draft previews: a signed token for one page, expiring, never cached, never public."""

from unittest import mock

from django.core import signing

from graphql_api.preview.tokens import make_preview_token, read_preview_token
from tests.api.helpers import data, error_codes, gql
from tests.factories import GuidePageFactory

PREVIEW = "query ($token: String!) { preview(token: $token) { __typename title ... on Guide { summary } } }"
GUIDES = "{ guides { edges { node { title } } } }"


def make_draft(site_tree):
    guide = GuidePageFactory(parent=site_tree.guides, title="Veröffentlicht")
    guide.title = "Entwurf"
    guide.summary = "Noch nicht fertig."
    revision = guide.save_revision()
    return guide, revision


def test_token_shows_the_latest_draft_and_is_never_cached(client, site_tree):
    guide, revision = make_draft(site_tree)
    body = gql(client, PREVIEW, {"token": make_preview_token(guide, revision)}, method="get")
    assert body["data"]["preview"] == {"__typename": "Guide", "title": "Entwurf", "summary": "Noch nicht fertig."}
    assert body["_response"]["Cache-Control"] == "private, no-store"
    # Without a revision in the token: the latest draft too.
    assert data(client, PREVIEW, {"token": make_preview_token(guide)})["preview"]["title"] == "Entwurf"
    # The public fields still show the published version.
    assert data(client, GUIDES)["guides"]["edges"] == [{"node": {"title": "Veröffentlicht"}}]


def test_unpublished_page_only_through_preview(client, site_tree):
    draft = GuidePageFactory(parent=site_tree.guides, title="Neu", live=False)
    assert data(client, GUIDES)["guides"]["edges"] == []
    assert data(client, PREVIEW, {"token": make_preview_token(draft)})["preview"]["title"] == "Neu"


def test_token_expires(client, site_tree, settings):
    guide, revision = make_draft(site_tree)
    token = make_preview_token(guide, revision)
    settings.PREVIEW_TOKEN_MAX_AGE = 600
    with mock.patch("django.core.signing.time.time", return_value=signing.time.time() + 601):
        assert read_preview_token(token) is None
        body = gql(client, PREVIEW, {"token": token})
    assert error_codes(body) == ["PREVIEW_TOKEN_INVALID"] and body["data"] is None


def test_token_cannot_be_moved_to_another_page_or_revision(client, site_tree):
    guide, revision = make_draft(site_tree)
    other, _ = make_draft(site_tree)
    token = make_preview_token(guide, revision)
    value, signature = token.split(":", 1)
    forged = signing.TimestampSigner(salt="wrong").sign_object({"page": other.pk})
    assert read_preview_token(forged) is None
    assert error_codes(gql(client, PREVIEW, {"token": "x" + token})) == ["PREVIEW_TOKEN_INVALID"]
    # A token whose revision belongs to another page is refused.
    mixed = make_preview_token(other, revision)
    assert error_codes(gql(client, PREVIEW, {"token": mixed})) == ["PREVIEW_TOKEN_INVALID"]
