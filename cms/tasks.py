"""
The platform's own periodic work, as tasks for the background worker.

Wagtail's tasks (search index, reference index, file clean-up) are enqueued by Wagtail
itself; these are the ones that run on a clock (``cms.schedule``): scheduled publishing
and expiry, and writing the API keys' usage counters.
"""

from django.core.management import call_command
from django_tasks import task


@task()
def publish_scheduled():
    """Publish pages whose go-live time has come and unpublish expired ones."""
    call_command("publish_scheduled", verbosity=0)


@task()
def flush_api_usage():
    """Move the API keys' usage counters from the cache into the database."""
    call_command("flush_api_usage", verbosity=0)
