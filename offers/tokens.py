"""
Confirmation links: a signed ``<kind>:<id>`` with a lifetime.

One link format for what an e-mail address must confirm (a listing, a room request, the
address of one who answered a listing), so the website has one confirmation page. The
signature makes ids unguessable without a table of tokens; the lifetime is
``OFFERS_UNCONFIRMED_HOURS``, after which the unconfirmed submission is deleted anyway.
Conversations use stored random tokens instead (``Conversation.reader_token`` and
``owner_token``): they are used again and again, for as long as the conversation lasts.
"""

from enum import StrEnum

from django.conf import settings
from django.core import signing
from django.utils.translation import gettext_lazy as _

from offers.errors import Code, SubmissionError

SALT = "offers.confirm"


class Purpose(StrEnum):
    LISTING = "listing"
    ROOM_REQUEST = "room"
    READER = "reader"


def confirmation_token(purpose: Purpose, pk: int) -> str:
    return signing.TimestampSigner(salt=SALT).sign(f"{purpose}:{pk}")


def read_confirmation_token(token) -> tuple[Purpose, int]:
    """``(purpose, id)`` of a valid token; ``TOKEN_EXPIRED`` or ``TOKEN_INVALID`` otherwise."""
    signer = signing.TimestampSigner(salt=SALT)
    try:
        value = signer.unsign(token or "", max_age=settings.OFFERS_UNCONFIRMED_HOURS * 3600)
        purpose, pk = value.split(":")
        return Purpose(purpose), int(pk)
    except signing.SignatureExpired:
        raise SubmissionError(
            Code.TOKEN_EXPIRED,
            _("This confirmation link has expired. Please send the form again."),
            "token",
        ) from None
    except (signing.BadSignature, ValueError):
        raise SubmissionError(Code.TOKEN_INVALID, _("This link is not valid."), "token") from None
