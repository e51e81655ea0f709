"""
Reader feedback on the freshness dashboard: open reports with "Resolved", the "not
helpful" shares of the last 90 days, the homepage count; the editorial team only, and
each list a fixed number of queries.
"""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from freshness.choices import FeedbackKind
from freshness.models import Feedback
from tests.api.helpers import assert_same_query_count
from tests.factories import GuidePageFactory, locale

pytestmark = pytest.mark.django_db


@pytest.fixture
def guides(site_tree):
    return [GuidePageFactory(parent=site_tree.guides, title=f"Ratgeber {n}", slug=f"ratgeber-{n}") for n in range(3)]


def add(page, kind, text="", days_ago=0, language="de"):
    row = Feedback.objects.create(page=page, locale=locale(language), kind=kind, text=text)
    if days_ago:
        Feedback.objects.filter(pk=row.pk).update(created_at=timezone.now() - datetime.timedelta(days=days_ago))
    return row


def dashboard(client, **params):
    response = client.get(reverse("freshness:dashboard"), params)
    assert response.status_code == 200
    return response.content.decode()


def test_open_reports_are_listed_and_resolved(publisher_client, publisher, guides):
    report = add(guides[0], FeedbackKind.MISTAKE, "Die Öffnungszeiten\nsind alt.")
    done = add(guides[1], FeedbackKind.MISTAKE, "Schon erledigt.")
    Feedback.objects.filter(pk=done.pk).update(resolved_at=timezone.now())
    page = dashboard(publisher_client)
    assert f'data-report="{report.pk}"' in page and f'data-report="{done.pk}"' not in page
    assert "Die Öffnungszeiten<br>sind alt." in page and "Ratgeber 0" in page

    response = publisher_client.post(
        reverse("freshness:resolve_feedback", args=[report.pk]), {"next": reverse("freshness:dashboard")}
    )
    assert response.status_code == 302
    report.refresh_from_db()
    assert report.resolved_by == publisher and report.resolved_at is not None
    assert f'data-report="{report.pk}"' not in dashboard(publisher_client)


def test_the_language_filter_narrows_the_reports(publisher_client, guides):
    """A report is about the translation the reader read (``submit`` stores its locale)."""
    translated = guides[0].copy_for_translation(locale("en"), copy_parents=True)
    translated.save_revision().publish()
    german = add(guides[0], FeedbackKind.MISTAKE, "Falsch.")
    english = add(translated, FeedbackKind.MISTAKE, "Wrong.", language="en")
    page = dashboard(publisher_client, language="en")
    assert f'data-report="{english.pk}"' in page and f'data-report="{german.pk}"' not in page


def test_the_owner_kind_and_topic_filters_narrow_reports_and_shares(publisher_client, publisher, guides, site_tree):
    """An owner sees the reports about their own pages, as the rest of the dashboard."""
    from tests.factories import PartnerPageFactory, TopicFactory

    housing = TopicFactory(name="Wohnen", slug="wohnen")
    mine = guides[0]
    mine.content_owner = publisher
    mine.topics.set([housing])
    mine.save_revision().publish()
    partner = PartnerPageFactory(parent=site_tree.partners, title="Verein")
    on_mine, on_partner = add(mine, FeedbackKind.MISTAKE, "Falsch."), add(partner, FeedbackKind.MISTAKE, "Alt.")
    add(mine, FeedbackKind.NOT_HELPFUL), add(partner, FeedbackKind.NOT_HELPFUL)

    for params in ({"owner": publisher.pk}, {"kind": "guidepage"}, {"topic": "wohnen"}):
        page = dashboard(publisher_client, **params)
        assert f'data-report="{on_mine.pk}"' in page and f'data-report="{on_partner.pk}"' not in page, params
        assert f'data-share="{mine.pk}"' in page and f'data-share="{partner.pk}"' not in page, params
    page = dashboard(publisher_client, kind="partnerpage")
    assert f'data-report="{on_partner.pk}"' in page and f'data-report="{on_mine.pk}"' not in page


def test_not_helpful_shares_of_the_last_90_days_highest_first(publisher_client, guides):
    first, second, third = guides
    add(first, FeedbackKind.HELPFUL), add(first, FeedbackKind.NOT_HELPFUL)  # 50 %
    add(second, FeedbackKind.NOT_HELPFUL), add(second, FeedbackKind.NOT_HELPFUL), add(second, FeedbackKind.HELPFUL)  # 67 %
    add(third, FeedbackKind.HELPFUL)  # 0 %
    add(third, FeedbackKind.NOT_HELPFUL, days_ago=91)  # too old to count
    page = dashboard(publisher_client)
    order = [page.index(f'data-share="{item.pk}"') for item in (second, first, third)]
    assert order == sorted(order)
    assert "67 %" in page and "50 %" in page and "0 %" in page


def test_partner_staff_and_editors_cannot_read_or_resolve(contributor_client, guides):
    report = add(guides[0], FeedbackKind.MISTAKE, "Falsch.")
    assert contributor_client.get(reverse("freshness:dashboard")).status_code in (302, 403)
    contributor_client.post(reverse("freshness:resolve_feedback", args=[report.pk]))
    report.refresh_from_db()
    assert report.resolved_at is None


def test_the_homepage_panel_counts_open_reports(publisher_client, guides):
    add(guides[0], FeedbackKind.MISTAKE, "Falsch.")
    add(guides[1], FeedbackKind.MISTAKE, "Auch falsch.")
    add(guides[1], FeedbackKind.NOT_HELPFUL)
    page = publisher_client.get(reverse("wagtailadmin_home")).content.decode()
    assert "2 open reader reports of mistakes." in page


def test_the_lists_cost_the_same_queries_for_5_and_50_items(publisher_client, site_tree):
    def captured(count):
        Feedback.objects.all().delete()
        for n in range(count):
            page = GuidePageFactory(parent=site_tree.guides, title=f"Seite {count}-{n}", slug=f"seite-{count}-{n}")
            add(page, FeedbackKind.MISTAKE, f"Fehler {n}.")
            add(page, FeedbackKind.NOT_HELPFUL)
        dashboard(publisher_client)  # warm the per-process caches (locales, site)
        with CaptureQueriesContext(connection) as context:
            page = dashboard(publisher_client)
        assert page.count("data-report=") == count and page.count("data-share=") == count
        return context

    assert_same_query_count(captured(5), captured(50))
