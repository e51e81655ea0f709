"""
The "Translation review" workflow with one group approval task for "Translation reviewers",
and the "Translators" group. Assigning it to each target locale's tree happens at run time
(translation.review.assign_review_workflow), because those trees appear only when the
first page is translated.
"""

from django.db import migrations

REVIEW_WORKFLOW_NAME = "Translation review"
REVIEW_TASK_NAME = "Review translation"
REVIEWERS_GROUP = "Translation reviewers"
TRANSLATORS_GROUP = "Translators"


def create_workflow(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    GroupApprovalTask = apps.get_model("wagtailcore", "GroupApprovalTask")
    Workflow = apps.get_model("wagtailcore", "Workflow")
    WorkflowTask = apps.get_model("wagtailcore", "WorkflowTask")

    reviewers, _ = Group.objects.get_or_create(name=REVIEWERS_GROUP)
    translators, _ = Group.objects.get_or_create(name=TRANSLATORS_GROUP)
    admin_access = Permission.objects.filter(content_type__app_label="wagtailadmin", codename="access_admin")
    submit = Permission.objects.filter(content_type__app_label="wagtail_localize", codename="submit_translation")
    for group in (reviewers, translators):
        group.permissions.add(*admin_access, *submit)

    task_type, _ = ContentType.objects.get_or_create(app_label="wagtailcore", model="groupapprovaltask")
    task = GroupApprovalTask.objects.filter(name=REVIEW_TASK_NAME).first()
    if task is None:
        task = GroupApprovalTask.objects.create(name=REVIEW_TASK_NAME, content_type=task_type, active=True)
    task.groups.add(reviewers)
    workflow, created = Workflow.objects.get_or_create(name=REVIEW_WORKFLOW_NAME, defaults={"active": True})
    if created:
        WorkflowTask.objects.create(workflow=workflow, task=task, sort_order=0)


class Migration(migrations.Migration):
    dependencies = [
        ("translation", "0001_initial"),
        ("wagtailcore", "0094_alter_page_locale"),
        ("wagtailadmin", "0001_create_admin_access_permissions"),
        ("wagtail_localize", "0006_create_submit_translation_permission"),
        ("auth", "0012_alter_user_first_name_max_length"),
    ]
    operations = [migrations.RunPython(create_workflow, migrations.RunPython.noop)]
