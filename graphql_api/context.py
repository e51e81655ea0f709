"""
The typed request context every resolver receives.

It carries what is per request and must not leak between requests: the reader's view of
the public content (``Reading``: visibility scope and the caches of its loaders), and
whether a draft preview was served (which makes the response uncacheable). It carries no
locale: each item knows the chain it was asked in (``public_content.batches``).
"""

from dataclasses import dataclass, field
from typing import TypeAlias

import strawberry
from django.http import HttpRequest, HttpResponse

from public_content import Reading


@dataclass
class Context:
    request: HttpRequest
    response: HttpResponse
    reading: Reading = field(default_factory=Reading)
    #: Set when a draft preview was served: the response must never be cached.
    served_preview: bool = False
    #: Where a submission comes from (``offers``): "api", or "website" for the website's forms.
    channel: str = "api"


Info: TypeAlias = strawberry.Info[Context, None]
