"""
The submitter behind a submission, found or created by e-mail address, and the language
they write in.

An existing submitter's details are only completed, never overwritten: whoever types a
known address must not change that person's name or phone before proving the address is
theirs (their "my data" link does that).
"""

from django.utils.translation import gettext_lazy as _
from wagtail.models import Locale

from offers import validation
from offers.errors import Errors
from offers.models import Submitter
from translation import locales


def contact(errors: Errors, *, email, name, phone="", organisation="", name_required=True):
    """The checked contact fields as a dict for ``submitter_for``."""
    return {
        "email": validation.email(errors, "email", email),
        "name": validation.text(errors, "name", name, max_length=100, required=name_required),
        "phone": validation.phone(errors, "phone", phone),
        "organisation": validation.text(errors, "organisation", organisation, max_length=200, required=False),
    }


def language(errors: Errors, code):
    """A language of the platform (``WELCOME_LOCALES``), else an error."""
    try:
        return locales.get(code or "").code
    except KeyError:
        errors.add("language", _("This language is not offered."))
        return ""


def locale_of(code) -> Locale:
    """The Wagtail locale a text in ``code`` is stored in (the source locale if it has none)."""
    return Locale.objects.filter(language_code=code).first() or Locale.objects.get(language_code=locales.source_code())


def submitter_for(details, language_code) -> Submitter:
    submitter, created = Submitter.objects.get_or_create(
        email=details["email"], defaults={**details, "language": language_code}
    )
    if not created:
        missing = {field: value for field, value in details.items() if value and not getattr(submitter, field)}
        if missing:
            for field, value in missing.items():
                setattr(submitter, field, value)
            submitter.save(update_fields=list(missing))
    return submitter
