"""Admin form of services: opening hours are checked as a whole, not row by row."""

from django.utils.translation import gettext_lazy as _

from directory.opening_hours import Interval, find_overlaps
from pages.forms import ContentPageForm


class ServicePageForm(ContentPageForm):
    """Refuses overlapping weekly opening intervals with an error on the offending row."""

    def clean(self):
        cleaned_data = super().clean()
        formset = self.formsets.get("opening_hours")
        if formset is None or not formset.is_valid():
            return cleaned_data
        # Keyed by identity: two identical rows are equal intervals and must both be kept.
        rows = {}
        for form in formset.forms:
            data = getattr(form, "cleaned_data", None)
            if not data or data.get("DELETE") or not all(data.get(key) for key in ("weekday", "opens", "closes")):
                continue
            place = data.get("place")
            interval = Interval(int(data["weekday"]), data["opens"], data["closes"], place.pk if place else None)
            rows[id(interval)] = (interval, form)
        intervals = [interval for interval, _form in rows.values()]
        for _earlier, later in find_overlaps(intervals):
            rows[id(later)][1].add_error("opens", _("This interval overlaps another one on the same day and place."))
        return cleaned_data
