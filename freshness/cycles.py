"""
Which kinds of content have a review cycle; the rule itself (when an item is due or
overdue) is ``pages.review_cycles``, shared with the page listings below this app.
"""

from directory.models import PartnerPage, Place, ServicePage
from pages.models import EventPage, GuidePage
from pages.review_cycles import (  # noqa: F401  (the rule, as the freshness app has always named it)
    DUE,
    FRESH,
    OVERDUE,
    annotated,
    due,
    due_on,
    interval_months,
    reviewed_on,
    state,
)

#: The kinds of content with an owner and a review cycle, in the dashboard's order.
REVIEWED_MODELS = (GuidePage, ServicePage, PartnerPage, EventPage, Place)
