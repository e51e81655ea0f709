"""
What a partner's staff may see beyond their own pages.

Wagtail already confines the explorer, the admin's search, edit, revisions, previews and
history to the pages a user holds a permission on. Two places show more to everyone in
the admin: the page chooser (linking is open to every page, and Wagtail lists drafts and
their draft titles) and the page types report (the last edited page of each type). For a
user whose page permissions are confined to subtrees, such as a partner's staff, these
are narrowed here.
"""

from functools import reduce
from operator import or_

from django.db.models import Q
from wagtail.models import Page
from wagtail.permission_policies.pages import PagePermissionPolicy

from directory.models import PartnerIndexPage


def permitted_prefixes(user):
    """The tree paths below which ``user`` holds a page permission; None for the whole tree."""
    if user.is_superuser:
        return None
    pages = [permission.page for permission in PagePermissionPolicy().get_cached_permissions_for_user(user)]
    if any(page.depth <= 2 for page in pages):  # the root or a locale's home: the editorial team
        return None
    return [page.path for page in pages]


def confined(user):
    return permitted_prefixes(user) is not None


def _below(prefixes):
    return reduce(or_, [Q(path__startswith=prefix) for prefix in prefixes], Q(pk__in=[]))


def without_other_partners_drafts(pages, user):
    """
    ``pages`` without pages of other partners that are drafts or have a draft (whose title
    the admin would show): below a partner index, outside the user's own subtrees.
    """
    prefixes = permitted_prefixes(user)
    if prefixes is None:
        return pages
    partner_trees = list(PartnerIndexPage.objects.values_list("path", flat=True))
    if not partner_trees:
        return pages
    drafts = Q(live=False) | Q(has_unpublished_changes=True)
    others = Page.objects.filter(_below(partner_trees) & drafts & ~_below(prefixes)).values("pk")
    # By id, as the chooser's search filters only on indexed fields (and "id" is one).
    return pages.exclude(id__in=others)
