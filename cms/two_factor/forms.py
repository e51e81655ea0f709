"""One code field, checked against the user's devices when the form is cleaned."""

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from . import devices

THROTTLING_HELP = _(
    "After a wrong code you wait before the next try, twice as long after each further "
    "wrong code (1, 2, 4, 8 … seconds)."
)


class CodeForm(forms.Form):
    """A code from the authenticator app or a recovery code of ``user``."""

    code = forms.CharField(
        label=_("Code"),
        max_length=32,
        widget=forms.TextInput(attrs={"autocomplete": "one-time-code", "autofocus": True, "spellcheck": "false"}),
    )
    help = _("The 6-digit code your authenticator app shows, or one of your recovery codes.")

    def __init__(self, user, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user
        self.device = None
        self.fields["code"].help_text = f"{self.help} {THROTTLING_HELP}"

    def candidates(self):
        """The devices to check the code against (``None``: the user's, chosen by the code)."""
        return None

    def clean_code(self):
        result = devices.verify(self.user, self.cleaned_data["code"], self.candidates())
        if result.wait_seconds:
            raise ValidationError(
                ngettext(
                    "Too many wrong codes: wait %(seconds)d second and try again.",
                    "Too many wrong codes: wait %(seconds)d seconds and try again.",
                    result.wait_seconds,
                ),
                code="throttled",
                params={"seconds": result.wait_seconds},
            )
        if result.device is None:
            raise ValidationError(_("This code is not right."), code="invalid")
        self.device = result.device
        return self.cleaned_data["code"]


class ConfirmAuthenticatorForm(CodeForm):
    """The first code of a new authenticator: proves the app has the secret."""

    help = _("The 6-digit code your app shows now for this account.")

    def __init__(self, user, pending_device, *args, **kwargs):
        super().__init__(user, *args, **kwargs)
        self.pending_device = pending_device
        self.fields["code"].widget.attrs["inputmode"] = "numeric"

    def candidates(self):
        return [self.pending_device]
