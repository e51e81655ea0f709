"""Admin form of services: opening hours are checked as a whole, not row by row."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminPageForm

from directory.opening_hours import Interval, find_overlaps


class ServicePageForm(WagtailAdminPageForm):
    """Refuses overlapping weekly opening intervals with an error on the offending row."""

    def clean(self):
        cleaned_data = super().clean()
        formset = self.formsets.get("opening_hours")
        if formset is None or not formset.is_valid():
            return cleaned_data
        rows = {}
        for form in formset.forms:
            data = getattr(form, "cleaned_data", None)
            if not data or data.get("DELETE") or not all(data.get(key) for key in ("weekday", "opens", "closes")):
                continue
            place = data.get("place")
            interval = Interval(int(data["weekday"]), data["opens"], data["closes"], place.pk if place else None)
            rows.setdefault(interval, form)
        for _earlier, later in find_overlaps(list(rows)):
            rows[later].add_error("opens", _("This interval overlaps another one on the same day and place."))
        return cleaned_data
