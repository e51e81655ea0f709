"""
The group, media collection and review workflow of one partner's staff.

Wagtail's page permissions on the partner page cover its whole subtree, its services and
events included. The group may add and edit there but never publish, so every change is
submitted to the workflow that covers the partner page: Wagtail's "Moderators approval" on
the root in a standard install. If no active workflow covers the page (someone turned it
off), the partner page gets "Partner changes", approved by the editorial team.
"""

from django.contrib.auth.models import Group, Permission
from django.db import transaction
from wagtail.models import (
    Collection,
    GroupApprovalTask,
    GroupCollectionPermission,
    GroupPagePermission,
    Workflow,
    WorkflowPage,
    WorkflowTask,
)

from directory.models import PartnerTeam

PAGE_PERMISSIONS = ["add_page", "change_page"]  # never publish_page: changes are reviewed
COLLECTION_PERMISSIONS = {
    "wagtailimages": ["add_image", "change_image", "choose_image"],
    "wagtaildocs": ["add_document", "change_document", "choose_document"],
}
WORKFLOW_NAME = "Partner changes"
TASK_NAME = "Editorial review"
REVIEWERS_GROUP = "Moderators"


def team_name(partner):
    """The group's and collection's name (data, like Wagtail's own "Moderators": not translated)."""
    return f"Partner: {partner.title}"


def _permissions(app_label, codenames):
    return Permission.objects.filter(content_type__app_label=app_label, codename__in=codenames)


def _unique_group_name(name):
    candidate, number = name, 1
    while Group.objects.filter(name=candidate).exists():
        number += 1
        candidate = f"{name} ({number})"
    return candidate


@transaction.atomic
def team_for(partner):
    """The partner's team, made (with its group, collection and workflow) if missing. Idempotent."""
    team = PartnerTeam.objects.select_related("group", "collection").filter(partner=partner).first()
    if team is None:
        name = team_name(partner)
        group = Group.objects.create(name=_unique_group_name(name))
        collection = Collection.get_first_root_node().add_child(name=name)
        team = PartnerTeam.objects.create(partner=partner, group=group, collection=collection)
    grant(team)
    ensure_review(partner)
    return team


def grant(team):
    """Give the team's group exactly its permissions (safe to run again)."""
    group = team.group
    group.permissions.add(*_permissions("wagtailadmin", ["access_admin"]))
    for permission in _permissions("wagtailcore", PAGE_PERMISSIONS):
        GroupPagePermission.objects.get_or_create(group=group, page=team.partner, permission=permission)
    for app_label, codenames in COLLECTION_PERMISSIONS.items():
        for permission in _permissions(app_label, codenames):
            GroupCollectionPermission.objects.get_or_create(
                group=group, collection=team.collection, permission=permission
            )


def ensure_review(partner):
    """Make sure an active workflow covers the partner page; return it."""
    workflow = partner.get_workflow()
    if workflow is not None:
        return workflow
    workflow, created = Workflow.objects.get_or_create(name=WORKFLOW_NAME, defaults={"active": True})
    if not workflow.active:
        workflow.active = True
        workflow.save(update_fields=["active"])
    if created or not workflow.workflow_tasks.exists():
        task = GroupApprovalTask.objects.create(name=TASK_NAME)
        task.groups.add(Group.objects.get_or_create(name=REVIEWERS_GROUP)[0])
        WorkflowTask.objects.create(workflow=workflow, task=task, sort_order=0)
    WorkflowPage.objects.update_or_create(page=partner.page_ptr, defaults={"workflow": workflow})
    return workflow
