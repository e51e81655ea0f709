"""
The typed request context every resolver receives.

It carries what is per request and must not leak between requests: the reader's locale
chain, the visibility scope (computed once per request), the caches of the localising
loaders (``localizer``, ``machine_flags``), and whether a draft preview was served (which makes the response uncacheable).
"""

from dataclasses import dataclass, field
from typing import Any, TypeAlias

import strawberry
from django.http import HttpRequest, HttpResponse

from graphql_api.localization import DEFAULT_LOCALE, Localizer
from graphql_api.machine import MachineFlags
from graphql_api.visibility import Visibility


@dataclass
class Context:
    request: HttpRequest
    response: HttpResponse
    visibility: Visibility = field(default_factory=Visibility)
    #: The locale chain of the root field being resolved: requested locale, then fallbacks.
    chain: tuple[str, ...] = (DEFAULT_LOCALE,)
    localizer: Localizer = field(init=False)
    machine_flags: MachineFlags = field(init=False)
    #: Set when a draft preview was served: the response must never be cached.
    served_preview: bool = False
    #: Sibling batches: id(node) -> the list of nodes resolved together with it.
    _batches: dict[int, list[Any]] = field(default_factory=dict)

    def __post_init__(self):
        self.localizer = Localizer(self)
        self.machine_flags = MachineFlags(self)

    def remember_batch(self, nodes):
        """Record nodes resolved together so nested fields can load for all of them at once."""
        nodes = list(nodes)
        for node in nodes:
            self._batches[id(node)] = nodes

    def batch_of(self, node):
        return self._batches.get(id(node)) or [node]


Info: TypeAlias = strawberry.Info[Context, None]
