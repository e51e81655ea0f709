"""Admin views for API keys: the list with usage figures, issuing, and a usage history."""

import datetime

from django.db.models import Q, Sum
from django.template.loader import render_to_string
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.functional import lazy
from django.utils.translation import gettext_lazy as _
from wagtail.admin.ui.tables import Column
from wagtail.snippets.views.snippets import CreateView, InspectView, SnippetViewSet

from .models import ApiKey
from .usage import pending_counts

USAGE_DAYS = 30



def interpolated_lazy(message, **values):
    """
    ``message % values`` translated when shown, not when the module is imported: ``%`` on
    a lazy string translates at once, in the language active at import time (German).
    """
    return lazy(lambda: str(message) % values, str)()

class IssueKeyCreateView(CreateView):
    """Saves the key, then shows its secret once instead of redirecting to the list."""

    def save_action(self):
        super().save_action()
        return TemplateResponse(
            self.request,
            "embed/admin/key_issued.html",
            {
                "key": self.object,
                "raw_key": self.object.raw_key,
                "index_url": self.get_success_url(),
                "widget_url": self.request.build_absolute_uri(reverse("embed:widget")),
            },
        )


class UsageInspectView(InspectView):
    def get_field_label(self, field_name, field):
        if field_name == "usage":
            return _("Requests per day (last %(days)d days)") % {"days": USAGE_DAYS}
        return super().get_field_label(field_name, field)

    def get_usage_display_value(self):
        today = timezone.localdate()
        rows = {
            row.date: row.count
            for row in self.object.usage.filter(date__gt=today - datetime.timedelta(days=USAGE_DAYS))
        }
        rows[today] = rows.get(today, 0) + pending_counts([self.object.pk], today)[self.object.pk]
        days = [(day, rows[day]) for day in sorted(rows, reverse=True) if rows[day]]
        return render_to_string("embed/admin/usage_table.html", {"days": days})


class ApiKeyViewSet(SnippetViewSet):
    model = ApiKey
    icon = "key"
    menu_label = _("API keys")
    add_to_admin_menu = False
    add_view_class = IssueKeyCreateView
    copy_view_enabled = False  # a copy would get a new secret nobody is shown
    inspect_view_class = UsageInspectView
    inspect_view_enabled = True
    inspect_view_fields = [
        "name", "partner", "prefix", "allowed_origins", "rate_limit_per_minute", "created_at", "revoked_at", "usage",
    ]
    list_display = [
        "name",
        "partner",
        Column("prefix", label=_("Key starts with")),
        Column("revoked_at", label=_("Revoked")),
        Column("requests_today", label=_("Requests today")),
        Column("requests_month", label=interpolated_lazy(_("Requests, last %(days)d days"), days=USAGE_DAYS)),
    ]
    search_fields = ["name"]

    def get_queryset(self, request):
        """Usage sums as annotations: one query for the whole list, however many keys."""
        today = timezone.localdate()
        since = today - datetime.timedelta(days=USAGE_DAYS)
        return ApiKey.objects.select_related("partner").annotate(
            requests_today=Sum("usage__count", filter=Q(usage__date=today), default=0),
            requests_month=Sum("usage__count", filter=Q(usage__date__gt=since), default=0),
        )
