"""The moderation screens of the admin: the queue, reports, the room planner (wired in ``offers.wagtail_hooks``)."""
