"""
``manage.py worker``: the background worker of production (the ``worker`` line of the
Procfile). It runs django-tasks' database worker (search and reference index updates,
and every other task) and, beside it, the clock of ``cms.schedule`` that enqueues
scheduled publishing and the usage counters.
"""

import logging
import threading

from django.db import close_old_connections
from django_tasks_db.management.commands.db_worker import Command as DatabaseWorkerCommand

from cms.schedule import enqueue_due

#: How often the clock looks for due scheduled tasks, in seconds.
TICK = 15

logger = logging.getLogger(__name__)


def clock(stop: threading.Event):
    while not stop.is_set():
        try:
            enqueue_due()
        except Exception:  # a database or cache hiccup must not stop the clock
            logger.exception("Could not enqueue scheduled tasks; trying again.")
        finally:
            close_old_connections()
        stop.wait(TICK)


class Command(DatabaseWorkerCommand):
    help = "Run the background worker: queued tasks, plus scheduled publishing and usage counters on a clock."

    def handle(self, *args, **options):
        stop = threading.Event()
        thread = threading.Thread(target=clock, args=(stop,), name="schedule", daemon=True)
        thread.start()
        try:
            return super().handle(*args, **options)
        finally:
            stop.set()
