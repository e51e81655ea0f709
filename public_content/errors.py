"""
What a reader asked for that cannot be answered (an unknown locale, a radius too large).

Each consumer shows these its own way (the API as coded GraphQL errors, the feeds as
400 responses), but the message and the code are decided here, next to the rule.
"""

from enum import StrEnum


class Problem(StrEnum):
    UNKNOWN_LOCALE = "UNKNOWN_LOCALE"
    BAD_INPUT = "BAD_USER_INPUT"


class InvalidRequest(ValueError):
    """A request a reader can correct; ``message`` is safe to show, ``code`` is stable."""

    def __init__(self, message, code: Problem = Problem.BAD_INPUT):
        super().__init__(str(message))
        self.message = str(message)
        self.code = code


#: Seconds a client should wait when the database is away for a moment.
RETRY_AFTER_SECONDS = 5


def database_unavailable(error) -> bool:
    """
    Whether ``error`` means the database cannot be reached right now (a restart, a
    failover): every consumer then answers 503 with ``Retry-After``, not an error of its own.
    """
    from django.db import DatabaseError, InterfaceError, OperationalError

    return isinstance(error, (OperationalError, InterfaceError)) or (
        isinstance(error, DatabaseError) and "connection" in str(error).lower()
    )
