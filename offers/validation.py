"""
Checks of what the public types, shared by every kind of submission.

Everything is stored as plain text, exactly as typed (line endings normalised, outer
spaces trimmed) and never rendered as HTML anywhere: a ``<b>`` stays the four characters
a reader typed, escaped by every template and e-mail. So markup is neither refused nor
stripped (a housing offer may honestly say "< 500 €"). Refused are control characters
(they hide text, break e-mails and terminals), which leaves newlines and tabs in
multi-line fields only, and anything longer than its field.

Text that will be public (a listing's title and description, a room request's event
text) must not carry an e-mail address or a phone number: answers reach the submitter
through the platform's relay, and a number typed into a description would be shown to
everyone once approved.
"""

import re
import unicodedata

from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.utils.translation import gettext_lazy as _

from offers.errors import Errors

EMAIL_MAX_LENGTH = 254
PHONE = re.compile(r"^\+?[0-9 ()/.\-]{5,40}$")
#: More links than this in one text is what advertising looks like, not help.
MAX_LINKS = 3
LINK = re.compile(r"(https?://|www\.)", re.IGNORECASE)
#: Something that reads as an e-mail address, also written "name (at) host.de".
EMAIL_IN_TEXT = re.compile(r"[\w.+-]+\s*(@|\(at\)|\[at\])\s*[\w-]+(\.[\w-]+)+", re.IGNORECASE)
#: A run of digits with the separators of phone numbers (not dots: dates are written with
#: them); counted as one if it has 7 digits or more.
NUMBER_IN_TEXT = re.compile(r"\+?\d[\d ()/\-]{5,}\d")
PHONE_MIN_DIGITS = 7


def has_contact_details(value):
    """True when ``value`` holds an e-mail address or a phone number."""
    if EMAIL_IN_TEXT.search(value):
        return True
    return any(sum(char.isdigit() for char in match) >= PHONE_MIN_DIGITS for match in NUMBER_IN_TEXT.findall(value))


def _has_control_characters(value, multiline):
    allowed = {"\n", "\t"} if multiline else set()
    return any(unicodedata.category(char) in ("Cc", "Cs") and char not in allowed for char in value)


def text(errors: Errors, field, value, *, max_length, min_length=0, required=True, multiline=False, public=False):
    """
    ``value`` as stored, or ``""`` after adding an error for ``field`` to ``errors``;
    ``public`` text may hold no e-mail address or phone number.
    """
    value = (value or "").replace("\r\n", "\n").replace("\r", "\n").strip()
    if not value:
        if required:
            errors.add(field, _("Please fill in this field."))
        return ""
    if _has_control_characters(value, multiline):
        if multiline:
            errors.add(field, _("This text contains invisible control characters. Please type it again."))
        else:
            errors.add(field, _("Please write this on one line, without control characters."))
        return ""
    if len(value) > max_length:
        errors.add(field, _("Please shorten this to %(max)d characters (it has %(n)d).") % {"max": max_length, "n": len(value)})
        return ""
    if len(value) < min_length:
        errors.add(field, _("Please write at least %(min)d characters.") % {"min": min_length})
        return ""
    if len(LINK.findall(value)) > MAX_LINKS:
        errors.add(field, _("Please include at most %(n)d links.") % {"n": MAX_LINKS})
        return ""
    if public and has_contact_details(value):
        errors.add(
            field,
            _("Please leave out e-mail addresses and phone numbers: this text is public. Answers reach you through us."),
        )
        return ""
    return value


def email(errors: Errors, field, value):
    """The address in lower case (addresses are compared so), or ``""`` with an error."""
    value = (value or "").strip().lower()
    if not value:
        errors.add(field, _("Please give your e-mail address: the confirmation link is sent there."))
        return ""
    try:
        if len(value) > EMAIL_MAX_LENGTH:
            raise ValidationError("too long")
        validate_email(value)
    except ValidationError:
        errors.add(field, _("This is not a valid e-mail address."))
        return ""
    return value


def phone(errors: Errors, field, value):
    value = " ".join((value or "").split())
    if value and not PHONE.match(value):
        errors.add(field, _("Please give a phone number with digits only (and + ( ) / - spaces)."))
        return ""
    return value


def choice(errors: Errors, field, value, choices, *, required=True):
    """``value`` when it is one of ``choices`` (a ``TextChoices``), else an error."""
    if not value:
        if required:
            errors.add(field, _("Please choose one."))
        return ""
    if value not in choices.values:
        errors.add(field, _("Please choose one of the offered values."))
        return ""
    return value


def consent(errors: Errors, field, value):
    if value is not True:
        errors.add(field, _("Please agree to the privacy terms: without them we may not keep your details."))
    return value is True
