"""
Spam protection without third parties: a form token, a honeypot and hourly limits.

- **Form token**: the time it was handed out, signed (``Signer``), handed out with the form (the API's
  ``startSubmission``, the website's form page). A submission is refused when its token
  is forged, younger than ``OFFERS_MIN_FILL_SECONDS`` (no person types an offer that
  fast) or older than a day (load the form again).
- **Honeypot**: a field people do not see (``website``, hidden by the form's CSS and from
  screen readers) that form-filling robots fill in.
- **Limits**: submissions per hour from one client address, one e-mail address and one
  API key, counted by ``public_content.ratelimit`` (shared with reader feedback) in the
  shared cache, under keyed hashes, so the cache holds no address.
"""

import hashlib
import time

from django.conf import settings
from django.core import signing
from django.utils.crypto import salted_hmac
from django.utils.translation import gettext_lazy as _

from offers.errors import Code, SubmissionError
from public_content import ratelimit
from public_content.ratelimit import Client  # noqa: F401 (offers' callers build it from here)

FORM_SALT = "offers.form"
FORM_MAX_AGE = 24 * 3600
#: The honeypot's name in the API and on the website's forms.
HONEYPOT_FIELD = "website"


def new_form_token(now=None) -> str:
    """A token for one form, saying when it was handed out."""
    issued = time.time() if now is None else now
    return signing.Signer(salt=FORM_SALT).sign(f"{issued:.3f}")


def check_form(token, honeypot, now=None):
    """Refuse a filled honeypot, a forged, too young or too old form token."""
    if honeypot:
        raise SubmissionError(Code.SPAM_SUSPECTED, _("This form could not be accepted."), HONEYPOT_FIELD)
    try:
        issued = float(signing.Signer(salt=FORM_SALT).unsign(token or ""))
    except (signing.BadSignature, ValueError):
        raise SubmissionError(Code.SPAM_SUSPECTED, _("This form could not be accepted. Please load it again.")) from None
    now = time.time() if now is None else now
    if now - issued > FORM_MAX_AGE:
        raise SubmissionError(Code.FORM_EXPIRED, _("This form is more than a day old. Please load it again."))
    if now - issued < settings.OFFERS_MIN_FILL_SECONDS:
        raise SubmissionError(
            Code.SPAM_SUSPECTED, _("That was very fast. Please check what you wrote and send the form again.")
        )


def count_in_window(scope, identity, limit, now=None):
    """Count one submission for ``scope:identity`` in this hour; ``False`` when over ``limit``."""
    return ratelimit.count_in_window("offers", scope, identity, limit, now)


def reporter_identity(client: Client):
    """Who reported, as a keyed hash of the client's address: the address itself is not kept."""
    return salted_hmac("offers.spam.reporter", client.address).hexdigest()[:32]


def email_identity(address):
    return hashlib.sha256(address.strip().lower().encode()).hexdigest()[:32]


def count_submission(client: Client, email=None):
    """
    Count one submission against the limits of its address, e-mail address and API key;
    ``TOO_MANY_SUBMISSIONS`` when any is exceeded (every limit is counted even then, so
    a burst stays refused for the rest of the hour).
    """
    checks = [count_in_window("address", client.address, settings.OFFERS_SUBMISSIONS_PER_ADDRESS)]
    if email:
        checks.append(count_in_window("email", email_identity(email), settings.OFFERS_SUBMISSIONS_PER_EMAIL))
    if client.api_key_id is not None:
        checks.append(count_in_window("key", client.api_key_id, settings.OFFERS_SUBMISSIONS_PER_KEY))
    if not all(checks):
        raise SubmissionError(
            Code.TOO_MANY_SUBMISSIONS, _("Too many submissions in a short time. Please try again in an hour.")
        )
