"""A demo kiosk screen in the Stadthaus entrance hall, so ``make run`` shows /kiosk/stadthaus/."""

from kiosk.models import KioskScreen

SLUG = "stadthaus"
LOCALES = ["de", "de-x-ls", "en", "ar", "fa", "prs", "uk", "ru", "tr"]
FEATURED_TOPICS = ["ankommen", "asyl", "arbeit", "wohnen", "sprachkurse", "gesundheit"]
FEATURED_GUIDES = ["anmeldung", "erste-wochen", "asylverfahren"]


def create_kiosk_screen(context):
    if KioskScreen.objects.filter(slug=SLUG).exists():
        return 0
    screen = KioskScreen.objects.create(
        name="Demo: Stadthaus, Eingangshalle",
        slug=SLUG,
        place=context.places["stadthaus"],
        locales=LOCALES,
        default_locale="de",
    )
    screen.featured_topics.set(context.pick(context.topics, FEATURED_TOPICS))
    screen.featured_guides.set(context.pick(context.guides, FEATURED_GUIDES))
    return 1
