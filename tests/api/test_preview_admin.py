"""Editors get a preview token from the admin; readers without edit rights do not."""

import re

from django.contrib.auth.models import Group
from django.urls import reverse

from graphql_api.preview.tokens import read_preview_token
from tests.factories import GuidePageFactory


def test_an_editor_gets_a_token_for_the_latest_revision(client, django_user_model, site_tree):
    guide = GuidePageFactory(parent=site_tree.guides)
    revision = guide.save_revision()
    editor = django_user_model.objects.create_superuser("editor", "e@example.org", "pw")
    client.force_login(editor)

    response = client.get(reverse("graphql_preview_token", args=[guide.pk]))

    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"]
    token = re.search(r'<textarea id="preview-token"[^>]*>([^<]+)</textarea>', response.content.decode()).group(1)
    assert read_preview_token(token) == {"page": guide.pk, "revision": revision.pk}
    edit_page = client.get(reverse("wagtailadmin_pages:edit", args=[guide.pk])).content.decode()
    assert reverse("graphql_preview_token", args=[guide.pk]) in edit_page


def test_a_user_who_cannot_edit_the_page_gets_no_token(client, django_user_model, site_tree):
    guide = GuidePageFactory(parent=site_tree.guides)
    user = django_user_model.objects.create_user("reader", "r@example.org", "pw")
    user.groups.add(Group.objects.get(name="Editors"))  # admin access, but no page rights below
    Group.objects.get(name="Editors").page_permissions.all().delete()
    client.force_login(user)

    response = client.get(reverse("graphql_preview_token", args=[guide.pk]))

    assert response.status_code in (302, 403)
    assert b"preview-token" not in response.content
