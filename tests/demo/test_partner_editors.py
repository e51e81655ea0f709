"""The restricted login of a partner: edits its own subtree, publishes nothing, nothing else."""

from django.contrib.auth import get_user_model

from demo.content.partners import EDITABLE_PARTNER
from demo.steps.permissions import GROUP_NAME, USERNAME
from directory.models import PartnerPage


def partner(slug):
    return PartnerPage.objects.get(slug=slug, locale__language_code="de")


def test_the_partner_editor_edits_only_their_partner(demo_db):
    user = get_user_model().objects.get(username=USERNAME)
    assert user.groups.filter(name=GROUP_NAME).exists()
    assert user.has_perm("wagtailadmin.access_admin")

    own = partner(EDITABLE_PARTNER)
    for page in [own, *own.get_descendants()]:
        permissions = page.permissions_for_user(user)
        assert permissions.can_edit(), page
        assert not permissions.can_publish(), page
    assert own.permissions_for_user(user).can_add_subpage()

    other = partner("welcome-center")
    for page in [other, *other.get_descendants()]:
        assert not page.permissions_for_user(user).can_edit(), page


def test_a_change_by_the_partner_editor_goes_to_moderation(demo_db):
    user = get_user_model().objects.get(username=USERNAME)
    own = partner(EDITABLE_PARTNER)
    workflow = own.get_workflow()
    assert workflow is not None and workflow.active
    state = workflow.start(own, user)
    assert state.status == state.STATUS_IN_PROGRESS
    assert not own.permissions_for_user(user).can_publish()
