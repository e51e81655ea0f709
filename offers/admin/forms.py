"""Forms of the moderation screens."""

from django import forms
from django.utils.translation import gettext_lazy as _

from offers.choices import Direction, Kind, Status
from offers.models import Listing
from taxonomy.models import SpokenLanguage, Topic
from translation import locales as locale_info


class QueueFilterForm(forms.Form):
    """The queue shows what waits for a decision unless asked for another status."""

    status = forms.ChoiceField(label=_("Status"), choices=Status.choices, required=False, initial=Status.PENDING)
    kind = forms.ChoiceField(label=_("Kind"), choices=[("", _("All kinds")), *Kind.choices], required=False)
    direction = forms.ChoiceField(
        label=_("Offer or request"), choices=[("", _("Both")), *Direction.choices], required=False
    )

    def filter(self, listings):
        data = self.cleaned_data if self.is_valid() else {}
        listings = listings.filter(status=data.get("status") or Status.PENDING)
        if data.get("kind"):
            listings = listings.filter(kind=data["kind"])
        if data.get("direction"):
            listings = listings.filter(direction=data["direction"])
        return listings


class ReasonForm(forms.Form):
    """Rejecting or declining: the reason reaches the person who asked, so it is required."""

    reason = forms.CharField(
        label=_("Reason"),
        widget=forms.Textarea(attrs={"rows": 4}),
        max_length=1000,
        help_text=_("Sent by e-mail in plain words; write it so that the person understands what to change."),
        error_messages={"required": _("Give a reason: it is sent to the person who asked.")},
    )


class ResolveReportForm(forms.Form):
    action = forms.ChoiceField(
        label=_("Decision"),
        choices=[("dismiss", _("The listing is fine: close the report")), ("remove", _("Take the listing down"))],
        widget=forms.RadioSelect,
    )
    reason = forms.CharField(
        label=_("Reason for the submitter"), widget=forms.Textarea(attrs={"rows": 3}), required=False, max_length=1000
    )

    def clean(self):
        data = super().clean()
        if data.get("action") == "remove" and not (data.get("reason") or "").strip():
            self.add_error("reason", _("Give a reason: it is sent to the submitter."))
        return data


class ListingEditForm(forms.ModelForm):
    """A moderator's corrections before approving: plain text and the listing's terms."""

    topics = forms.ModelMultipleChoiceField(
        label=_("Topics"),
        queryset=Topic.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    languages = forms.ModelMultipleChoiceField(
        label=_("Languages spoken"),
        queryset=SpokenLanguage.objects.all(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    class Meta:
        model = Listing
        fields = ["direction", "kind", "title", "description", "topics", "district", "languages", "valid_until"]
        widgets = {"valid_until": forms.DateInput(attrs={"type": "date"})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Listings point at source-language topics, as pages do.
        self.fields["topics"].queryset = Topic.objects.filter(locale__language_code=locale_info.source_code())
