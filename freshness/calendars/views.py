"""An editor keeps the CMS's values of an imported event: its conflicts are settled, the feed's values stay unused."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from freshness.calendars.models import CalendarFeed, ImportedEvent


@require_POST
def keep_cms_values(request, pk):
    if not request.user.has_perm("calendars.change_calendarfeed"):
        raise PermissionDenied
    event = get_object_or_404(ImportedEvent, pk=pk)
    # The fingerprint already holds the feed's values: the next import sees no change and
    # no conflict, until the feed changes the field again.
    event.conflicts = []
    event.save(update_fields=["conflicts"])
    messages.success(request, _("The CMS's values are kept for “%(uid)s”.") % {"uid": event.page or event.uid})
    return redirect(CalendarFeed.snippet_viewset.get_url_name("inspect"), event.feed_id)
