"""
The invitation e-mail goes through the background worker, as the offers' e-mails do
(``offers.tasks.send_email``, a layer above this one and so not importable here): a slow
mail server delays the worker, not the editor who pressed "Invite".
"""

from django.conf import settings
from django.core.mail import EmailMessage
from django_tasks import task


@task()
def send_email(subject: str, body: str, to: str):
    """Send one plain-text e-mail from ``DEFAULT_FROM_EMAIL`` to one recipient."""
    EmailMessage(subject=subject, body=body, from_email=settings.DEFAULT_FROM_EMAIL, to=[to]).send()
