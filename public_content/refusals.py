"""
What the public's submissions are refused for, one way for every kind of submission.

A help offer, an answer, a room request, a rating or a mistake report is refused with a
stable code a front end can act on, and with the fields it concerns: a form shows every
field error at once rather than one per attempt. ``offers`` and ``freshness`` raise their
own subclasses (``SubmissionError``, ``FeedbackError``) with their own codes; the API shows
any ``Refused`` as one coded GraphQL error with ``extensions.fieldErrors``
(``graphql_api.refusals``), the website as form errors. Messages are lazy translations,
read in the language active where they are shown.
"""

from dataclasses import dataclass


@dataclass(frozen=True)
class FieldError:
    code: str
    message: str
    #: The input field in snake case (``valid_until``), or ``None`` for the input as a whole.
    field: str | None = None


class Refused(Exception):
    """
    ``Refused(code, message, field=None)`` for one refusal, or ``Refused.collect([...FieldError])``
    for several; ``errors`` lists them all and ``code``/``message``/``field`` are the first one's.
    """

    def __init__(self, code, message, field: str | None = None, *, errors=None):
        self.errors = list(errors) if errors else [FieldError(code, message, field)]
        first = self.errors[0]
        self.code, self.message, self.field = first.code, first.message, first.field
        super().__init__(str(first.message))

    @classmethod
    def collect(cls, errors):
        errors = list(errors)
        return cls(errors[0].code, errors[0].message, errors[0].field, errors=errors)
