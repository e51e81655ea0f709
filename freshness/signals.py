"""
Signals of the freshness app.

``reviewed`` is sent when someone confirms an item is still correct. The review is
written with ``UPDATE`` (no ``post_save``, no publication, see ``freshness.reviews``),
so whoever keeps answers that show the review date (the API's response cache) listens
to this instead.
"""

from django.dispatch import Signal

#: ``sender`` is the item's model; ``instance`` the page or place that was reviewed.
reviewed = Signal()
