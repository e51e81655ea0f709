"""
"By owner" on the dashboard: a person (``content_owner``) or a team (``owner_team``).

The filter's value is a user's id, or ``team:`` and a group's id; anything else matches
nothing (a hand-edited address gets an empty list, not an error page).
"""

from django.contrib.auth.models import Group
from django.db.models import Q

TEAM = "team:"


def owned_by(items, value):
    """``items`` narrowed to those the person or team ``value`` owns."""
    if not value:
        return items
    field, number = ("owner_team_id", value[len(TEAM) :]) if value.startswith(TEAM) else ("content_owner_id", value)
    if not number.isdigit():
        return items.none()
    return items.filter(**{field: int(number)})


def owning_teams(models):
    """The groups that own at least one item of ``models``, by name."""
    owns = Q()
    for model in models:
        owns |= Q(pk__in=model.objects.exclude(owner_team=None).values("owner_team"))
    return Group.objects.filter(owns).order_by("name")
