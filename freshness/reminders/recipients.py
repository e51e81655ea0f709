"""
Who is asked about what, and in which language.

An item's owner is its responsible person (``content_owner``), else every active member
of its responsible team (``owner_team``), else the members of the "Editorial lead" group,
who also receive the escalations. A language's translators are the members of the groups
that may edit that language's tree but not publish it (``translation.review`` grants the
"Translators" group exactly that on every target locale's root; a per-language group gets
the same on its own root). Only active users with an e-mail address are asked; each one
in their admin language (Wagtail's user profile).

Everything is loaded once per run: a fixed number of queries for any number of items.
"""

import logging
from dataclasses import dataclass

from django.conf import settings
from django.contrib.auth import get_user_model
from wagtail.models import GroupPagePermission

logger = logging.getLogger(__name__)

#: Members receive what nobody else owns, and the escalations (made by freshness' migration 0002).
EDITORIAL_LEAD_GROUP = "Editorial lead"

#: ``select_related`` that gives a user's admin language without another query.
PROFILE = "wagtail_userprofile"


@dataclass(frozen=True)
class Recipient:
    email: str
    name: str
    language: str


def language_of(user):
    """The user's admin language (Wagtail's preferred language), else the site's."""
    profile = getattr(user, PROFILE, None)
    return getattr(profile, "preferred_language", "") or settings.LANGUAGE_CODE


def recipient(user):
    """The user as a recipient, or ``None`` if they cannot be asked (inactive, no address)."""
    if user is None or not user.is_active or not user.email:
        return None
    return Recipient(email=user.email.lower(), name=user.get_full_name() or user.get_username(), language=language_of(user))


def _members(group_filter):
    """``{group_id: [Recipient]}`` of the active members of the groups matching ``group_filter``."""
    Membership = get_user_model().groups.through
    members = {}
    rows = Membership.objects.filter(**group_filter).select_related(f"user__{PROFILE}").order_by("user__username")
    for row in rows:
        person = recipient(row.user)
        if person is not None:
            members.setdefault(row.group_id, []).append(person)
    return members


class Owners:
    """Decides who is asked about an item; ``load`` the teams of the items first."""

    def __init__(self, teams, lead):
        self.teams = teams
        self.lead = lead

    @classmethod
    def load(cls, team_ids):
        teams = _members({"group_id__in": set(team_ids)}) if team_ids else {}
        lead = [person for people in _members({"group__name": EDITORIAL_LEAD_GROUP}).values() for person in people]
        if not lead:
            logger.warning("Nobody is in the group %r: items without owner and escalations reach nobody.", EDITORIAL_LEAD_GROUP)
        return cls(teams, lead)

    def of(self, item):
        """The recipients for ``item`` (loaded with its ``content_owner`` and its profile)."""
        person = recipient(item.content_owner) if item.content_owner_id else None
        if person is not None:
            return [person]
        team = self.teams.get(item.owner_team_id) if item.owner_team_id else None
        return team or self.lead


def translators(locales):
    """``{locale_id: [Recipient]}``: who translates into each of ``locales``."""
    grants = GroupPagePermission.objects.filter(page__depth=2, page__locale__in=locales).values_list(
        "group_id", "page__locale_id", "permission__codename"
    )
    may_edit, may_publish = set(), set()
    for group_id, locale_id, codename in grants:
        if codename == "change_page":
            may_edit.add((group_id, locale_id))
        elif codename == "publish_page":
            may_publish.add((group_id, locale_id))
    translating = may_edit - may_publish
    members = _members({"group_id__in": {group_id for group_id, _locale in translating}})
    by_locale = {}
    for group_id, locale_id in sorted(translating):
        for person in members.get(group_id, []):
            if person not in by_locale.setdefault(locale_id, []):
                by_locale[locale_id].append(person)
    return by_locale
