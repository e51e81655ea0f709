"""
Machine pre-translation of an approved listing into the other reader languages.

A listing has no drafts and no translators' review before it is read: a help offer is
useful this week, not after an agency's turnaround. So its translations are public at
once and carry ``machine_translated=True``, which the API shows as ``machineTranslated``
(pages derive the flag from wagtail-localize's string records and reviews instead; a
listing keeps it on its row, which costs the API nothing per item). A person who corrects
a translation clears the flag (``mark_checked``).

The rows are made by wagtail-localize (``TranslationCreator``, which works for any
``TranslatableMixin`` model), so translators find them in its editor like everything else;
only locales the configured translator can translate into get a row: a "translation"
holding the submitter's own words would be worse than the fallback to them.

Approval enqueues ``pretranslate_approved`` for the background worker: a provider call per
language would keep the moderator's click waiting, and a provider that is down or out of
quota must not hold up a decision (the listing is public in its own language meanwhile,
and readers fall back to it).
"""

import logging

from django.contrib.auth import get_user_model
from django.db import transaction
from django_tasks import task

from wagtail.models import Locale
from wagtail_localize.machine_translators import get_machine_translator
from wagtail_localize.models import Translation, TranslationSource
from wagtail_localize.operations import TranslationCreator

from offers.choices import Status
from offers.models import Listing
from offers.signals import listing_changed
from translation import locales as locale_info
from translation.machine import machine_translate

logger = logging.getLogger(__name__)


def target_locales(listing, translator):
    """The reader locales other than the listing's own that ``translator`` can translate into."""
    codes = [info.code for info in locale_info.all_locales()]
    candidates = Locale.objects.filter(language_code__in=codes).exclude(pk=listing.locale_id)
    return [locale for locale in candidates if translator.can_translate(listing.locale, locale)]


def pretranslate(listing, user=None, translator=None):
    """
    Translate ``listing`` (the submitted row) by machine into every other reader locale and
    flag the translations; returns them. Nothing happens without a configured translator.
    """
    translator = translator or get_machine_translator()
    if translator is None:
        return []
    locales = target_locales(listing, translator)
    if not locales:
        return []
    # The snapshot the strings are cut from (a moderator may have edited the text since an
    # earlier approval); related objects (the partner's page) are not translated along.
    source, _created = TranslationSource.update_or_create_from_instance(listing)
    TranslationCreator(user, locales).create_translations(listing, include_related_objects=False)
    for translation in Translation.objects.filter(source=source, target_locale__in=locales):
        machine_translate(translation, user=user, translator=translator)
        translation.save_target(user=user)
    translations = Listing.objects.filter(translation_key=listing.translation_key, locale__in=locales)
    translations.update(machine_translated=True)
    translations = list(translations)
    copy_terms(listing, translations)
    # The flag was written by an UPDATE (no post_save): cached answers must learn it too.
    listing_changed.send(sender=Listing, instance=listing)
    return translations


@task()
def pretranslate_approved(listing_id: int, user_id: int | None = None) -> int:
    """
    The worker's half of an approval: pre-translate the listing if it is still approved
    (it may have been rejected or deleted meanwhile); returns the number of translations.
    """
    listing = Listing.objects.filter(pk=listing_id, status=Status.APPROVED).first()
    if listing is None:
        return 0
    user = get_user_model().objects.filter(pk=user_id).first() if user_id else None
    try:
        with transaction.atomic():
            return len(pretranslate(listing, user=user))
    except Exception:
        logger.exception("Machine pre-translation of listing %s failed", listing_id)
        return 0


def copy_terms(listing, translations):
    """Topics and languages (source-language rows, as pages keep them) are the same in every translation."""
    topics, languages = list(listing.topics.all()), list(listing.languages.all())
    for translation in translations:
        translation.topics.set(topics)
        translation.languages.set(languages)


def mark_checked(listing):
    """A person read and corrected this translation: readers no longer need the notice."""
    listing.machine_translated = False
    Listing.objects.filter(pk=listing.pk).update(machine_translated=False)
    listing_changed.send(sender=Listing, instance=listing)
