"""
The one place that decides what readers may see: the API, feeds, kiosk, widget and website.

A page is public when it is live, not expired, not view-restricted (itself or through an
ancestor, in any locale: a restriction on a page covers all its translations), every
ancestor is live, and it lies in the default site's tree or in one of that tree's
translations. Wagtail's REST API shares ``get_public_pages_queryset`` between
its endpoints for the same reason: a filter repeated per resolver is a leak waiting to
happen. Every consumer reaches pages through ``Reading``, which goes through ``public``.

The subtrees to hide (restricted pages, unpublished or expired pages that have children)
and the site roots are turned into ``path`` prefix filters, which the tree's ``path``
index serves. They change only when the tree does, so each process keeps them under a
token in the shared cache that every change of a page, a view restriction, a site or a
locale replaces (``forget``, connected by ``listen_for_changes`` when the project starts),
and until the next moment a parent expires by itself: a request then costs one cache read
instead of two queries. The locales' ids are kept with them, so that the locale rules
(``public_content.locales``) compare numbers instead of compiling a subquery per locale.
"""

import secrets
import threading
from datetime import timedelta
from functools import reduce
from operator import or_
from typing import NamedTuple

from django.core.cache import cache
from django.db import DEFAULT_DB_ALIAS, transaction
from django.db.models import Min, Q
from django.db.models.signals import post_delete, post_save
from django.utils import timezone
from wagtail.models import Locale, Page, PageViewRestriction, Site

TOKEN_KEY = "public_content:visibility"
_scopes = {}  # token -> Scope; this process's copies
#: The longest a process keeps one scope, whatever happens.
MAX_AGE = timedelta(minutes=5)
_lock = threading.Lock()


def forget():
    """The tree changed: every process reads the scope again (now and once committed)."""
    cache.set(TOKEN_KEY, secrets.token_hex(8), None)
    # A request between this change and its commit may have read the old rows again.
    transaction.on_commit(lambda: cache.set(TOKEN_KEY, secrets.token_hex(8), None))


def listen_for_changes():
    """Connect ``forget`` to every save and delete of a page, a view restriction, a site or a locale."""

    def tree_changed(sender, instance, raw=False, **kwargs):
        if not raw and isinstance(instance, Page | PageViewRestriction | Site | Locale):
            forget()

    post_save.connect(tree_changed, weak=False, dispatch_uid="public_content_tree_saved")
    post_delete.connect(tree_changed, weak=False, dispatch_uid="public_content_tree_deleted")


def _token():
    token = cache.get(TOKEN_KEY)
    if token is None:
        cache.add(TOKEN_KEY, secrets.token_hex(8), None)
        token = cache.get(TOKEN_KEY)
    return token


class Scope(NamedTuple):
    """What the rule needs to know of the tree, the same for every request until it changes."""

    roots: tuple  # the paths of the default site's root and its translations
    root_codes: tuple  # each root's locale
    hidden: tuple  # the paths of the subtrees to hide
    locale_ids: dict  # language code -> Locale id
    valid_until: object  # when the next parent expires by itself (bounded by MAX_AGE)


class Visibility:
    """Per-request visibility scope; ``Reading`` builds one per request."""

    def __init__(self):
        self._scope = None

    def _load(self):
        now = timezone.now()
        token = _token()
        known = _scopes.get(token)
        # While Redis is away, tokens are per process and changes elsewhere unseen: read.
        if known is not None and now < known.valid_until and not getattr(cache, "degraded", False):
            return now, known
        scope = self._read(now)
        # Bounded even without a change: while Redis was away, changes only reached the
        # fallback caches of the processes that made them, never this token.
        scope = scope._replace(valid_until=min(scope.valid_until or now + MAX_AGE, now + MAX_AGE))
        with _lock:
            _scopes.clear()  # older tokens are gone for good
            _scopes[token] = scope
        return now, scope

    @staticmethod
    def _read(now):
        # From the primary, also when the request reads from a replica: a replica behind the
        # change that replaced the token would leave the old scope under the new token.
        pages = Page.objects.using(DEFAULT_DB_ALIAS)
        roots = list(
            pages.filter(
                translation_key__in=Site.objects.using(DEFAULT_DB_ALIAS).filter(is_default_site=True).values(
                    "root_page__translation_key"
                ),
                depth__gte=2,
            ).values_list("path", "locale__language_code")
        )
        restricted = pages.filter(
            pk__in=PageViewRestriction.objects.using(DEFAULT_DB_ALIAS)
            .exclude(restriction_type=PageViewRestriction.NONE)
            .values("page_id")
        )
        # A restriction covers every translation of the page, made before or after it.
        restricted_paths = (
            pages.filter(depth__gte=2, translation_key__in=restricted.values("translation_key"))
            .order_by()  # SQLite refuses ORDER BY inside a UNION
            .values_list("path", flat=True)
        )
        # Parents that hide their children; the condition is the one of the partial index
        # pages/migrations/0005 keeps, so this reads only them, not the whole table.
        hiding_parents = (
            pages.filter(depth__gte=2, numchild__gt=0)
            .filter(Q(live=False) | Q(expired=True) | Q(expire_at__lte=now))
            .order_by()
            .values_list("path", flat=True)
        )
        hidden = sorted(set(restricted_paths.union(hiding_parents)))
        # The next parent to expire by itself ends this scope.
        valid_until = pages.filter(depth__gte=2, numchild__gt=0, live=True, expire_at__gt=now).aggregate(
            first=Min("expire_at")
        )["first"]
        locale_ids = dict(Locale.objects.using(DEFAULT_DB_ALIAS).values_list("language_code", "pk"))
        return Scope(
            roots=tuple(path for path, _code in roots),
            root_codes=tuple(code for _path, code in roots),
            hidden=tuple(hidden),
            locale_ids=locale_ids,
            valid_until=valid_until,
        )

    @property
    def scope(self):
        """``(now, Scope)``, read once per request."""
        if self._scope is None:
            self._scope = self._load()
        return self._scope

    @property
    def locale_ids(self):
        """``{language code: Locale id}`` as the database had it when the scope was read."""
        return self.scope[1].locale_ids

    def locale_code(self, obj):
        """The language code of ``obj``'s locale, known without loading the locale."""
        for code, pk in self.locale_ids.items():
            if pk == obj.locale_id:
                return code
        return obj.locale.language_code  # a locale made after the scope was read

    def public(self, queryset, chain=None):
        """
        Narrow a queryset of any page model to what anonymous readers may see. With a
        ``chain`` of locales, only to what lies in the trees of those locales: a page lives
        in its locale's tree, so for a list read in the chain that drops nothing, and the
        database checks one or two path prefixes instead of one per locale.
        """
        now, scope = self.scope
        roots, hidden = scope.roots, scope.hidden
        if chain is not None:
            roots = tuple(root for root, code in zip(roots, scope.root_codes, strict=True) if code in chain)
            hidden = [path for path in hidden if path.startswith(roots)]
        if not roots:
            return queryset.none()
        conditions = [
            Q(live=True, expired=False),
            Q(expire_at__isnull=True) | Q(expire_at__gt=now),
            reduce(or_, (Q(path__startswith=root) for root in roots)),
        ]
        if hidden:
            conditions.append(~reduce(or_, (Q(path__startswith=path) for path in hidden)))
        # One filter() for all of them: each call copies the query (the same SQL).
        return queryset.filter(*conditions)

    def is_public(self, page):
        """The same rule for one page already in memory (used for links in bodies)."""
        now, scope = self.scope
        return (
            page.live
            and not page.expired
            and (page.expire_at is None or page.expire_at > now)
            and any(page.path.startswith(root) for root in scope.roots)
            and not any(page.path.startswith(path) for path in scope.hidden)
        )
