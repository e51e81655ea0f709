"""
The kiosk's feedback buttons: the documents its scripts send are accepted by the API as
the kiosk sends them (POST, JSON, no keyboard: the fixed report of ``mistakeText``), the
buttons' strings are in every offered language, and the views put the bar under items.
"""

import re
from pathlib import Path

import pytest

from freshness.choices import FeedbackKind
from freshness.models import Feedback
from tests.factories import GuidePageFactory
from tests.kiosk.test_screen import config_of

SCRIPTS = Path(__file__).resolve().parents[2] / "kiosk" / "static" / "kiosk"

pytestmark = pytest.mark.django_db


def document(name):
    """A mutation exported by queries.js, exactly as the kiosk sends it."""
    source = (SCRIPTS / "queries.js").read_text(encoding="utf-8")
    return re.search(rf"export const {name} = `([^`]+)`", source).group(1)


def send(client, name, variables):
    response = client.post("/graphql/", {"query": document(name), "variables": variables}, content_type="application/json")
    return response.json()


def test_the_buttons_reach_the_api_as_the_kiosk_sends_them(client, screen, site_tree):
    guide = GuidePageFactory(parent=site_tree.guides, title="Anmeldung")
    config = config_of(client.get("/kiosk/foyer/"))
    assert send(client, "RATE_ITEM", {"id": str(guide.pk), "helpful": False, "language": "ar"})["data"] == {
        "rateItem": {"received": True}
    }
    body = send(client, "REPORT_MISTAKE", {"id": str(guide.pk), "text": config["mistakeText"], "language": "ar"})
    assert body["data"] == {"reportMistake": {"received": True}}
    report = Feedback.objects.get(kind=FeedbackKind.MISTAKE)
    assert "Stadthaus, Foyer" in report.text
    assert Feedback.objects.filter(kind=FeedbackKind.NOT_HELPFUL, page=guide).exists()


def test_the_bar_is_under_guides_services_and_events_in_every_language(client, screen):
    views = (SCRIPTS / "views.js").read_text(encoding="utf-8")
    assert "feedbackBar(state, strings, guide, actions)" in views and "feedbackBar(state, strings, item, actions)" in views
    strings = config_of(client.get("/kiosk/foyer/"))["strings"]
    for code, texts in strings.items():
        for name in ("helpfulQuestion", "helpfulYes", "helpfulNo", "somethingWrong", "feedbackThanks", "feedbackFailed"):
            assert texts[name], (code, name)
