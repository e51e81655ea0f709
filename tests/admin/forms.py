"""
POST data for the admin's page and snippet forms, built with Wagtail's form_data helpers.

Each builder returns the minimal valid form for one type; tests override single fields to
provoke exactly one error.
"""

from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield


def _page(title, slug, extra, **formsets):
    data = {
        "title": title,
        "slug": slug,
        "summary": "Kurz gesagt.",
        "last_reviewed": "2026-11-01",
        "comments": inline_formset([]),
        **{name: inline_formset(rows) for name, rows in formsets.items()},
        **extra,
    }
    return data


def guide_data(**extra):
    body = streamfield([("paragraph", rich_text("<p>Schritt für Schritt.</p>"))])
    return nested_form_data(_page("Anmeldung der Wohnung", "anmeldung", {"body": body, **extra}))


def partner_data(**extra):
    return nested_form_data(_page("Flüchtlingsrat", "fluechtlingsrat", {"kind": "association", **extra}))


def service_data(opening_hours=(), opening_exceptions=(), **extra):
    fields = {"cost": "free", "appointment": "not_needed", "in_person": "on", "description": rich_text("<p>Beratung</p>")}
    return nested_form_data(
        _page(
            "Asylverfahrensberatung",
            "asylberatung",
            {**fields, **extra},
            opening_hours=list(opening_hours),
            opening_exceptions=list(opening_exceptions),
        )
    )


def event_data(cancellations=(), **extra):
    fields = {
        "start": "2026-12-01 18:00",
        "end": "2026-12-01 20:00",
        "online_url": "https://example.org/live",
        "registration": "none",
        "is_free": "on",
        "description": rich_text("<p>Sprachcafé</p>"),
    }
    return nested_form_data(_page("Sprachcafé", "sprachcafe", {**fields, **extra}, cancellations=list(cancellations)))


def index_data(title, slug):
    return nested_form_data({"title": title, "slug": slug, "comments": inline_formset([])})


def place_data(rooms=(), **extra):
    fields = {
        "name": "Stadthaus",
        "street": "Burgplatz 1",
        "postcode": "04109",
        "city": "Leipzig",
        "latitude": "51.338600",
        "longitude": "12.372400",
        "accessibility": "full",
        "rooms": inline_formset(list(rooms)),
        **extra,
    }
    return nested_form_data(fields)
