"""What a partner's staff have changed and where it stands in the review: for their dashboard."""

from django.contrib.contenttypes.models import ContentType
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from wagtail.models import GroupPagePermission, Page, WorkflowState

from directory.models import PartnerPage

#: The longest list on the dashboard.
LIMIT = 20


def partners_of(user):
    """The partner pages whose staff ``user`` is (a group of theirs may edit the page, not publish it)."""
    if not user.is_active or user.is_superuser:
        return []
    rules = GroupPagePermission.objects.filter(group__user=user)
    editable = rules.filter(permission__codename="change_page").values("page_id")
    publishable = rules.filter(permission__codename="publish_page").values("page_id")
    return list(PartnerPage.objects.filter(pk__in=editable).exclude(pk__in=publishable))


def _state(workflow_state):
    if workflow_state is None:
        return "draft", _("Draft, not submitted for review")
    if workflow_state.status == WorkflowState.STATUS_NEEDS_CHANGES:
        return "needs_changes", _("Changes requested")
    task = workflow_state.current_task_state.task if workflow_state.current_task_state else None
    return "in_review", _("Waiting for review") if task is None else _("In review: %(task)s") % {"task": task.name}


def partner_changes(partners):
    """``(page, state code, state label)`` of the pages below ``partners`` with changes not yet live."""
    if not partners:
        return []
    below = Q()
    for partner in partners:
        below |= Q(path__startswith=partner.path)
    pages = Page.objects.filter(below, has_unpublished_changes=True).order_by("-latest_revision_created_at")
    pages = list(pages[:LIMIT])
    states = WorkflowState.objects.active().filter(
        base_content_type=ContentType.objects.get_for_model(Page), object_id__in=[str(page.pk) for page in pages]
    ).select_related("current_task_state__task")
    by_page = {state.object_id: state for state in states}
    return [(page, *_state(by_page.get(str(page.pk)))) for page in pages]
