"""
Content that needs a look besides its review date (issue 15): an outdated translation, a
machine translation waiting for a reviewer, a broken link and a reader's report, each made the way it
happens in use, so the freshness dashboard, the translators' overview and the link report
show them from real records.

- A German service is revised and published again after it was translated.
- The machine translation goes through ``translation.machine.machine_translate`` (with the
  demo's offline provider) and the review workflow, as the "Translate by machine" action does.
- The broken link is a partner's address under ``.invalid`` (it can never resolve); its
  result is recorded as the daily check records it, without a network lookup while loading.
- The reader's report and ratings are rows as the feedback mutations store them (loading
  sends no e-mail to the owner).

Each part is made once: loading the demo again changes nothing.
"""

from django.utils import timezone
from wagtail.models import Locale
from wagtail_localize.models import Translation, TranslationSource

from demo.content.stale import (
    DEAD_ADDRESS,
    MACHINE_GUIDE,
    MACHINE_LANGUAGE,
    MACHINE_STRINGS,
    MISTAKE_GUIDE,
    MISTAKE_LANGUAGE,
    MISTAKE_TEXT,
    RATINGS,
    REVISED_SERVICE,
    REVISION,
)
from demo.steps.reviews import editor
from demo.translator import DemoMachineTranslator
from freshness.choices import FeedbackKind, LinkError, LinkState
from freshness.links.check import Outcome
from freshness.links.run import collect_links
from freshness.models import CheckedLink, Feedback
from translation.machine import machine_translate
from translation.review import submit_for_review


def revise_translated_service(context):
    """Publish a revision of a translated German service: its translations become outdated."""
    service = context.services[REVISED_SERVICE].specific
    service.refresh_from_db()
    if REVISION in service.description:
        return 0
    service.description = REVISION
    service.save_revision(log_action=True).publish()
    return 1


def machine_translation_in_review(context, user):
    """Translate a guide by machine into one language and submit it to the reviewers."""
    guide = context.guides[MACHINE_GUIDE].specific
    locale = next(locale for locale in context.target_locales if locale.language_code == MACHINE_LANGUAGE)
    if guide.get_translation_or_none(locale) is not None:
        return 0
    source, _created = TranslationSource.get_or_create_from_instance(guide)
    translation, _created = Translation.objects.get_or_create(
        source=source, target_locale=locale, defaults={"enabled": True}
    )
    translator = DemoMachineTranslator({"TRANSLATIONS": {MACHINE_LANGUAGE: MACHINE_STRINGS}})
    machine_translate(translation, user=user, translator=translator)
    submit_for_review(translation, user)
    return 1


def broken_link():
    """Store the links the content uses, and the dead address's result as a check finds it."""
    collect_links()
    link = CheckedLink.objects.get(url=DEAD_ADDRESS)
    if link.state != LinkState.UNCHECKED:
        return 0
    link.record(Outcome(error=LinkError.DNS, detail="Name or service not known"), timezone.now())
    return 1


def reader_feedback(context):
    """A reader's mistake report, still open, and ratings of two guides."""
    if Feedback.objects.filter(text=MISTAKE_TEXT).exists():
        return 0
    guide = context.guides[MISTAKE_GUIDE]
    read = guide.get_translation(Locale.objects.get(language_code=MISTAKE_LANGUAGE))
    rows = [Feedback(page=read, locale=read.locale, kind=FeedbackKind.MISTAKE, text=MISTAKE_TEXT)]
    for key, counts in RATINGS.items():
        page = context.guides[key]
        for kind, count in counts.items():
            rows += [Feedback(page=page, locale=page.locale, kind=kind) for _ in range(count)]
    Feedback.objects.bulk_create(rows)
    return len(rows)


def create_stale_content(context):
    return (
        revise_translated_service(context)
        + machine_translation_in_review(context, editor())
        + broken_link()
        + reader_feedback(context)
    )
