"""Topics and audiences in German, translated into the demo locales via wagtail-localize."""

from demo.content.taxonomy import AUDIENCES, LANGUAGES, TOPICS
from demo.keys import demo_key
from demo.localize import translate
from taxonomy.models import Audience, SpokenLanguage, Topic


def _ensure_terms(model, terms, context, prefix):
    made = 0
    found = {}
    for order, (slug, names) in enumerate(terms.items(), start=1):
        # The slug is the terms' stable identity (synchronised, unique per locale), so a
        # term an editor made before the demo ran is reused rather than duplicated.
        term = model.objects.filter(slug=slug, locale=context.source_locale).first()
        if term is None:
            term = model.objects.create(
                translation_key=demo_key(f"{prefix}:{slug}"),
                locale=context.source_locale,
                name=names[0],
                slug=slug,
                sort_order=order * 10,
            )
            made += 1
        found[slug] = term
        for locale in context.target_locales:
            if term.get_translation_or_none(locale) is None:
                translate(term, locale, {"name": names[LANGUAGES.index(locale.language_code)]})
                made += 1
    return found, made


def create_topics(context):
    context.topics, made = _ensure_terms(Topic, TOPICS, context, "topic")
    return made


def create_audiences(context):
    context.audiences, made = _ensure_terms(Audience, AUDIENCES, context, "audience")
    return made


def load_spoken_languages(context):
    """Spoken languages are reference data from a migration; the demo only reads them."""
    context.spoken = {language.code: language for language in SpokenLanguage.objects.all()}
    return 0
