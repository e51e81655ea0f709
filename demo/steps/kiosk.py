"""A demo kiosk screen in the Stadthaus entrance hall, so ``make run`` shows /kiosk/stadthaus/."""

from kiosk.models import KioskScreen, generate_secret

SLUG = "stadthaus"
LOCALES = ["de", "de-x-ls", "en", "ar", "fa", "prs", "uk", "ru", "tr"]
FEATURED_TOPICS = ["ankommen", "asyl", "arbeit", "wohnen", "sprachkurse", "gesundheit"]
FEATURED_GUIDES = ["anmeldung", "erste-wochen", "asylverfahren"]


def create_kiosk_screen(context):
    """The demo screen and its secret: ``(made, raw secret or None)``; the secret is shown once."""
    if KioskScreen.objects.filter(slug=SLUG).exists():
        return 0, None
    raw_secret, secret_hash = generate_secret()
    screen = KioskScreen.objects.create(
        secret_hash=secret_hash,
        name="Demo: Stadthaus, Eingangshalle",
        slug=SLUG,
        place=context.places["stadthaus"],
        locales=LOCALES,
        default_locale="de",
    )
    screen.featured_topics.set(context.pick(context.topics, FEATURED_TOPICS))
    screen.featured_guides.set(context.pick(context.guides, FEATURED_GUIDES))
    return 1, raw_secret
