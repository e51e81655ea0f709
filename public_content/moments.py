"""
Points in time a reader sends (``from``, ``to``, ``openAt``): made aware and kept in range.

A date-time without an offset means Leipzig time (Europe/Berlin), the time on every sign
in the city. Dates are accepted from 1970 to 2199: far enough for any calendar, and far
from the ends of Python's and the database's date ranges, where adding a window or a
time zone offset would overflow.
"""

from datetime import UTC, datetime

from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from public_content.errors import InvalidRequest

EARLIEST = datetime(1970, 1, 1, tzinfo=UTC)
LATEST = datetime(2200, 1, 1, tzinfo=UTC)


def moment(value: datetime, name: str) -> datetime:
    """``value`` as an aware date-time (naive = Leipzig time); ``InvalidRequest`` outside 1970–2199."""
    if not (EARLIEST.replace(tzinfo=None) < value.replace(tzinfo=None) < LATEST.replace(tzinfo=None)):
        raise out_of_range(name)
    if timezone.is_naive(value):
        value = timezone.make_aware(value, timezone.get_default_timezone())
    if not EARLIEST <= value < LATEST:
        raise out_of_range(name)
    return value


def out_of_range(name):
    return InvalidRequest(_("'%(name)s' must lie between 1970 and 2199.") % {"name": name})
