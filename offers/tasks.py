"""
Kept for one release: e-mails queued under this task before ``cms.mail`` took over still
go out when a worker runs them after the upgrade (they are handed to Django's mail API,
which queues them the new way), and ``cms.mail.forget_delivered`` deletes their rows.
"""

from django.core.mail import EmailMessage
from django_tasks import task


@task()
def send_email(subject: str, body: str, to: str):
    EmailMessage(subject=subject, body=body, to=[to]).send()
