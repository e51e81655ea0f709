"""
Signals of the offers app.

``listing_changed`` is sent when a listing's status changes in bulk
(``Listing.set_status`` writes every translation with one ``UPDATE``, which sends no
``post_save``): approval, rejection, expiry, extension and withdrawal. Whoever keeps
answers that show listings (the API's response cache) listens to it, as it listens to
``post_save`` for edits.
"""

from django.dispatch import Signal

#: ``sender`` is ``Listing``; ``instance`` the listing whose translations were written.
listing_changed = Signal()
