"""
The "Moderators" group (Wagtail's own migrations made it for page moderation: our editorial
team) may moderate help offers and requests and decide room requests. Partner editors get no
permission here: offers.permissions scopes them to what is addressed to their partner.
"""

from django.contrib.auth.management import create_permissions
from django.db import migrations

GROUP = "Moderators"
CODENAMES = [("listing", "moderate_listing"), ("roomrequest", "moderate_roomrequest")]


def grant(apps, schema_editor):
    # Permissions are made after all migrations ran; make ours now so the group can hold them.
    # (A migration's app config is a stub without models_module, which create_permissions reads.)
    app_config = apps.get_app_config("offers")
    app_config.models_module = True
    create_permissions(app_config, apps=apps, verbosity=0)
    app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    group, _created = Group.objects.get_or_create(name=GROUP)
    access_admin = Permission.objects.filter(content_type__app_label="wagtailadmin", codename="access_admin")
    group.permissions.add(*access_admin)
    for model, codename in CODENAMES:
        group.permissions.add(Permission.objects.get(content_type__app_label="offers", content_type__model=model, codename=codename))


def revoke(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    group = Group.objects.filter(name=GROUP).first()
    if group is not None:
        codenames = [codename for _model, codename in CODENAMES]
        group.permissions.remove(*Permission.objects.filter(content_type__app_label="offers", codename__in=codenames))


class Migration(migrations.Migration):
    dependencies = [
        ("offers", "0002_moderation"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("wagtailadmin", "0001_create_admin_access_permissions"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [migrations.RunPython(grant, revoke)]
