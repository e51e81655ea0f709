"""Placeholder; replaced by the agency export/import views."""

from django.http import HttpResponse


def export_view(request):
    return HttpResponse(status=501)


def import_view(request):
    return HttpResponse(status=501)
