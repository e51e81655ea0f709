"""The admin form for API keys: a new key gets its secret on save; revoking is a checkbox."""

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm


class ApiKeyForm(WagtailAdminModelForm):
    revoke = forms.BooleanField(
        label=_("Revoke this key"),
        required=False,
        help_text=_("Requests with a revoked key are refused at once. This cannot be undone."),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if not self.instance.pk:
            del self.fields["revoke"]
        elif self.instance.revoked_at:
            self.fields["revoke"].initial = True
            self.fields["revoke"].disabled = True

    def save(self, commit=True):
        instance = super().save(commit=False)
        if not instance.pk:
            # Kept on the instance only for the response that shows it once.
            instance.raw_key = instance.set_new_key()
        if self.cleaned_data.get("revoke") and instance.revoked_at is None:
            instance.revoked_at = timezone.now()
        if commit:
            instance.save()
            self.save_m2m()
        return instance
