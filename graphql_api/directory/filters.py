"""
Filters of ``services``: nearness and opening time, both in SQL.

``near`` first keeps places inside a bounding box (plain comparisons an index can use),
then computes the haversine distance in SQL for what is left; a service at several places
counts with its nearest one. ``openAt`` checks the weekly pattern and the dated exceptions
with ``EXISTS`` subqueries, mirroring ``directory.opening_hours.is_open_at``: an exception
covering the day replaces the weekly pattern.
"""

import math

import strawberry
from django.db.models import Exists, F, FloatField, OuterRef, Q, Subquery, Value
from django.db.models.functions import ASin, Cast, Cos, Power, Radians, Sin, Sqrt
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from directory.models import OpeningException, OpeningInterval, ServicePage
from graphql_api.errors import ApiError, ErrorCode

EARTH_RADIUS_KM = 6371.0
MAX_NEAR_KM = 100.0


@strawberry.input(name="NearInput", description="A point and a radius; results carry `distanceKm`.")
class NearInput:
    lat: float
    lon: float
    km: float = 2.0


def _haversine(lat, lon, lat_field, lon_field):
    lat2 = Radians(Cast(F(lat_field), FloatField()))
    lon2 = Radians(Cast(F(lon_field), FloatField()))
    lat1, lon1 = math.radians(lat), math.radians(lon)
    a = Power(Sin((lat2 - Value(lat1)) / 2), 2) + Value(math.cos(lat1)) * Cos(lat2) * Power(
        Sin((lon2 - Value(lon1)) / 2), 2
    )
    return Value(2 * EARTH_RADIUS_KM) * ASin(Sqrt(a))


def near(queryset, point: NearInput):
    if not (-90 <= point.lat <= 90 and -180 <= point.lon <= 180 and 0 < point.km <= MAX_NEAR_KM):
        raise ApiError(
            _("near needs -90 ≤ lat ≤ 90, -180 ≤ lon ≤ 180 and 0 < km ≤ %(max)d.") % {"max": MAX_NEAR_KM},
            ErrorCode.BAD_USER_INPUT,
        )
    dlat = point.km / 111.32
    dlon = point.km / (111.32 * max(math.cos(math.radians(point.lat)), 0.01))
    through = ServicePage.places.through
    distances = (
        through.objects.filter(
            servicepage_id=OuterRef("pk"),
            place__latitude__range=(point.lat - dlat, point.lat + dlat),
            place__longitude__range=(point.lon - dlon, point.lon + dlon),
        )
        .annotate(distance=_haversine(point.lat, point.lon, "place__latitude", "place__longitude"))
        .order_by("distance")
        .values("distance")[:1]
    )
    return queryset.annotate(near_distance=Subquery(distances, output_field=FloatField())).filter(
        near_distance__lte=point.km
    )


def open_at(queryset, moment):
    local = timezone.localtime(moment) if timezone.is_aware(moment) else moment
    day, clock = local.date(), local.time()
    covering = OpeningException.objects.filter(page_id=OuterRef("pk"), start_date__lte=day).filter(
        Q(end_date__gte=day) | Q(end_date__isnull=True, start_date=day)
    )
    special_hours = covering.filter(closed=False, opens__lte=clock, closes__gt=clock)
    weekly = OpeningInterval.objects.filter(
        page_id=OuterRef("pk"), weekday=day.isoweekday(), opens__lte=clock, closes__gt=clock
    )
    return queryset.filter((Exists(covering) & Exists(special_hours)) | (~Exists(covering) & Exists(weekly)))
