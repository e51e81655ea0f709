"""
The platform's own periodic work, as tasks for the background worker.

Wagtail's tasks (search index, reference index, file clean-up) are enqueued by Wagtail
itself; these are the ones that run on a clock (``cms.schedule``): scheduled publishing
and expiry, writing the API keys' usage counters, and the lifecycle of help offers and
requests (expiry, reminders, deletion after the retention periods: ``offers.lifecycle``).
"""

from django.core.management import call_command
from django_tasks import task

from cms import mail
from freshness.calendars import run as calendar_import
from freshness.feedback import tasks as feedback
from freshness.links import run as link_checker
from freshness.reminders import run as reminders
from offers import lifecycle


@task()
def publish_scheduled():
    """Publish pages whose go-live time has come and unpublish expired ones."""
    call_command("publish_scheduled", verbosity=0)


@task()
def flush_api_usage():
    """Move the API keys' usage counters from the cache into the database."""
    call_command("flush_api_usage", verbosity=0)


@task()
def forget_sent_email():
    """Delete the queue's rows of e-mails sent or given up on a while ago (``cms.mail``)."""
    mail.forget_delivered()


@task()
def offers_lifecycle():
    """
    End listings whose time has come, remind those that end soon, and delete what has
    outlived its retention period; in this order, so an expired listing's clock starts now.
    Each step is safe to run twice, or on two workers at once.
    """
    lifecycle.expire_due()
    lifecycle.remind_due()
    lifecycle.purge()


@task()
def check_links():
    """Check the external links and documents of the live content (``freshness.links``)."""
    link_checker.collect_and_check()


@task()
def import_calendars():
    """Import the partners' iCalendar feeds: new and changed events go to review (``freshness.calendars``)."""
    calendar_import.import_all()


@task()
def send_reminders():
    """The weekly digests to owners and translators, and the escalations (``freshness.reminders``)."""
    reminders.send_reminders()


@task()
def purge_resolved_feedback():
    """Delete reader reports resolved more than ``FRESHNESS_FEEDBACK_RETENTION_DAYS`` ago (``freshness.feedback``)."""
    feedback.purge_resolved()
