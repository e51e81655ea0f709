"""
Outgoing e-mail is sent by the background worker, whoever sends it.

Every app (and Wagtail, for its moderation notices) sends with Django's own mail API
(``EmailMessage.send``, ``send_mail``). ``EMAIL_BACKEND`` is ``QueuedEmailBackend``, which
enqueues each message as one ``deliver`` task; the worker hands it to
``EMAIL_DELIVERY_BACKEND`` (SMTP in production, the console in development). So a slow or
unreachable mail server delays the worker, never the person who pressed "send", and no
app needs a task of its own or an import across the layers to get there.

Messages are rendered before they are queued (the worker needs no request, language or
database row to send them), which means a queued row holds the address and the text:
``forget_delivered`` deletes rows of sent or failed messages after
``EMAIL_KEEP_DELIVERED_HOURS`` (hourly, ``cms.schedule``).
"""

from datetime import timedelta

from django.conf import settings
from django.core.mail import EmailMultiAlternatives, get_connection
from django.core.mail.backends.base import BaseEmailBackend
from django.utils import timezone
from django_tasks import task
from django_tasks.base import TaskResultStatus


#: Tasks that queued e-mail before this module (their rows hold addresses and text too).
LEGACY_TASK_PATHS = ["offers.tasks.send_email"]


class QueuedEmailBackend(BaseEmailBackend):
    """Enqueue each message for the worker instead of sending it (see the module)."""

    def send_messages(self, email_messages):
        for message in email_messages:
            deliver.enqueue(**fields_of(message))
        return len(email_messages)


def fields_of(message):
    """The message as the JSON a task's arguments must be; refuses what would not survive it."""
    if message.attachments:
        raise ValueError("Attachments cannot be queued: send them with a delivery backend's connection.")
    return {
        "subject": str(message.subject),
        "body": str(message.body),
        "from_email": str(message.from_email or settings.DEFAULT_FROM_EMAIL),
        "to": [str(address) for address in message.to],
        "cc": [str(address) for address in message.cc],
        "bcc": [str(address) for address in message.bcc],
        "reply_to": [str(address) for address in message.reply_to],
        "headers": {str(name): str(value) for name, value in message.extra_headers.items()},
        "alternatives": [[str(content), mimetype] for content, mimetype in getattr(message, "alternatives", [])],
    }


@task()
def deliver(*, alternatives, **fields):
    """Send one queued message through ``EMAIL_DELIVERY_BACKEND``."""
    message = EmailMultiAlternatives(connection=get_connection(settings.EMAIL_DELIVERY_BACKEND), **fields)
    for content, mimetype in alternatives:
        message.attach_alternative(content, mimetype)
    message.send()


def delivered(finished_before):
    """Queued messages the worker sent or gave up on before ``finished_before`` (database queue)."""
    from django_tasks_db.models import DBTaskResult

    return DBTaskResult.objects.filter(
        task_path__in=[deliver.module_path, *LEGACY_TASK_PATHS],
        status__in=[TaskResultStatus.SUCCESSFUL, TaskResultStatus.FAILED],
        finished_at__lte=finished_before,
    )


def forget_delivered(now=None):
    """Delete what the queue keeps of messages handled more than ``EMAIL_KEEP_DELIVERED_HOURS`` ago."""
    now = now or timezone.now()
    return delivered(now - timedelta(hours=settings.EMAIL_KEEP_DELIVERED_HOURS)).delete()[0]
