"""
Logged-in clients for the admin tests, in the groups Wagtail's migrations create.

"Moderators" may add, edit and publish pages (our editorial team); "Editors" may add and
edit but must submit for moderation. Snippets are edited by a superuser here, because
snippet permissions are granted per site, not by Wagtail's migrations.

Every test user works in the admin in ``ADMIN_LANGUAGE``; assertions compare
``shown(message)`` with ``messages(errors)``, both in that language.
"""

import pytest
from django.contrib.auth.models import Group
from wagtail.users.models import UserProfile

from tests.admin.i18n import ADMIN_LANGUAGE


def _in_english(user):
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = ADMIN_LANGUAGE
    profile.save()
    return user


def _user_in(django_user_model, username, group_name=None, **extra):
    user = django_user_model.objects.create_user(username=username, password="x", email=f"{username}@example.org", **extra)
    if group_name:
        user.groups.add(Group.objects.get(name=group_name))
    return _in_english(user)


@pytest.fixture
def publisher(db, django_user_model):
    return _user_in(django_user_model, "redaktion", "Moderators")


@pytest.fixture
def contributor(db, django_user_model):
    return _user_in(django_user_model, "autorin", "Editors")


@pytest.fixture
def publisher_client(client, publisher):
    client.force_login(publisher)
    return client


@pytest.fixture
def contributor_client(client, contributor):
    client.force_login(contributor)
    return client


@pytest.fixture
def superuser_client(client, django_user_model):
    user = _in_english(django_user_model.objects.create_superuser(username="root", password="x", email="root@example.org"))
    client.force_login(user)
    return client
