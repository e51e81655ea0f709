"""
The "Partner editors" example: staff of one partner edit that partner's profile, services
and events, and nothing else; they cannot publish, so every change goes through the
moderation workflow to the editorial team.
"""

import os
import secrets

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from wagtail.models import GroupCollectionPermission, GroupPagePermission

from demo.content.partners import EDITABLE_PARTNER

GROUP_NAME = "Partner editors"
USERNAME = "partner-demo"
PAGE_PERMISSIONS = ["add_page", "change_page"]  # not publish_page: changes are moderated
COLLECTION_PERMISSIONS = ["add_image", "choose_image", "add_document", "choose_document"]


def _permission(app_label, codename):
    return Permission.objects.get(content_type__app_label=app_label, codename=codename)


def create_partner_editors(context):
    """Returns (objects made, password shown to the operator or None)."""
    made = 0
    group, created = Group.objects.get_or_create(name=GROUP_NAME)
    made += created
    group.permissions.add(_permission("wagtailadmin", "access_admin"))
    partner = context.partners[EDITABLE_PARTNER]
    for codename in PAGE_PERMISSIONS:
        _rule, created = GroupPagePermission.objects.get_or_create(
            group=group, page=partner, permission=_permission("wagtailcore", codename)
        )
        made += created
    for codename in COLLECTION_PERMISSIONS:
        app_label = "wagtailimages" if codename.endswith("image") else "wagtaildocs"
        _rule, created = GroupCollectionPermission.objects.get_or_create(
            group=group, collection=context.collection, permission=_permission(app_label, codename)
        )
        made += created

    User = get_user_model()
    if User.objects.filter(username=USERNAME).exists():
        return made, None
    password = os.environ.get("DEMO_PARTNER_PASSWORD") or secrets.token_urlsafe(12)
    user = User.objects.create_user(
        username=USERNAME,
        email="partner-demo@example.org",
        password=password,
        first_name="Demo",
        last_name=f"Partnerin ({partner.title})",
    )
    user.groups.add(group)
    shown = None if os.environ.get("DEMO_PARTNER_PASSWORD") else password
    return made + 1, shown
