"""The editor's invitation form and the invited person's password form."""

from django import forms
from django.conf import settings
from django.contrib.auth.forms import SetPasswordForm
from django.utils.translation import gettext_lazy as _


class InviteForm(forms.Form):
    email = forms.EmailField(label=_("E-mail address"))
    name = forms.CharField(label=_("Name"), max_length=150, required=False)
    language = forms.ChoiceField(
        label=_("Language of the e-mail and the admin"),
        choices=settings.WAGTAILADMIN_PERMITTED_LANGUAGES,
        initial="de",
    )


class WelcomeForm(SetPasswordForm):
    """Django's own: both passwords must match and pass ``AUTH_PASSWORD_VALIDATORS``."""
