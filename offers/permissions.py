"""
Who moderates what.

Moderators (the "Moderators" group, ``offers.moderate_listing``) and superusers moderate
every listing. Partner editors, the staff of a partner organisation, moderate what was
addressed to their partner (submitted through their widget) and nothing else; they are
recognised the way Wagtail gives them their own content: a group of theirs holds a page
permission on a partner's page (docs/architecture.md). An editor whose permissions are on
the editorial tree (Wagtail's "Editors" on the root) is not a partner editor.

Every admin view of the queue reads ``moderatable(user)``; a listing outside it is a 404.
"""

from django.db.models import Q
from wagtail.models import GroupPagePermission

from directory.models import PartnerPage
from offers.models import Listing, RoomRequest

MODERATE_LISTING = "offers.moderate_listing"
MODERATE_ROOM_REQUEST = "offers.moderate_roomrequest"


def _active(user):
    return user is not None and user.is_authenticated and user.is_active


def moderates_everything(user):
    return _active(user) and (user.is_superuser or user.has_perm(MODERATE_LISTING))


def partner_keys(user):
    """
    The translation keys of the partners whose staff ``user`` is (a listing may point at the
    partner's page in any language): a query, to be used inside another one.
    """
    pages = GroupPagePermission.objects.filter(
        group__user=user, page__content_type__app_label="directory", page__content_type__model="partnerpage"
    ).values("page_id")
    return PartnerPage.objects.filter(pk__in=pages).values("translation_key")


def moderatable(user):
    """The listings (submitted rows, no translations) that ``user`` may see and moderate."""
    listings = Listing.objects.originals()
    if moderates_everything(user):
        return listings
    if not _active(user):
        return listings.none()
    return listings.filter(partner__translation_key__in=partner_keys(user))


def can_moderate(user):
    """May ``user`` open the queue at all (cheap: one query for a partner editor)?"""
    if moderates_everything(user):
        return True
    return _active(user) and partner_keys(user).exists()


def decides_rooms(user):
    """Room requests are decided by the Stadthaus' moderators only, never by partners."""
    return _active(user) and (user.is_superuser or user.has_perm(MODERATE_ROOM_REQUEST))


def room_requests(user):
    return RoomRequest.objects.all() if decides_rooms(user) else RoomRequest.objects.none()


def visible_to(user):
    """A Q for reports (on a listing or any of its translations) that ``user`` may see."""
    if moderates_everything(user):
        return Q()
    return Q(listing__translation_key__in=moderatable(user).values("translation_key"))
