"""
What reader feedback refuses, with the codes the API's other mutations use for the same
thing (``graphql_api.errors.ErrorCode``), so a front end handles them once.
"""

from enum import StrEnum

from public_content.refusals import Refused


class Code(StrEnum):
    #: The text is missing, too long or holds contact details.
    INVALID_INPUT = "INVALID_INPUT"
    #: Too many ratings or reports from one address or API key within the hour.
    TOO_MANY_SUBMISSIONS = "TOO_MANY_SUBMISSIONS"
    #: No public item has this id (unknown, unpublished, private, expired: the same answer).
    ITEM_NOT_AVAILABLE = "ITEM_NOT_AVAILABLE"


class FeedbackError(Refused):
    """A refusal of a rating or report (codes: ``Code``); see ``public_content.refusals``."""
