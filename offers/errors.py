"""
What the submission side refuses, with a stable code a front end can act on.

One ``SubmissionError`` may carry several field errors: a form shows them all at once,
rather than one per attempt (the shared mechanism: ``public_content.refusals``).
"""

from enum import StrEnum

from public_content.refusals import FieldError, Refused


class Code(StrEnum):
    #: A field is missing, too long, malformed or not one of the offered values.
    INVALID_INPUT = "INVALID_INPUT"
    #: The honeypot was filled, the form was sent too fast, or its token is forged.
    SPAM_SUSPECTED = "SPAM_SUSPECTED"
    #: The form is older than a day: load it again.
    FORM_EXPIRED = "FORM_EXPIRED"
    #: Too many submissions from one address, e-mail address or API key within the hour.
    TOO_MANY_SUBMISSIONS = "TOO_MANY_SUBMISSIONS"
    #: A confirmation or conversation link that is forged, or whose item is gone.
    TOKEN_INVALID = "TOKEN_INVALID"
    #: A confirmation link older than its lifetime.
    TOKEN_EXPIRED = "TOKEN_EXPIRED"
    #: Answering or reporting a listing that is not (or no longer) public.
    LISTING_NOT_AVAILABLE = "LISTING_NOT_AVAILABLE"
    #: The room is not lent, or is taken at that time.
    ROOM_NOT_AVAILABLE = "ROOM_NOT_AVAILABLE"


class SubmissionError(Refused):
    """A refusal of what the public submitted here (codes: ``Code``); see ``public_content.refusals``."""


class Errors:
    """Collects field errors while a form is checked; ``raise_if_any()`` at the end."""

    def __init__(self):
        self.items: list[FieldError] = []

    def add(self, field, message, code=Code.INVALID_INPUT):
        self.items.append(FieldError(code, message, field))

    def has(self, field):
        return any(item.field == field for item in self.items)

    def raise_if_any(self):
        if self.items:
            raise SubmissionError.collect(self.items)
