"""
Pages in the states visibility rules must handle: a draft that was never published, a
page taken offline, a private page (login required) and a guide past its expiry date.

The expired guide is left live with ``expire_at`` in the past, as it is between its
expiry and the next ``publish_scheduled`` run: the API must hide it by the date alone.
"""

import datetime

from django.utils import timezone
from wagtail.models import PageViewRestriction

from demo.content.states import STATE_GUIDES
from demo.keys import demo_text
from demo.steps.pages import ensure_page
from pages.models import GuidePage


def _guide(context, state, **extra):
    data = STATE_GUIDES[state]
    return ensure_page(
        context.indexes["guides"], GuidePage, f"guide:{data['key']}",
        slug=data["key"], title=data["title"], summary=demo_text(data["summary"]),
        body=[("paragraph", f"<p>{data['summary']}</p>")],
        topics=[context.topics["ankommen"]],
        **extra,
    )


def create_state_pages(context):
    made = 0
    _page, created = _guide(context, "draft", publish=False)
    made += created

    page, created = _guide(context, "unpublished")
    if created:
        page.unpublish(log_action=True)
    made += created

    page, created = _guide(context, "private")
    if created:
        PageViewRestriction.objects.create(page=page, restriction_type=PageViewRestriction.LOGIN)
    made += created

    expired_at = timezone.now() - datetime.timedelta(days=30)
    _page, created = _guide(
        context, "expired", go_live_at=expired_at - datetime.timedelta(days=150), expire_at=expired_at
    )
    made += created
    return made
