"""
The "Moderators" group (the editorial team) adds and edits the partners' calendar feeds.
Partner editors get no permission here: an address the server fetches every hour is the
team's decision.
"""

from django.contrib.auth.management import create_permissions
from django.db import migrations

GROUP = "Moderators"
CODENAMES = ["add_calendarfeed", "change_calendarfeed", "delete_calendarfeed", "view_calendarfeed"]


def grant(apps, schema_editor):
    # Permissions are made after all migrations ran; make ours now so the group can hold them.
    app_config = apps.get_app_config("calendars")
    app_config.models_module = True
    create_permissions(app_config, apps=apps, verbosity=0)
    app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    group, _created = Group.objects.get_or_create(name=GROUP)
    group.permissions.add(*Permission.objects.filter(content_type__app_label="calendars", codename__in=CODENAMES))


def revoke(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    group = Group.objects.filter(name=GROUP).first()
    if group is not None:
        group.permissions.remove(*Permission.objects.filter(content_type__app_label="calendars", codename__in=CODENAMES))


class Migration(migrations.Migration):
    dependencies = [
        ("calendars", "0001_initial"),
        ("offers", "0003_moderators_group"),
    ]

    operations = [migrations.RunPython(grant, revoke)]
