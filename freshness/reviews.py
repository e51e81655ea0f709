"""
"Still correct": one click that records a review without editing the item.

Saving and publishing the page would do it too, but would publish whatever draft waits
in its latest revision and add a version that changes nothing. So the review date is
written with ``UPDATE``: on the live row (what readers and the API see), and into the
stored content of the live and the latest revision, so that neither publishing the
waiting draft nor reverting to the live version brings the old date back. Nothing else
of the item changes; Wagtail's log keeps who confirmed it.
"""

from django.db import transaction
from django.utils import timezone
from wagtail.log_actions import log
from wagtail.models import Page, Revision
from wagtail.permission_policies import ModelPermissionPolicy

from freshness.signals import reviewed

REVIEWED_ACTION = "freshness.reviewed"


@transaction.atomic
def record_review(item, user, today=None):
    """Mark ``item`` (a specific page or a place) as reviewed by ``user`` on ``today``."""
    today = today or timezone.localdate()
    type(item).objects.filter(pk=item.pk).update(last_reviewed=today)
    item.last_reviewed = today
    revision_ids = {getattr(item, "live_revision_id", None), item.latest_revision_id} - {None}
    for revision in Revision.objects.filter(pk__in=revision_ids):
        revision.content["last_reviewed"] = today.isoformat()
        revision.save(update_fields=["content"])
    log(instance=item, action=REVIEWED_ACTION, user=user)
    reviewed.send(sender=type(item), instance=item)
    return item


def can_review(item, user):
    """Whoever may edit the item may confirm it is still correct."""
    if isinstance(item, Page):
        return item.permissions_for_user(user).can_edit()
    return ModelPermissionPolicy(type(item)).user_has_permission(user, "change")
