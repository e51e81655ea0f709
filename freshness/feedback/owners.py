"""
Who hears of a mistake report: the owners of the item's page in the source language,
since translations are made from it and a correction starts there. Owners are decided
as for the weekly reminders (``freshness.reminders.recipients.Owners``): the responsible
person, else the members of the responsible team, else the group "Editorial lead". The
translation's own language is in the e-mail and on the dashboard, for the translators.
"""

from wagtail.models import Locale, Page

from freshness.reminders.recipients import Owners, Recipient


def source_page(page: Page) -> Page:
    """The translation of ``page`` in the default (source) locale, else ``page`` itself."""
    source = Page.objects.filter(translation_key=page.translation_key, locale=Locale.get_default()).first()
    return (source or page).specific_deferred


def recipients_of(page: Page) -> list[Recipient]:
    """Who is told of a report on ``page`` (each with an e-mail address and an admin language)."""
    source = source_page(page)
    if not hasattr(source, "content_owner_id"):
        return []
    return Owners.load([source.owner_team_id] if source.owner_team_id else []).of(source)
