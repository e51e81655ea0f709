"""
The one place that decides what readers may see: the API, feeds, kiosk, widget and website.

A page is public when it is live, not expired, not view-restricted (itself or through an
ancestor, in any locale: a restriction on a page covers all its translations), every
ancestor is live, and it lies in the default site's tree or in one of that tree's
translations. Wagtail's REST API shares ``get_public_pages_queryset`` between
its endpoints for the same reason: a filter repeated per resolver is a leak waiting to
happen. Every consumer reaches pages through ``Reading``, which goes through ``public``.

The subtrees to hide (restricted pages, unpublished or expired pages that have children)
and the site roots are read once per request in one small query each and turned into
``path`` prefix filters, which the tree's ``path`` index serves.
"""

from functools import reduce
from operator import or_

from django.db.models import Q
from django.utils import timezone
from wagtail.models import Page, PageViewRestriction, Site


class Visibility:
    """Per-request visibility scope; ``Reading`` builds one per request."""

    def __init__(self):
        self._scope = None

    def _load(self):
        now = timezone.now()
        roots = list(
            Page.objects.filter(
                translation_key__in=Site.objects.filter(is_default_site=True).values(
                    "root_page__translation_key"
                ),
                depth__gte=2,
            ).values_list("path", flat=True)
        )
        restricted = Page.objects.filter(
            pk__in=PageViewRestriction.objects.exclude(restriction_type=PageViewRestriction.NONE).values("page_id")
        )
        hidden = set(
            Page.objects.filter(depth__gte=2)
            .filter(
                # A restriction covers every translation of the page, made before or after it.
                Q(translation_key__in=restricted.values("translation_key"))
                | (Q(numchild__gt=0) & (Q(live=False) | Q(expired=True) | Q(expire_at__lte=now)))
            )
            .values_list("path", flat=True)
        )
        return now, roots, sorted(hidden)

    @property
    def scope(self):
        if self._scope is None:
            self._scope = self._load()
        return self._scope

    def public(self, queryset):
        """Narrow a queryset of any page model to what anonymous readers may see."""
        now, roots, hidden = self.scope
        if not roots:
            return queryset.none()
        queryset = queryset.filter(live=True, expired=False).filter(
            Q(expire_at__isnull=True) | Q(expire_at__gt=now)
        )
        queryset = queryset.filter(reduce(or_, (Q(path__startswith=root) for root in roots)))
        if hidden:
            queryset = queryset.exclude(reduce(or_, (Q(path__startswith=path) for path in hidden)))
        return queryset

    def is_public(self, page):
        """The same rule for one page already in memory (used for links in bodies)."""
        now, roots, hidden = self.scope
        return (
            page.live
            and not page.expired
            and (page.expire_at is None or page.expire_at > now)
            and any(page.path.startswith(root) for root in roots)
            and not any(page.path.startswith(path) for path in hidden)
        )
