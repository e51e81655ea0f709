"""Admin views for agencies: export pages for one locale, import the returned file with a dry run."""

import base64
import binascii

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.models import Locale, Page

from translation import locales as locale_info
from translation.exchange import uploads
from translation.exchange.importer import FORMATS, ImportRefused, apply_import, plan_import
from translation.exchange.po import MAX_MEMBERS, build_po_bundle
from translation.exchange.units import ensure_translations, pages_for_export
from translation.exchange.xliff import build_xliff
from translation.views.overview import can_see_overview

MAX_UPLOAD_BYTES = 20 * 1024 * 1024


def target_locale_field():
    return forms.ModelChoiceField(
        label=gettext_lazy("Target language"),
        queryset=Locale.objects.filter(language_code__in=locale_info.target_codes()).order_by("language_code"),
    )


class ExportForm(forms.Form):
    locale = target_locale_field()
    format = forms.ChoiceField(label=gettext_lazy("Format"), choices=[("xliff", "XLIFF 2.0"), ("po", "PO (gettext)")])
    section = forms.ModelChoiceField(
        label=gettext_lazy("Section"),
        required=False,
        queryset=Page.objects.none(),
        help_text=gettext_lazy("This page and everything below it; empty for the whole site."),
    )
    open_only = forms.BooleanField(
        label=gettext_lazy("Only what is not up to date"), required=False, initial=True
    )
    drafts = forms.BooleanField(
        label=gettext_lazy("Also pages that are not published"),
        required=False,
        initial=False,
        help_text=gettext_lazy(
            "The file contains the published pages of the section. Tick this to add drafts and "
            "unpublished pages. Pages with a view restriction (private, password, groups) are never exported."
        ),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["section"].queryset = Page.objects.filter(
            locale__language_code=locale_info.source_code(), depth__gt=1, depth__lte=3
        ).order_by("path")


class ImportForm(forms.Form):
    """
    A new file is always checked first (a dry run); the import applies only the file the
    dry run checked, kept on the server and named by ``token`` (see exchange.uploads).
    """

    locale = target_locale_field()
    format = forms.ChoiceField(label=gettext_lazy("Format"), choices=[("xliff", "XLIFF 2.0"), ("po", "PO / ZIP of PO")])
    file = forms.FileField(label=gettext_lazy("File from the agency"), required=False)
    token = forms.CharField(widget=forms.HiddenInput, required=False, max_length=1000)

    def __init__(self, *args, user=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user

    def clean(self):
        cleaned = super().clean()
        upload = cleaned.get("file")
        cleaned["checked"] = False
        if upload is not None:
            if upload.size > MAX_UPLOAD_BYTES:
                raise forms.ValidationError(_("The file is larger than 20 MB."))
            cleaned["content"], cleaned["filename"] = upload.read(), upload.name
            cleaned["token"] = ""
        elif cleaned.get("token"):
            try:
                cleaned["content"], cleaned["filename"] = uploads.load(cleaned["token"], self.user, MAX_UPLOAD_BYTES)
            except uploads.UploadMissing:
                cleaned["token"] = ""
                raise forms.ValidationError(
                    _("The checked file is no longer here (files are kept for a day): upload the file again."),
                    code="upload_missing",
                ) from None
            cleaned["checked"] = True
        elif self.data.get("data"):
            # The base64 field of earlier versions of this page, still accepted for one
            # release; the page sends a token now.
            try:
                cleaned["content"] = base64.b64decode(self.data["data"], validate=True)
            except (binascii.Error, ValueError):
                raise forms.ValidationError(_("The checked file was damaged on its way: upload the file again.")) from None
            if len(cleaned["content"]) > MAX_UPLOAD_BYTES:
                raise forms.ValidationError(_("The file is larger than 20 MB."))
            cleaned["filename"], cleaned["checked"] = "", True
        else:
            raise forms.ValidationError(_("Choose a file."))
        return cleaned


def export_file(translations, locale, file_format):
    """``(filename, content type, bytes)`` of an export."""
    if file_format == "xliff":
        return (
            f"welcome-{locale.language_code}.xlf",
            "application/xliff+xml",
            build_xliff(translations, locale_info.source_code(), locale.language_code),
        )
    suffix, content = build_po_bundle(translations)
    content_type = "application/zip" if suffix == ".zip" else "text/x-gettext-translation"
    return f"welcome-{locale.language_code}{suffix}", content_type, content


def export_view(request):
    if not can_see_overview(request.user):
        raise PermissionDenied
    form = ExportForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        locale = form.cleaned_data["locale"]
        pages = pages_for_export(
            locale, form.cleaned_data["section"], form.cleaned_data["open_only"], drafts=form.cleaned_data["drafts"]
        )
        if not pages:
            messages.warning(request, _("Nothing to export: every page of the chosen scope is up to date in this language."))
        elif form.cleaned_data["format"] == "po" and len(pages) > MAX_MEMBERS:
            # The import reads at most MAX_MEMBERS files of one archive (exchange.po).
            messages.warning(
                request,
                _("%(count)d pages are more than one PO archive may hold (%(limit)d): choose a section, or XLIFF.")
                % {"count": len(pages), "limit": MAX_MEMBERS},
            )
        else:
            translations = ensure_translations(pages, locale, request.user)
            filename, content_type, content = export_file(translations, locale, form.cleaned_data["format"])
            response = HttpResponse(content, content_type=content_type)
            response["Content-Disposition"] = f'attachment; filename="{filename}"'
            return response
    return TemplateResponse(request, "translation/export.html", {"form": form})


def import_view(request):
    if not can_see_overview(request.user):
        raise PermissionDenied
    plan, filename = None, ""
    if request.method == "POST":
        uploads.remove_stale()
    form = ImportForm(request.POST or None, request.FILES or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        locale, file_format = form.cleaned_data["locale"], form.cleaned_data["format"]
        if file_format not in FORMATS:
            raise PermissionDenied
        content, token, filename = form.cleaned_data["content"], form.cleaned_data["token"], form.cleaned_data["filename"]
        plan = plan_import(content, file_format, locale, user=request.user)
        # Only a checked file is imported: a file chosen together with "Import" is checked first.
        if plan.ok and form.cleaned_data["checked"] and request.POST.get("action") == "apply":
            try:
                count = apply_import(plan, request.user)
            except ImportRefused as refused:
                plan.errors.extend(refused.errors)
            else:
                if token:
                    uploads.discard(token, request.user)
                messages.success(
                    request,
                    _("%(count)d strings imported; the pages were saved as drafts. Submit them for review.")
                    % {"count": count},
                )
                return redirect("translation:overview")
        if plan.ok and plan.changes and not token:
            try:
                token = uploads.keep(content, request.user, filename)
            except OSError:
                messages.error(request, _("The file could not be kept on the server for the import; try again later."))
        form = ImportForm(initial={"locale": locale, "format": file_format, "token": token}, user=request.user)
    context = {
        "form": form,
        "plan": plan,
        "filename": filename,
        "can_apply": bool(plan and plan.ok and plan.changes and form["token"].value()),
    }
    return TemplateResponse(request, "translation/import.html", context)
