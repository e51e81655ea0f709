from .partners import PartnerIndexPage, PartnerPage
from .places import Accessibility, Place, Room
from .services import OpeningException, OpeningInterval, ServicePage
from .staff import PartnerTeam, StaffInvitation

__all__ = [
    "Accessibility",
    "OpeningException",
    "OpeningInterval",
    "PartnerIndexPage",
    "PartnerPage",
    "PartnerTeam",
    "Place",
    "Room",
    "ServicePage",
    "StaffInvitation",
]
