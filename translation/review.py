"""
The "Translation review" workflow: translations reach readers only after a reviewer approves.

How it fits wagtail-localize: its editor's "Publish" button calls
``Translation.save_target(publish=True)``, which publishes directly and needs publish
permission on the target page. Translators therefore get edit but not publish permission
on the translated trees, and submit with ``submit_for_review`` instead: it saves the
translation as a draft revision and starts the workflow assigned to the locale's root
page. The reviewers' approval publishes it and is recorded, which is what clears the
machine-translation flag (see status.machine_flag).

The workflow, its task and the two groups are created by a data migration; the workflow
is assigned to every target locale's root page by ``assign_review_workflow`` (called by
the ``setup_translation_review`` command and whenever a locale root is created).
"""

from django.contrib.auth.models import Group, Permission
from django.db import transaction
from django.db.models.signals import post_save
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.models import GroupPagePermission, Page, Workflow, WorkflowPage, WorkflowState
from wagtail.signals import workflow_approved

from translation import locales as locale_info
from translation.drafts import save_draft
from translation.models import TranslationRecord

REVIEW_WORKFLOW_NAME = "Translation review"
REVIEW_TASK_NAME = "Review translation"
REVIEWERS_GROUP = "Translation reviewers"
TRANSLATORS_GROUP = "Translators"


class NoReviewWorkflow(Exception):
    """The target page is not covered by the review workflow (run setup_translation_review)."""


def review_workflow():
    return Workflow.objects.filter(name=REVIEW_WORKFLOW_NAME).first()


def locale_roots():
    """The root page (depth 2) of every target locale that exists so far."""
    return Page.objects.filter(depth=2, locale__language_code__in=locale_info.target_codes())


def assign_review_workflow(root, workflow=None):
    """
    Put one target locale's tree under the review workflow, and give translators edit
    (not publish) and reviewers edit and publish permission on it. Idempotent.
    """
    workflow = workflow or review_workflow()
    if workflow is None:
        return False
    WorkflowPage.objects.update_or_create(page=root, defaults={"workflow": workflow})
    grants = {
        TRANSLATORS_GROUP: ["add_page", "change_page"],
        REVIEWERS_GROUP: ["add_page", "change_page", "publish_page"],
    }
    for group_name, codenames in grants.items():
        group, _created = Group.objects.get_or_create(name=group_name)
        for permission in Permission.objects.filter(content_type__app_label="wagtailcore", codename__in=codenames):
            GroupPagePermission.objects.get_or_create(group=group, page=root, permission=permission)
    return True


def submit_for_review(translation, user):
    """
    Save the translation as a draft of the target page and start the review workflow on it.

    Returns the WorkflowState. A translation already in review is resubmitted with the
    new draft (the earlier request is cancelled).
    """
    with transaction.atomic():
        page = save_draft(translation, user=user).specific
        workflow = page.get_workflow()
        if workflow is None:
            raise NoReviewWorkflow(_("No review workflow covers %(page)s.") % {"page": page})
        current = page.current_workflow_state
        if current is not None and current.status == WorkflowState.STATUS_IN_PROGRESS:
            current.cancel(user=user)
        return workflow.start(page, user)


def record_review(page, user, at=None):
    """Note that a person approved the translation ``page`` (clears older machine strings)."""
    is_reviewer = user is not None and user.groups.filter(name=REVIEWERS_GROUP).exists()
    TranslationRecord.objects.update_or_create(
        translation_key=page.translation_key,
        locale_id=page.locale_id,
        defaults={"reviewed_at": at or timezone.now(), "reviewed_by": user, "reviewed_by_reviewer": is_reviewer},
    )


def _on_workflow_approved(sender, instance, user=None, **kwargs):
    if instance.workflow.name != REVIEW_WORKFLOW_NAME:
        return
    page = instance.content_object
    if isinstance(page, Page) and page.locale.language_code != locale_info.source_code():
        record_review(page, user)


def _on_page_saved(sender, instance, created, raw=False, **kwargs):
    # A target locale's tree appears when its first page is translated: put it under review at once.
    if raw or not created or not isinstance(instance, Page) or instance.depth != 2:
        return
    if instance.locale.language_code in locale_info.target_codes():
        assign_review_workflow(instance)


def connect_signals():
    workflow_approved.connect(_on_workflow_approved, dispatch_uid="translation_review_approved")
    post_save.connect(_on_page_saved, dispatch_uid="translation_locale_root_saved")
