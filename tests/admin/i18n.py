"""The language the admin tests run in, and messages as the admin shows them in it."""

from django.utils import translation

#: Test users' preferred admin language (see conftest).
ADMIN_LANGUAGE = "en"


def shown(message):
    """``message`` as the admin renders it, through whatever catalogues locale/ holds."""
    with translation.override(ADMIN_LANGUAGE):
        return str(translation.gettext(message))


def messages(errors):
    """
    A form's error list as text in the admin language. Form errors are lazy, and after a
    test client request the thread is left in whatever language the request activated.
    """
    with translation.override(ADMIN_LANGUAGE):
        return [str(error) for error in errors]
