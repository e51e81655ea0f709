"""One demo guide in each publishing state, labelled in its title."""

from django.utils import timezone
from wagtail.models import PageViewRestriction

from pages.models import GuidePage


def state(label):
    return GuidePage.objects.get(title__startswith=f"[Demo: {label}]")


def test_exactly_one_page_per_state(demo_db):
    for label in ("Entwurf", "Zurückgezogen", "Privat", "Abgelaufen"):
        assert GuidePage.objects.filter(title__startswith=f"[Demo: {label}]").count() == 1


def test_the_draft_was_never_published(demo_db):
    draft = state("Entwurf")
    assert not draft.live
    assert draft.first_published_at is None
    assert draft.live_revision is None
    assert draft.latest_revision is not None
    assert draft.has_unpublished_changes


def test_the_unpublished_page_was_live_once(demo_db):
    page = state("Zurückgezogen")
    assert not page.live
    assert page.first_published_at is not None


def test_the_private_page_needs_a_login(demo_db):
    page = state("Privat")
    assert page.live
    restriction = PageViewRestriction.objects.get(page=page)
    assert restriction.restriction_type == PageViewRestriction.LOGIN
    assert not GuidePage.objects.public().filter(pk=page.pk).exists()


def test_the_expired_guide_is_past_its_expiry_date(demo_db):
    page = state("Abgelaufen")
    assert page.expire_at < timezone.now()
    # Live until publish_scheduled runs: visibility must check the date itself.
    assert page.live
