"""Creating demo pages once: found again by translation key, published with a revision."""

from django.utils import timezone

from demo.keys import demo_key
from pages.models import ContentPage


def find_page(model, key, locale):
    return model.objects.filter(translation_key=demo_key(key), locale=locale).first()


def ensure_page(parent, model, key, *, publish=True, locale=None, **fields):
    """
    The page ``key`` below ``parent``, made and published if it does not exist yet.

    Returns ``(page, created)``. An existing page is never changed, so running the demo
    again adds no revisions.
    """
    locale = locale or parent.locale
    existing = find_page(model, key, locale)
    if existing is not None:
        return existing, False
    fields.setdefault("slug", key)
    if issubclass(model, ContentPage):
        fields.setdefault("last_reviewed", timezone.localdate())
    page = model(translation_key=demo_key(key), locale=locale, live=publish, **fields)
    parent.add_child(instance=page)
    revision = page.save_revision(log_action=True)
    if publish:
        revision.publish()
        page.refresh_from_db()
    return page, True
