"""
What reader feedback refuses, with the codes the API's other mutations use for the same
thing (``graphql_api.errors.ErrorCode``), so a front end handles them once.
"""

from dataclasses import dataclass
from enum import StrEnum


class Code(StrEnum):
    #: The text is missing, too long or holds contact details.
    INVALID_INPUT = "INVALID_INPUT"
    #: Too many ratings or reports from one address or API key within the hour.
    TOO_MANY_SUBMISSIONS = "TOO_MANY_SUBMISSIONS"
    #: No public item has this id (unknown, unpublished, private, expired: the same answer).
    ITEM_NOT_AVAILABLE = "ITEM_NOT_AVAILABLE"


@dataclass(frozen=True)
class FieldError:
    code: Code
    message: str
    #: The input field in snake case, or ``None`` for the request as a whole.
    field: str | None = None


class FeedbackError(Exception):
    """One refusal; ``errors`` lists it as a field error the way the API reports them."""

    def __init__(self, code: Code, message, field: str | None = None):
        self.code, self.message, self.field = Code(code), message, field
        self.errors = [FieldError(self.code, message, field)] if field else []
        super().__init__(str(message))
