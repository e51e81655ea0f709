"""
The reminders' e-mails: rendered in the recipient's admin language, sent by the worker.

``send_email`` is the freshness app's own task because ``offers.tasks.send_email`` is in
a sibling app (the layers forbid the import); both hand one plain-text message to
Django's mail backend, so the worker, not the weekly run, waits for a slow mail server.
"""

from django.conf import settings
from django.core.mail import EmailMessage
from django.template.loader import render_to_string
from django.utils import translation
from django_tasks import task


@task()
def send_email(subject: str, body: str, to: str):
    """Send one plain-text e-mail from ``DEFAULT_FROM_EMAIL`` to one recipient."""
    EmailMessage(subject=subject, body=body, from_email=settings.DEFAULT_FROM_EMAIL, to=[to]).send()


def render(template_name, language, context):
    """``(subject, body)`` of ``freshness/email/<template_name>.txt``: first line the subject."""
    with translation.override(language):
        text = render_to_string(f"freshness/email/{template_name}.txt", context)
    subject, _newline, body = text.strip().partition("\n")
    return " ".join(subject.split()), body.strip() + "\n"


def send(template_name, recipient, context):
    subject, body = render(template_name, recipient.language, {"recipient": recipient, **context})
    send_email.enqueue(subject=subject, body=body, to=recipient.email)
