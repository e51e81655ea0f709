"""
Signed, expiring preview tokens: one page (and optionally one revision), for minutes.

An editor's front end gets a token from the admin (or ``manage.py preview_token``) and
passes it to the ``preview`` root field. The token is signed with the site's
``SECRET_KEY`` (``TimestampSigner``), so it cannot be forged or pointed at another page,
and it expires after ``settings.PREVIEW_TOKEN_MAX_AGE`` seconds. The public fields never
read revisions; only ``preview`` does.
"""

from django.conf import settings
from django.core import signing

SALT = "welcome.graphql_api.preview"


def make_preview_token(page, revision=None) -> str:
    payload = {"page": page.pk}
    if revision is not None:
        payload["revision"] = revision.pk
    return signing.TimestampSigner(salt=SALT).sign_object(payload)


def read_preview_token(token: str) -> dict | None:
    """The payload of a valid, unexpired token; ``None`` for anything else."""
    try:
        payload = signing.TimestampSigner(salt=SALT).unsign_object(token, max_age=settings.PREVIEW_TOKEN_MAX_AGE)
    except (signing.BadSignature, ValueError, TypeError):
        return None
    if not isinstance(payload, dict) or not isinstance(payload.get("page"), int):
        return None
    return payload
