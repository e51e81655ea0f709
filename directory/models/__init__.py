from .partners import PartnerIndexPage, PartnerPage
from .places import Accessibility, Place, Room
from .services import OpeningException, OpeningInterval, ServicePage

__all__ = [
    "Accessibility",
    "OpeningException",
    "OpeningInterval",
    "PartnerIndexPage",
    "PartnerPage",
    "Place",
    "Room",
    "ServicePage",
]
