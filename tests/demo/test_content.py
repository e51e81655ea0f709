"""The demo makes the content the issue promises, in the shape the models expect."""

import datetime
import json
from decimal import Decimal

from bs4 import BeautifulSoup

from django.utils import timezone
from wagtail.images import get_image_model

from demo.keys import DEMO_PREFIX
from directory.models import PartnerPage, Place, ServicePage
from directory.opening_hours import find_overlaps
from kiosk.models import KioskScreen
from pages.models import EventPage, GuidePage
from taxonomy.models import Audience, Topic

TOPIC_SLUGS = {
    "ankommen", "asyl", "aufenthalt", "einbuergerung", "arbeit", "wohnen",
    "sprachkurse", "gesundheit", "kinder-schule-kita", "kultur-sport", "ehrenamt", "beratung",
}


def german(model):
    return model.objects.filter(locale__language_code="de")


def test_topics_and_audiences_exist_in_german(demo_db):
    assert set(german(Topic).values_list("slug", flat=True)) == TOPIC_SLUGS
    assert german(Audience).filter(
        slug__in=["neuankommende", "ehrenamtliche", "schulen", "kitas", "sportvereine", "arbeitgeber", "vermieter"]
    ).count() == 7


def test_places_lie_in_leipzig_and_the_stadthaus_lends_rooms(demo_db):
    places = german(Place)
    assert places.count() >= 8
    for place in places:
        assert Decimal("51.24") <= place.latitude <= Decimal("51.45"), place
        assert Decimal("12.24") <= place.longitude <= Decimal("12.54"), place
    stadthaus = places.get(street="Burgplatz 1")
    assert abs(stadthaus.latitude - Decimal("51.3386")) < Decimal("0.001")
    assert abs(stadthaus.longitude - Decimal("12.3724")) < Decimal("0.001")
    assert stadthaus.rooms.filter(bookable_by_partners=True).count() >= 2
    assert places.filter(street="Prager Straße 136").exists()


def test_partners_of_every_kind_with_logos(demo_db):
    partners = german(PartnerPage)
    assert partners.count() >= 10
    assert {"association", "initiative", "migrant_organisation", "welfare_provider", "public_office", "employer"} <= set(
        partners.values_list("kind", flat=True)
    )
    assert partners.exclude(logo=None).count() >= 5
    assert all(partner.summary.startswith(DEMO_PREFIX) for partner in partners)


def test_services_are_children_of_their_partner_with_hours_and_holidays(demo_db):
    services = german(ServicePage)
    assert services.count() >= 15
    for service in services:
        assert service.get_parent().pk == service.provider_id
        assert service.opening_hours.exists(), service
        assert service.languages.exists(), service
        assert service.channels, service
    assert services.filter(opening_exceptions__closed=True).distinct().count() >= 10
    assert services.filter(opening_exceptions__closed=False).exists()
    assert {"free", "reduced", "paid"} <= set(services.values_list("cost", flat=True))


def test_opening_hours_pass_the_admin_rules(demo_db):
    for service in german(ServicePage):
        intervals = list(service.opening_hours.all())
        assert not find_overlaps([row.as_interval() for row in intervals]), service
        for row in [*intervals, *service.opening_exceptions.all()]:
            row.full_clean(exclude=["page"])


def test_guides_use_every_block_type_and_several_audiences(demo_db):
    guides = german(GuidePage).exclude(title__startswith="[Demo:")
    assert guides.count() >= 20
    used = {block.block_type for guide in guides for block in guide.body}
    # The video block is left out: rendering an embed would fetch from the provider.
    assert used == {
        "paragraph", "heading", "steps", "checklist", "faq", "call_out", "document", "image", "external_link"
    }
    audiences = set(guides.values_list("audiences__slug", flat=True))
    assert {"schulen", "kitas", "sportvereine", "ehrenamtliche", "arbeitgeber", "vermieter"} <= audiences
    download = next(block for guide in guides for block in guide.body if block.block_type == "document")
    assert download.value["document"].file.size > 0


def test_events_are_upcoming_recurring_cancelled_and_online(demo_db):
    events = german(EventPage)
    assert events.count() >= 15
    now = timezone.now()
    week = [(event, event.occurrences(now, now + datetime.timedelta(days=60))) for event in events]
    assert sum(1 for _event, occurrences in week if occurrences) >= 15
    recurring = events.exclude(recurrence_rule="")
    assert recurring.count() >= 3
    cancelled = recurring.filter(cancellations__isnull=False).distinct()
    assert cancelled.exists()
    event = cancelled.first()
    cancelled_day = event.cancellations.first().date
    days = {timezone.localtime(start).date() for start, _end in event.occurrences(now, now + datetime.timedelta(days=400))}
    assert cancelled_day not in days
    assert events.exclude(online_url="").filter(place=None).count() >= 2


def test_images_are_drawn_with_titles_and_alt_text(demo_db):
    images = get_image_model().objects.filter(title__startswith=DEMO_PREFIX)
    assert images.count() >= 14
    assert not images.filter(description="").exists()
    assert all(image.width > 0 and image.height > 0 for image in images)


def test_the_help_says_it_is_demo_content(demo_db):
    from demo.management.commands.load_demo import Command

    assert "DEMO" in Command.help
    assert "Demo content ready" in demo_db.output


def test_a_kiosk_screen_stands_in_the_stadthaus(demo_db, client):
    screen = KioskScreen.objects.get(slug="stadthaus")
    assert screen.place.name.startswith("Stadthaus")
    assert "ar" in screen.locales and screen.featured_guides.exists()

    response = client.get("/kiosk/stadthaus/")

    assert response.status_code == 200
    config = json.loads(BeautifulSoup(response.content, "html.parser").find(id="kiosk-config").string)
    assert config["slug"] == "stadthaus"
    assert [locale["code"] for locale in config["locales"]] == screen.locales
    assert config["guideIds"] == [str(guide.pk) for guide in screen.featured_guides.all()]
