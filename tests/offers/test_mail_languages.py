"""
Every e-mail of help offers and requests reaches its recipient wholly in their language.

A sentence missing from a catalogue does not fail loudly: Django falls back to the German
catalogue, then to the English source, so an Arabic reader would get a German paragraph in
the middle of their e-mail. Each template (found on disk, so a new one is checked too) is
rendered through ``offers.mail.render`` in German, Arabic and Ukrainian and compared line
by line with the English source (and, for Arabic and Ukrainian, the German fallback).
"""

import re
from datetime import datetime, timedelta
from pathlib import Path
from types import SimpleNamespace
from zoneinfo import ZoneInfo

import pytest

from offers import mail

TEMPLATES = Path(mail.__file__).parent / "templates" / "offers" / "email"
EMAILS = sorted(path.stem for path in TEMPLATES.glob("*.txt") if not path.name.startswith("_"))

START = datetime(2027, 3, 4, 18, 0, tzinfo=ZoneInfo("Europe/Berlin"))
ROOM = SimpleNamespace(name="R1", place=SimpleNamespace(name="P1"))
#: Every variable any template reads; the values are single tokens, so no value looks like a sentence.
CONTEXT = {
    "title": "TITLE",
    "reason": "REASON",
    "text": "TEXT",
    "room": ROOM,
    "room_request": SimpleNamespace(start=START, end=START + timedelta(hours=2)),
    "when": "2027-03-04 18:00–20:00",
    "expires_at": START,
    "hours": 48,
    "lifetime_days": 60,
    "to_owner": True,
    "confirm_url": "https://example.org/confirm",
    "my_data_url": "https://example.org/my-data",
    "listing_url": "https://example.org/listing",
    "answer_url": "https://example.org/answer",
    "extend_url": "https://example.org/extend",
}
CASES = [(name, CONTEXT) for name in EMAILS] + [("relay", {**CONTEXT, "to_owner": False})]

#: Three Latin-script words in a row: an English or German sentence left in an Arabic or Ukrainian e-mail.
LATIN_PHRASE = re.compile(r"[A-Za-zÄÖÜäöüß]+(?:[ ,;:.()'\"-]+[A-Za-zÄÖÜäöüß]+){2}")
MISSING = "MISSING-VARIABLE"


@pytest.fixture(autouse=True)
def _missing_variables_show(settings):
    """A variable the context lacks would render empty and hide a line from the check."""
    settings.TEMPLATES = [
        {**engine, "OPTIONS": {**engine["OPTIONS"], "string_if_invalid": MISSING}} for engine in settings.TEMPLATES
    ]


def _sentences(name, language, context):
    """The lines of the e-mail that are text, not links, separators or the context's own values."""
    subject, body = mail.render(name, language, context)
    values = {str(value) for value in context.values()}
    lines = (line.strip() for line in f"{subject}\n{body}".splitlines())
    return [
        line for line in lines
        if line and line not in values and not line.startswith("https://") and line.strip("-")
    ]


def test_the_check_covers_every_email_the_platform_sends():
    assert {"listing_approved", "listing_rejected", "room_confirmed", "room_declined", "reminder", "relay"} <= set(
        EMAILS
    )
    for name, context in CASES:
        assert MISSING not in "".join(_sentences(name, "en", context)), name


@pytest.mark.parametrize("language", ["de", "ar", "uk"])
@pytest.mark.parametrize(("name", "context"), CASES, ids=[f"{name}-{ctx['to_owner']}" for name, ctx in CASES])
def test_no_sentence_of_an_offers_email_is_left_untranslated(name, context, language):
    source = set(_sentences(name, "en", context))
    if language != "de":
        source |= set(_sentences(name, "de", context))
    rendered = _sentences(name, language, context)
    left = [
        line for line in rendered
        if line in source or (language != "de" and LATIN_PHRASE.search(line))
    ]
    assert rendered and not left, f"{name} in {language} still has: {left}"
