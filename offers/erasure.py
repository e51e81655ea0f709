"""
Deleting a listing for good: every translation, and every copy wagtail-localize keeps.

A machine-translated listing leaves its text in wagtail-localize's tables too (the
source it extracted, the strings, their translations). Deleting the listing rows alone
would keep the submitter's words there, so both the retention job (``offers.lifecycle``)
and a submitter's erasure (``offers.privacy``) delete through here.

Strings are shared by every content that contains the same text: a string is deleted
only when no remaining segment uses it.
"""

from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from wagtail_localize.models import String, StringSegment, TranslatableObject

from offers.models import Listing


@transaction.atomic
def delete_listings(translation_keys):
    """Delete the listings with these translation keys (all locales) and their translation records; returns how many items."""
    keys = set(translation_keys)
    if not keys:
        return 0
    objects = TranslatableObject.objects.filter(
        translation_key__in=keys, content_type=ContentType.objects.get_for_model(Listing)
    )
    string_ids = set(StringSegment.objects.filter(source__object__in=objects).values_list("string_id", flat=True))
    # Conversations, messages and reports go with the rows (on_delete=CASCADE).
    Listing.objects.filter(translation_key__in=keys).delete()
    objects.delete()
    if string_ids:
        String.objects.filter(pk__in=string_ids).exclude(
            pk__in=StringSegment.objects.filter(string_id__in=string_ids).values("string_id")
        ).delete()
    return len(keys)
