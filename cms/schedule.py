"""
What runs on a clock, and how often: enqueued by the worker (``manage.py worker``), so no
cron line has to be remembered on any server.

Several workers may run (one per machine): a cache key per task and interval lets only
the first one enqueue it (``cache.add`` is atomic in Redis), so a task runs once per
interval, not once per worker.
"""

import logging

from django.core.cache import cache

from cms import tasks

logger = logging.getLogger(__name__)

#: (task, seconds between runs)
SCHEDULE = [
    (tasks.publish_scheduled, 60),
    (tasks.flush_api_usage, 300),
    (tasks.offers_lifecycle, 3600),
    (tasks.forget_sent_email, 3600),
    (tasks.check_links, 24 * 3600),
    (tasks.send_reminders, 7 * 24 * 3600),
    (tasks.import_calendars, 3600),
    (tasks.purge_resolved_feedback, 24 * 3600),
]


def enqueue_due(schedule=SCHEDULE):
    """Enqueue every task whose interval has passed (here or on another worker); returns their names."""
    enqueued = []
    for task, seconds in schedule:
        if cache.add(f"schedule:{task.module_path}", True, timeout=seconds):
            task.enqueue()
            enqueued.append(task.name)
    if enqueued:
        logger.info("Enqueued scheduled tasks: %s", ", ".join(enqueued))
    return enqueued
