"""
Translations made the way an editor's "Translate" button makes them, via wagtail-localize.

For each object we create the TranslationSource and a Translation record per locale (so
the translation editor opens these pages and snippets as translations, with progress),
store the strings we have as StringTranslations, and let wagtail-localize build the
translated object. Strings we have no translation for fall back to German and show up
as untranslated in the editor, as they would in a real install.
"""

import html

from wagtail.models import Page
from wagtail_localize.models import StringTranslation, Translation, TranslationSource

TOOL_NAME = "welcome platform demo"


def _lookup(path, text, fields, root_slug, language):
    """The translation of one segment, from ``fields`` ({field: text, "body": {de: text}})."""
    field_name = path.split(".", 1)[0]
    if field_name == "slug":
        # Keep the slug wagtail's copy gave the page (the German one, or "<slug>-<code>"
        # for a home page beside its siblings): renaming a new translation would only
        # leave redirects behind. Stored as translated, so that a page whose texts are all
        # translated counts as translated, not as "in progress".
        return f"{text}-{language}" if root_slug else text
    if "." not in path and isinstance(fields.get(field_name), str):
        return fields[field_name]
    nested = fields.get(field_name)
    if isinstance(nested, dict):
        return nested.get(text)
    return fields.get("strings", {}).get(text)


def translate(instance, locale, fields, user=None):
    """
    Translate ``instance`` into ``locale`` through wagtail-localize; return the translation.

    ``fields`` maps field names to translated text; a nested dict (``"body"``) maps
    German strings of a StreamField to their translation. Does nothing if the object is
    already translated into ``locale`` (a second demo run changes nothing).
    """
    if isinstance(instance, Page):
        instance = instance.specific
    done = instance.get_translation_or_none(locale)
    if done is not None:
        return done

    source, _created = TranslationSource.get_or_create_from_instance(instance)
    translation, _created = Translation.objects.get_or_create(
        source=source, target_locale=locale, defaults={"enabled": True}
    )
    root_slug = isinstance(instance, Page) and instance.depth == 2
    for segment in source.stringsegment_set.select_related("context", "string"):
        text = html.unescape(segment.string.data)
        translated = _lookup(segment.context.path, text, fields, root_slug, locale.language_code)
        if not translated:
            continue
        StringTranslation.objects.get_or_create(
            translation_of=segment.string,
            locale=locale,
            context=segment.context,
            defaults={
                "data": html.escape(translated, quote=False),
                "translation_type": StringTranslation.TRANSLATION_TYPE_MANUAL,
                "tool_name": TOOL_NAME,
                "last_translated_by": user,
            },
        )

    is_page = isinstance(instance, Page)
    # Pages are saved as a draft revision and published here, not in an on-commit hook,
    # so the result is the same inside a test transaction and in a plain command run.
    target, _created = source.create_or_update_translation(
        locale, user=user, publish=not is_page, fallback=True, copy_parent_pages=False
    )
    if is_page and instance.live:
        target.get_latest_revision().publish(user=user, log_action=False)
        target.refresh_from_db()
    return target

