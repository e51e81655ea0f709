"""Who may read the freshness dashboard, its reader reports, and resolve them."""

from wagtail.models import Page
from wagtail.permissions import policy_registry


def may_see(user):
    """
    The editorial team (who may publish somewhere). Partner staff edit only their own pages
    and should not read other partners' owners and review states, nor readers' reports.
    """
    return policy_registry.get_by_type(Page).user_has_permission(user, "publish")
