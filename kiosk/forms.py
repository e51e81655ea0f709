"""The admin form of a kiosk screen: languages as checkboxes by native name, not raw JSON."""

from django import forms
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm

from translation.locales import choices as locale_choices


class KioskScreenForm(WagtailAdminModelForm):
    locales = forms.MultipleChoiceField(
        label=_("languages offered"),
        choices=locale_choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Leave empty to offer every language."),
    )
    default_locale = forms.ChoiceField(label=_("default language"), choices=locale_choices)
