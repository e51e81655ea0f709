"""
The addresses that e-mails send people to, absolute on the public website.

``offers`` sits below the website in the import layers, so it cannot ``reverse()`` the
website's URL names; these paths mirror ``website/urls.py`` and a test checks that each
one resolves to the view it names.
"""

from public_content.links import public_site_url


def absolute(path):
    return public_site_url() + path


def my_data_url(submitter, language=None):
    """The submitter's own page: see, export and delete what we hold (GDPR art. 15, 17, 20)."""
    return absolute(f"/{language or submitter.language}/my-data/{submitter.access_token}/")


def extend_url(token, language):
    """The one-time link of the expiry reminder (``offers.lifecycle.extend``)."""
    return absolute(f"/{language}/offers/extend/{token}/")


def listing_url(listing, language=None):
    """A listing's public page (once approved)."""
    return absolute(f"/{language or listing.locale.language_code}/offers/{listing.pk}/")


def confirm_url(token, language):
    """The confirmation link of a listing, a room request or a reader's address (``offers.tokens``)."""
    return absolute(f"/{language}/offers/confirm/{token}/")


def conversation_url(token, language):
    """One side's page of a relayed conversation (its own token: ``Conversation.reader_token``/``owner_token``)."""
    return absolute(f"/{language}/offers/answer/{token}/")
