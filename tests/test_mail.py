"""
Every e-mail is queued for the worker and delivered by it (cms.mail), whoever sends it:
our apps, and Wagtail's own notices, through Django's mail API.
"""

from datetime import timedelta

import pytest
from django.core import mail
from django.core.mail import EmailMessage, EmailMultiAlternatives
from django.utils import timezone
from django_tasks.base import TaskResultStatus
from django_tasks_db.models import DBTaskResult

from cms import mail as queued_mail, schedule, tasks
from tests.test_background_work import DATABASE_QUEUE, work_the_queue

pytestmark = pytest.mark.django_db


@pytest.fixture
def queued(settings):
    """The production setting: queued on the database, delivered into Django's outbox here."""
    settings.TASKS = DATABASE_QUEUE
    settings.EMAIL_BACKEND = "cms.mail.QueuedEmailBackend"
    settings.EMAIL_DELIVERY_BACKEND = "django.core.mail.backends.locmem.EmailBackend"


def test_the_platform_queues_every_email_for_the_worker():
    from django.conf import settings as project

    from cms.settings import base

    assert base.EMAIL_BACKEND == "cms.mail.QueuedEmailBackend"
    assert base.EMAIL_DELIVERY_BACKEND.endswith("smtp.EmailBackend")
    assert project.EMAIL_KEEP_DELIVERED_HOURS == 24


def test_sending_enqueues_and_the_worker_delivers(queued):
    message = EmailMultiAlternatives(
        "Erinnerung", "Text", to=["a@example.org"], cc=["b@example.org"], reply_to=["c@example.org"],
        headers={"X-Welcome": "1"},
    )
    message.attach_alternative("<p>Text</p>", "text/html")
    assert message.send() == 1

    assert mail.outbox == []  # nothing sent in the sender's request
    (row,) = DBTaskResult.objects.filter(task_path=queued_mail.deliver.module_path)
    assert row.status == TaskResultStatus.READY

    work_the_queue()
    (sent,) = mail.outbox
    assert (sent.subject, sent.body, sent.to, sent.cc, sent.reply_to) == (
        "Erinnerung", "Text", ["a@example.org"], ["b@example.org"], ["c@example.org"],
    )
    assert sent.from_email == "Willkommenszentrum Leipzig <willkommen@leipzig.de>"
    assert sent.extra_headers == {"X-Welcome": "1"}
    assert sent.alternatives[0][0] == "<p>Text</p>"


def test_a_message_with_an_attachment_is_refused_not_queued_without_it(queued):
    message = EmailMessage("Anhang", "Text", to=["a@example.org"])
    message.attach("liste.csv", "a,b", "text/csv")
    with pytest.raises(ValueError):
        message.send()
    assert not DBTaskResult.objects.exists()


def test_delivered_rows_are_deleted_a_day_after_sending(queued):
    """A queued row holds the address and the text: it must not outlive its purpose."""
    for _ in range(4):
        EmailMessage("Bestätigung", "Text", to=["leser@example.org"]).send()
    rows = list(DBTaskResult.objects.order_by("enqueued_at"))
    assert len(rows) == 4 and "leser@example.org" in str(rows[0].args_kwargs)
    sent_long_ago, failed_long_ago, sent_just_now, waiting = rows
    now = timezone.now()
    DBTaskResult.objects.filter(pk__in=[sent_long_ago.pk, sent_just_now.pk]).update(status=TaskResultStatus.SUCCESSFUL)
    DBTaskResult.objects.filter(pk=failed_long_ago.pk).update(status=TaskResultStatus.FAILED)
    DBTaskResult.objects.filter(pk__in=[sent_long_ago.pk, failed_long_ago.pk]).update(finished_at=now - timedelta(hours=25))
    DBTaskResult.objects.filter(pk=sent_just_now.pk).update(finished_at=now - timedelta(hours=1))

    assert queued_mail.forget_delivered(now) == 2
    assert set(DBTaskResult.objects.values_list("pk", flat=True)) == {sent_just_now.pk, waiting.pk}


def test_the_worker_forgets_sent_email_every_hour():
    assert (tasks.forget_sent_email, 3600) in schedule.SCHEDULE


def test_over_smtp_with_the_immediate_queue(smtp_server):
    """The test suite's SMTP fixture goes the production way: queued, then delivered over SMTP."""
    EmailMessage("Hallo", "Text", to=["a@example.org"]).send()
    (received,) = smtp_server.to("a@example.org")
    assert received.message["Subject"] == "Hallo"


def test_an_email_queued_by_the_old_offers_task_is_still_sent_and_its_row_forgotten(queued):
    """Rows queued under ``offers.tasks.send_email`` before the upgrade."""
    from offers.tasks import send_email

    send_email.enqueue(subject="Bestätigung", body="Text", to="alt@example.org")
    work_the_queue()
    work_the_queue()  # the old task queues the message the new way; the worker sends it
    (sent,) = mail.outbox
    assert sent.to == ["alt@example.org"]
    DBTaskResult.objects.update(finished_at=timezone.now() - timedelta(hours=25))
    assert queued_mail.forget_delivered() == 2 and not DBTaskResult.objects.exists()
