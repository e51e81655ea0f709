"""
An optional read replica for the public API (``DATABASE_REPLICA_URL``).

One rule, easy to check: a read goes to the ``replica`` database only inside a *replica
scope*, and the only thing that opens one is ``ReplicaReadsMiddleware``, for the requests
of the public consumers that only read: ``/graphql/`` by GET or POST and ``/feeds/`` by
GET or HEAD. Everything else reads and writes ``default``: the admin, the kiosk pages,
management commands, scheduled jobs, migrations (``allow_migrate`` only on ``default``).

Inside a scope, ``default`` is still used for

- every write, and every read after the first write of the request (``db_for_write``
  closes the scope's replica reads), so a request reads what it wrote;
- every read inside a transaction on ``default`` (``transaction.atomic()``), so a
  transaction never mixes data from two servers;
- draft previews (a GraphQL document with the ``preview`` field): an editor previews what
  was saved a moment ago, which the replica may not have yet.

A replica lags behind ``default`` (usually well under a second with streaming
replication, longer under load): a page just published can be missing from API answers
for that long. docs/operations.md ("Read replica") says what this means for editors.

The scope lives in a ``contextvars.ContextVar``, so it belongs to one request (thread or
asyncio task) and never leaks into another.
"""

from contextlib import contextmanager
from contextvars import ContextVar

from django.conf import settings
from django.db import DEFAULT_DB_ALIAS, connections

REPLICA_DB_ALIAS = "replica"
#: Path prefixes of the read-only public consumers, and the methods they read with.
REPLICA_PATHS = {
    "/graphql/": {"GET", "POST"},
    "/feeds/": {"GET", "HEAD"},
}
#: A GraphQL document that mentions this field may ask for a draft: read it from default.
PREVIEW_FIELD = "preview"


class _Scope:
    """The replica scope of one request: open until the request writes."""

    __slots__ = ("wrote",)

    def __init__(self):
        self.wrote = False


_scope: ContextVar[_Scope | None] = ContextVar("welcome_replica_scope", default=None)


def replica_configured():
    return REPLICA_DB_ALIAS in settings.DATABASES


@contextmanager
def replica_reads():
    """Reads inside this block may come from the replica (see the module's rule)."""
    token = _scope.set(_Scope())
    try:
        yield
    finally:
        _scope.reset(token)


class ReplicaRouter:
    """Reads in a replica scope from ``replica``; everything else from ``default``."""

    def db_for_read(self, model, **hints):
        scope = _scope.get()
        if scope is None or scope.wrote or not replica_configured():
            return DEFAULT_DB_ALIAS
        if connections[DEFAULT_DB_ALIAS].in_atomic_block:
            return DEFAULT_DB_ALIAS
        return REPLICA_DB_ALIAS

    def db_for_write(self, model, **hints):
        scope = _scope.get()
        if scope is not None:
            scope.wrote = True
        return DEFAULT_DB_ALIAS

    def allow_relation(self, obj1, obj2, **hints):
        # The replica is a copy of default: objects read from either may be related.
        if {obj1._state.db, obj2._state.db} <= {DEFAULT_DB_ALIAS, REPLICA_DB_ALIAS}:
            return True
        return None

    def allow_migrate(self, db, app_label, model_name=None, **hints):
        # Only default is migrated; the replica receives the schema by replication.
        return db == DEFAULT_DB_ALIAS


def _asks_for_preview(request):
    """Whether the GraphQL document may use ``preview`` (a false alarm only costs a primary read)."""
    if request.method == "GET":
        return PREVIEW_FIELD in request.GET.get("query", "")
    try:
        return PREVIEW_FIELD.encode() in request.body
    except Exception:  # noqa: BLE001 - a body the view will refuse anyway: read nothing from the replica
        return True


def reads_from_replica(request):
    """Whether ``request`` is a read of a public consumer that may be served from the replica."""
    if not replica_configured():
        return False
    for prefix, methods in REPLICA_PATHS.items():
        if request.path_info.startswith(prefix):
            if request.method not in methods:
                return False
            return not (prefix == "/graphql/" and _asks_for_preview(request))
    return False


class ReplicaReadsMiddleware:
    """Opens a replica scope for the requests ``reads_from_replica`` accepts."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not reads_from_replica(request):
            return self.get_response(request)
        with replica_reads():
            return self.get_response(request)
