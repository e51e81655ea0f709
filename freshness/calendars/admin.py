"""
The feeds in the admin (a snippet list, *Calendar feeds*): per feed its partner, the last
import's result and counts, and on its page every imported event that needs an editor —
conflicts between the feed and an editor's change, events cancelled or gone from the feed —
linked to the event's editor.
"""

from django.db.models import Count, Q
from django.template.loader import render_to_string
from django.utils.translation import gettext_lazy as _
from wagtail.admin.ui.tables import Column, DateColumn
from wagtail.snippets.views.snippets import InspectView, SnippetViewSet

from directory.models import Place
from freshness.calendars.choices import EventState, Note
from freshness.calendars.models import CalendarFeed, ImportedEvent

COUNTS = [
    ("created", _("new")),
    ("updated", _("updated")),
    ("unchanged", _("unchanged")),
    ("flagged", _("cancelled or removed")),
    ("conflicts", _("conflicts")),
    ("skipped", _("skipped")),
]
FIELD_LABELS = {
    "title": _("title"),
    "summary": _("summary"),
    "description": _("description"),
    "start": _("starts"),
    "end": _("ends"),
    "recurrence_rule": _("repeats"),
    "cancelled_dates": _("cancelled dates"),
    "place": _("place"),
    "online_url": _("online link"),
    "registration_url": _("registration link"),
}


def attention():
    """Imported events an editor should look at: a conflict, or cancelled or gone from the feed."""
    return ~Q(conflicts=[]) | ~Q(state=EventState.ACTIVE)


def counts_text(counts):
    return ", ".join(f"{label}: {counts[key]}" for key, label in COUNTS if counts.get(key))


def note_text(note):
    code, detail = note
    label = Note(code).label if code in Note.values else code
    return f"{label}: {detail}" if detail else str(label)


def place_names(events):
    """A conflict about the place names places, not ids: one query for all of them."""
    ids = {c[side] for event in events for c in event.conflicts if c["field"] == "place" for side in ("feed", "cms")}
    ids.discard(None)
    return dict(Place.objects.filter(pk__in=ids).values_list("pk", "name")) if ids else {}


class ResultColumn(Column):
    def get_value(self, instance):
        if instance.error:
            return f"{instance.get_error_display()} ({instance.error_detail})"
        return f"{instance.get_result_display()}. {counts_text(instance.counts)}".strip(". ")


class FeedInspectView(InspectView):
    def get_field_label(self, field_name, field):
        if field_name == "imported_events":
            return _("Imported events that need an editor")
        return super().get_field_label(field_name, field)

    def get_counts_display_value(self):
        return counts_text(self.object.counts) or "–"

    def get_imported_events_display_value(self):
        events = list(self.object.events.filter(attention()).select_related("page").order_by("state", "uid"))
        places = place_names(events)
        rows = [
            {
                "event": event,
                "conflicts": [
                    {
                        "field": FIELD_LABELS.get(c["field"], c["field"]),
                        "feed": places.get(c["feed"], c["feed"]) if c["field"] == "place" else c["feed"],
                        "cms": places.get(c["cms"], c["cms"]) if c["field"] == "place" else c["cms"],
                    }
                    for c in event.conflicts
                ],
                "notes": [note_text(note) for note in event.notes],
            }
            for event in events
        ]
        return render_to_string("calendars/attention_table.html", {"rows": rows})


class CalendarFeedViewSet(SnippetViewSet):
    model = CalendarFeed
    icon = "date"
    menu_label = _("Calendar feeds")
    add_to_admin_menu = False
    inspect_view_enabled = True
    inspect_view_class = FeedInspectView
    inspect_view_fields = [
        "partner", "url", "active", "last_attempt", "last_success", "result", "error", "error_detail", "counts",
        "imported_events",
    ]
    list_display = [
        "partner",
        "url",
        DateColumn("last_attempt", label=_("Last import")),
        ResultColumn("result", label=_("Result")),
        Column("attention", label=_("Need an editor")),
    ]
    list_filter = ["result", "active"]
    search_fields = ["url"]

    def get_queryset(self, request):
        """How many events of each feed need an editor, counted in the list's one query."""
        return CalendarFeed.objects.select_related("partner").annotate(
            attention=Count("events", filter=Q(events__in=ImportedEvent.objects.filter(attention())))
        )
