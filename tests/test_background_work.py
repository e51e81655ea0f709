"""
Background work runs in the worker, not in the editor's request: with the database
queue (production's default), publishing enqueues Wagtail's index updates and returns;
`manage.py worker` works the queue and enqueues the scheduled jobs on its clock, once per
interval however many workers run.
"""

import datetime

import pytest
from django.core.cache import cache
from django.test import TestCase
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from cms import schedule, tasks
from pages.models import GuidePage
from public_content.search import search_keys
from tests.factories import GuidePageFactory

DATABASE_QUEUE = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


def found(text):
    return search_keys(GuidePage, ("de",), text)


def work_the_queue():
    """
    What ``manage.py worker`` does for each queued task, in this test's transaction (the
    command's loop locks the table and recycles connections, which a test transaction
    cannot share; tests/test_production.py starts the real worker process).
    """
    from django_tasks_db.management.commands.db_worker import Worker

    worker = Worker(
        queue_names=["*"], interval=0, batch=True, backend_name="default", startup_delay=False,
        max_tasks=None, worker_id="test",
    )
    done = 0
    while (result := DBTaskResult.objects.ready().first()) is not None:
        result.claim(worker.worker_id)
        worker.run_task(result)
        done += 1
    return done


@pytest.fixture
def queue(settings):
    settings.TASKS = DATABASE_QUEUE
    cache.clear()
    return DBTaskResult.objects


def test_publishing_enqueues_the_index_update_and_the_worker_does_it(site_tree, queue):
    guide = GuidePageFactory(parent=site_tree.guides, title="Alt")
    with TestCase.captureOnCommitCallbacks(execute=True):
        guide.title = "Wohngeldstelle"
        guide.save_revision().publish()
    assert queue.filter(status="READY").exists()
    assert found("Wohngeldstelle") == []  # not indexed inside the request

    assert work_the_queue() >= 1
    assert not queue.filter(status="READY").exists()
    assert not queue.filter(status="FAILED").exists()
    assert found("Wohngeldstelle") == [guide.translation_key]


def test_the_clock_enqueues_each_scheduled_task_once_per_interval(db, queue):
    first = schedule.enqueue_due()
    assert set(first) == {
        tasks.publish_scheduled.name, tasks.flush_api_usage.name, tasks.offers_lifecycle.name,
        tasks.forget_sent_email.name,
        tasks.check_links.name,
        tasks.import_calendars.name,
        tasks.purge_resolved_feedback.name,
        tasks.send_reminders.name,
    }
    # A second worker (or the next tick) within the interval enqueues nothing.
    assert schedule.enqueue_due() == []
    assert queue.filter(task_path__endswith="publish_scheduled").count() == 1


def test_the_worker_publishes_scheduled_pages(site_tree, queue):
    guide = GuidePageFactory(parent=site_tree.guides, title="Bald", live=False)
    revision = guide.save_revision(approved_go_live_at=timezone.now() - datetime.timedelta(minutes=1))
    assert not GuidePage.objects.get(pk=guide.pk).live
    with TestCase.captureOnCommitCallbacks(execute=True):
        schedule.enqueue_due()
    assert work_the_queue() >= 2  # the two scheduled jobs, and the index updates they cause
    assert not queue.filter(status="FAILED").exists()
    guide.refresh_from_db()
    assert guide.live and guide.live_revision_id == revision.pk


def test_immediate_backend_is_the_quick_starts_default():
    from django.conf import settings as live

    assert live.TASKS["default"]["BACKEND"].endswith("ImmediateBackend")


def test_production_settings_default_to_the_database_queue():
    import os
    import subprocess
    import sys

    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "cms.settings.production",
        "SECRET_KEY": "k3y-0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJ",
        "ALLOWED_HOSTS": "welcome.example.org",
    }
    env.pop("TASKS_BACKEND", None)
    result = subprocess.run(
        [sys.executable, "-c", "from django.conf import settings; print(settings.TASKS['default']['BACKEND'])"],
        env=env, capture_output=True, text=True, timeout=60,
    )
    assert result.stdout.strip() == "django_tasks_db.DatabaseBackend", result.stderr
