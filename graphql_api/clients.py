"""Who sent a mutation, for the hourly limits of ``public_content.ratelimit`` (offers, reader feedback)."""

from graphql_api.context import Info
from public_content.ratelimit import Client


def client_of(info: Info) -> Client:
    """Where the request comes from: address (behind trusted proxies), API key, channel."""
    request = info.context.request
    key = getattr(request, "api_key", None)
    address = getattr(request, "client_address", None) or request.META.get("REMOTE_ADDR") or "unknown"
    channel = f"api-key:{key.id}" if key is not None else info.context.channel
    return Client(address=address, api_key_id=key.id if key is not None else None, channel=channel)
