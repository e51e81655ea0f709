"""
The admin form of a kiosk screen: languages as checkboxes by native name, not raw JSON;
a new screen gets its secret on save (shown once by the create view).
"""

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

    def save(self, commit=True):
        instance = super().save(commit=False)
        if not instance.pk:
            # Kept on the instance only for the response that shows it once.
            instance.raw_secret = instance.set_new_secret()
        if commit:
            instance.save()
            self.save_m2m()
        return instance
