"""
Sending e-mail in the background: one task per message.

With ``TASKS_BACKEND=database`` (production) a slow or unreachable mail server delays the
worker, not the person who pressed "send"; ``immediate`` (development, tests) sends
within the request. The message is rendered before it is enqueued (``offers.mail``), so
the worker needs no request, language or database rows to send it.
"""

from django.conf import settings
from django.core.mail import EmailMessage
from django_tasks import task


@task()
def send_email(subject: str, body: str, to: str):
    """Send one plain-text e-mail from ``DEFAULT_FROM_EMAIL`` to one recipient."""
    EmailMessage(subject=subject, body=body, from_email=settings.DEFAULT_FROM_EMAIL, to=[to]).send()
