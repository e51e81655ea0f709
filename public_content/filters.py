"""
The shared ways of narrowing public content: by term, by partner, by nearness, by
opening time, by ordering. Every consumer filters the same way, so a topic page on the
website and the ``guides(topic:)`` field of the API can never disagree.

Terms are matched by their ``slug``, which is synchronised and so the same in every
language. Nearness and opening time are computed in SQL.
"""

import math

from django.db.models import Exists, F, FloatField, OuterRef, Q, Subquery, Value
from django.db.models.functions import ASin, Cast, Cos, Power, Radians, Sin, Sqrt
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from directory.models import OpeningException, OpeningInterval, PartnerPage, ServicePage
from public_content import moments
from public_content.errors import InvalidRequest

EARTH_RADIUS_KM = 6371.0
MAX_NEAR_KM = 100.0

#: Orderings a list accepts (by their names); ties are always broken by id.
ORDERINGS = {"title": "title", "newest": "-first_published_at", "recently_reviewed": "-last_reviewed"}


def tagged(queryset, *, topic=None, audience=None, language=None):
    """Items tagged with the topic or audience (by slug) or speaking the language (by code)."""
    model = queryset.model
    for relation, value in (("topics__slug", topic), ("audiences__slug", audience), ("languages__code", language)):
        if value:
            queryset = queryset.filter(pk__in=model.objects.filter(**{relation: value}).values("pk"))
    return queryset


def of_partner(queryset, relation, partner_id):
    """Items whose ``relation`` points at any translation of the partner with id ``partner_id``."""
    keys = PartnerPage.objects.filter(pk=partner_id).values("translation_key")
    return queryset.filter(**{f"{relation}__translation_key__in": keys})


def ordered(queryset, ordering="title"):
    return queryset.order_by(ORDERINGS[ordering], "pk")


def _haversine(lat, lon, lat_field, lon_field):
    lat2 = Radians(Cast(F(lat_field), FloatField()))
    lon2 = Radians(Cast(F(lon_field), FloatField()))
    lat1, lon1 = math.radians(lat), math.radians(lon)
    a = Power(Sin((lat2 - Value(lat1)) / 2), 2) + Value(math.cos(lat1)) * Cos(lat2) * Power(
        Sin((lon2 - Value(lon1)) / 2), 2
    )
    return Value(2 * EARTH_RADIUS_KM) * ASin(Sqrt(a))


def bounding_box(lat: float, lon: float, km: float):
    """
    ``(min lat, max lat, min lon, max lon)`` in degrees of the smallest box that holds the
    whole circle of ``km`` around the point on the sphere the distance is measured on.

    The latitude span is the angular radius itself; the longitude span is the widest one
    of the circle, ``asin(sin(r) / cos(lat))``, not ``r / cos(lat)``, which is too narrow
    away from the equator. Near a pole the box takes every longitude.
    """
    angle = km / EARTH_RADIUS_KM
    dlat = math.degrees(angle)
    low, high = lat - dlat, lat + dlat
    if low <= -90 or high >= 90:
        return max(low - 1e-7, -90.0), min(high + 1e-7, 90.0), -180.0, 180.0
    dlon = math.degrees(math.asin(min(1.0, math.sin(angle) / math.cos(math.radians(lat)))))
    # A hair wider than exact, so rounding in SQL never drops a place on the edge.
    margin = 1e-7
    if lon - dlon <= -180 or lon + dlon >= 180:
        return low - margin, high + margin, -180.0, 180.0
    return low - margin, high + margin, lon - dlon - margin, lon + dlon + margin


def near(queryset, lat: float, lon: float, km: float):
    """
    Services with a place within ``km`` (great-circle distance on a sphere of radius
    ``EARTH_RADIUS_KM``) of the point, annotated with ``near_distance`` to their nearest
    place and ordered by it, ties by id.

    Places are first kept inside a bounding box (plain comparisons an index can use), then
    the haversine distance is computed in SQL for what is left.
    """
    if not all(map(math.isfinite, (lat, lon, km))) or not (
        -90 <= lat <= 90 and -180 <= lon <= 180 and 0 < km <= MAX_NEAR_KM
    ):
        raise InvalidRequest(
            _("near needs -90 ≤ lat ≤ 90, -180 ≤ lon ≤ 180 and 0 < km ≤ %(max)d.") % {"max": MAX_NEAR_KM}
        )
    min_lat, max_lat, min_lon, max_lon = bounding_box(lat, lon, km)
    through = ServicePage.places.through
    inside = through.objects.filter(
        servicepage_id=OuterRef("pk"),
        place__latitude__range=(min_lat, max_lat),
        place__longitude__range=(min_lon, max_lon),
    )
    distances = (
        inside.annotate(distance=_haversine(lat, lon, "place__latitude", "place__longitude"))
        .order_by("distance")
        .values("distance")[:1]
    )
    return (
        queryset.annotate(near_distance=Subquery(distances, output_field=FloatField()))
        .filter(near_distance__lte=km)
        .order_by("near_distance", "pk")
    )


def open_at(queryset, moment):
    """
    Services open at ``moment`` (Leipzig time), in SQL, with the rule of
    ``directory.opening_hours.is_open_at``: an exception covering the day replaces the
    weekly pattern.
    """
    local = timezone.localtime(moments.moment(moment, "openAt"))
    day, clock = local.date(), local.time()
    covering = OpeningException.objects.filter(page_id=OuterRef("pk"), start_date__lte=day).filter(
        Q(end_date__gte=day) | Q(end_date__isnull=True, start_date=day)
    )
    special_hours = covering.filter(closed=False, opens__lte=clock, closes__gt=clock)
    weekly = OpeningInterval.objects.filter(
        page_id=OuterRef("pk"), weekday=day.isoweekday(), opens__lte=clock, closes__gt=clock
    )
    return queryset.filter((Exists(covering) & Exists(special_hours)) | (~Exists(covering) & Exists(weekly)))
