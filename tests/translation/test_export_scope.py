"""Exports contain only what may leave the house: published pages, never restricted ones."""

import datetime

from django.urls import reverse
from django.utils import timezone
from wagtail.models import Locale, PageViewRestriction

from tests.factories import GuidePageFactory
from tests.translation.conftest import publish
from translation.exchange.units import pages_for_export


def titles(pages):
    return sorted(page.title for page in pages)


def test_only_public_pages_are_exported_by_default_and_restricted_ones_never(site_tree):
    publish(GuidePageFactory(parent=site_tree.guides, title="Öffentlich"))
    GuidePageFactory(parent=site_tree.guides, title="Entwurf", live=False)
    withdrawn = publish(GuidePageFactory(parent=site_tree.guides, title="Zurückgezogen"))
    withdrawn.unpublish()
    expired = publish(GuidePageFactory(parent=site_tree.guides, title="Abgelaufen"))
    expired.expire_at = timezone.now() - datetime.timedelta(days=1)
    expired.save()
    internal = publish(GuidePageFactory(parent=site_tree.guides, title="Interne Hinweise für Beratende"))
    PageViewRestriction.objects.create(page=internal, restriction_type=PageViewRestriction.LOGIN)
    arabic = Locale.objects.get(language_code="ar")

    default = titles(pages_for_export(arabic, site_tree.guides, open_only=False))
    assert default == ["Ratgeber", "Öffentlich"]
    with_drafts = titles(pages_for_export(arabic, site_tree.guides, open_only=False, drafts=True))
    assert "Entwurf" in with_drafts and "Zurückgezogen" in with_drafts
    assert "Interne Hinweise für Beratende" not in with_drafts


def test_the_form_says_what_is_included(admin_client, site_tree):
    html = admin_client.get(reverse("translation:export")).content.decode()
    assert "never exported" in html or "nie exportiert" in html
