"""
Factories for the content model, so each test builds only the content it is about.

Pages are created below the section pages of the ``site_tree`` fixture (see conftest):
``GuidePageFactory(parent=tree.guides)``.
"""

import datetime
from decimal import Decimal

import factory
import wagtail_factories
from django.utils import timezone
from wagtail.models import Locale

from directory.choices import PartnerKind
from directory.models import PartnerPage, Place, ServicePage
from pages.models import EventPage, GuidePage
from taxonomy.models import Audience, SpokenLanguage, Topic


def locale(code="de"):
    return Locale.objects.get(language_code=code)


def spoken(*codes):
    return list(SpokenLanguage.objects.filter(code__in=codes))


class TopicFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Topic

    name = factory.Sequence(lambda n: f"Thema {n}")
    slug = factory.Sequence(lambda n: f"topic-{n}")
    locale = factory.LazyFunction(locale)


class AudienceFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Audience

    name = factory.Sequence(lambda n: f"Zielgruppe {n}")
    slug = factory.Sequence(lambda n: f"audience-{n}")
    locale = factory.LazyFunction(locale)


class PlaceFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Place

    name = factory.Sequence(lambda n: f"Ort {n}")
    street = "Burgplatz 1"
    postcode = "04109"
    latitude = Decimal("51.338600")
    longitude = Decimal("12.372400")
    locale = factory.LazyFunction(locale)


class ContentPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Seite {n}")
    slug = factory.Sequence(lambda n: f"page-{n}")
    summary = "Kurz gesagt."
    last_reviewed = factory.LazyFunction(timezone.localdate)

    class Meta:
        abstract = True


class GuidePageFactory(ContentPageFactory):
    class Meta:
        model = GuidePage


class PartnerPageFactory(ContentPageFactory):
    kind = PartnerKind.ASSOCIATION

    class Meta:
        model = PartnerPage


class ServicePageFactory(ContentPageFactory):
    class Meta:
        model = ServicePage


class EventPageFactory(ContentPageFactory):
    start = factory.LazyFunction(lambda: timezone.now() + datetime.timedelta(days=1))
    end = factory.LazyAttribute(lambda page: page.start + datetime.timedelta(hours=2))
    online_url = "https://example.org/live"

    class Meta:
        model = EventPage
