"""
The widget's "Was this helpful?": the document in widget.js, POSTed from a partner's page
with its key, is accepted (with CORS for the key's origin) and counted against the key's
hourly limit of feedback, whichever address the readers have.
"""

import re

import pytest

from freshness.choices import FeedbackKind
from freshness.models import Feedback
from tests.factories import GuidePageFactory

pytestmark = pytest.mark.django_db

ORIGIN = "https://verein.example.org"


def widget_document(client):
    source = client.get("/embed/widget.js").content.decode()
    assert "feedback(item)" in source
    return re.search(r'var RATE_ITEM = "((?:[^"\\]|\\.)*)";', source).group(1).encode().decode("unicode_escape")


def rate(client, raw, document, page, address):
    return client.post(
        "/graphql/",
        {"query": document, "variables": {"id": str(page.pk), "helpful": True, "language": "ar"}},
        content_type="application/json", HTTP_ORIGIN=ORIGIN, HTTP_X_API_KEY=raw, REMOTE_ADDR=address,
    )


def test_a_rating_from_a_partners_page_counts_against_the_key(client, issue_key, site_tree, settings):
    settings.FRESHNESS_FEEDBACK_PER_KEY = 2
    _key, raw = issue_key()
    guide = GuidePageFactory(parent=site_tree.guides, title="Anmeldung")
    document = widget_document(client)
    for address in ("198.51.100.1", "198.51.100.2"):
        response = rate(client, raw, document, guide, address)
        assert response.json()["data"] == {"rateItem": {"received": True}}
        assert response["Access-Control-Allow-Origin"] == ORIGIN
    refused = rate(client, raw, document, guide, "198.51.100.3").json()
    assert refused["errors"][0]["extensions"]["code"] == "TOO_MANY_SUBMISSIONS"
    assert Feedback.objects.filter(kind=FeedbackKind.HELPFUL, page=guide).count() == 2
