"""
The reminders' e-mails: rendered in the recipient's admin language and sent with Django's
mail API, which queues them for the background worker (``cms.mail``), so the worker, not
the weekly run, waits for a slow mail server.
"""

from django.core.mail import EmailMessage
from django.template.loader import render_to_string
from django.utils import translation


def render(template_name, language, context):
    """``(subject, body)`` of ``freshness/email/<template_name>.txt``: first line the subject."""
    with translation.override(language):
        text = render_to_string(f"freshness/email/{template_name}.txt", context)
    subject, _newline, body = text.strip().partition("\n")
    return " ".join(subject.split()), body.strip() + "\n"


def send(template_name, recipient, context):
    subject, body = render(template_name, recipient.language, {"recipient": recipient, **context})
    EmailMessage(subject=subject, body=body, to=[recipient.email]).send()
