from .events import EventCancellation, EventPage, Registration
from .guides import GuidePage
from .home import EventIndexPage, GuideIndexPage, HomePage
from .mixins import ContentPage, Reviewed

__all__ = [
    "ContentPage",
    "EventCancellation",
    "EventIndexPage",
    "EventPage",
    "GuideIndexPage",
    "GuidePage",
    "HomePage",
    "Registration",
    "Reviewed",
]
