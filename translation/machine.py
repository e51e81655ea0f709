"""
Machine pre-translation: the provider is chosen in settings (MACHINE_TRANSLATOR), the
work is done by wagtail-localize's own machine translators.

wagtail-localize 1.14.5 ships DeepL, Google, LibreTranslate and an offline dummy, so we
add only what DeepL lacks for us: glossaries built from our ``GlossaryTerm`` snippets
(its own translator accepts fixed ``GLOSSARY_IDS`` only) and British English as the
English variant DeepL now requires.
"""

import csv
import hashlib
import io

import requests
from django.db import transaction
from wagtail_localize.machine_translators import get_machine_translator
from wagtail_localize.machine_translators.deepl import DeepLTranslator, language_code
from wagtail_localize.models import StringSegment, StringTranslation, Translation, TranslationSource
from wagtail_localize.operations import TranslationCreator

from translation.drafts import save_draft
from translation.models import GlossaryTerm, ProviderGlossary


def glossary_entries(source_code, target_code):
    """``[(German term, agreed translation), ...]`` for one language pair, sorted."""
    return list(
        GlossaryTerm.objects.filter(target_locale__language_code=target_code)
        .order_by("source_term")
        .values_list("source_term", "target_term")
    )


class GlossaryDeepLTranslator(DeepLTranslator):
    """DeepL with our glossary: one DeepL glossary per language pair and glossary content."""

    def get_parameters(self, source_locale, target_locale, strings):
        parameters = super().get_parameters(source_locale, target_locale, strings)
        if parameters["target_lang"] == "EN":
            parameters["target_lang"] = "EN-GB"
        glossary_id = self.glossary_id(source_locale.language_code, target_locale.language_code)
        if glossary_id:
            parameters["glossary_id"] = glossary_id
        return parameters

    def glossary_id(self, source_code, target_code):
        entries = glossary_entries(source_code, target_code)
        if not entries:
            return None
        source_lang, target_lang = language_code(source_code), language_code(target_code)
        tsv = io.StringIO()
        csv.writer(tsv, delimiter="\t", lineterminator="\n").writerows(entries)
        digest = hashlib.sha256(tsv.getvalue().encode()).hexdigest()
        known = ProviderGlossary.objects.filter(
            provider="deepl", source_lang=source_lang, target_lang=target_lang, entries_hash=digest
        ).first()
        if known:
            return known.glossary_id
        response = requests.post(
            self.get_api_endpoint().replace("/translate", "/glossaries"),
            data={
                "name": f"welcome {source_lang}-{target_lang} {digest[:8]}",
                "source_lang": source_lang,
                "target_lang": target_lang,
                "entries": tsv.getvalue(),
                "entries_format": "tsv",
            },
            headers=self.get_headers(),
            timeout=int(self.options.get("TIMEOUT", 30)),
        )
        response.raise_for_status()
        glossary_id = response.json()["glossary_id"]
        ProviderGlossary.objects.create(
            provider="deepl", source_lang=source_lang, target_lang=target_lang, entries_hash=digest,
            glossary_id=glossary_id,
        )
        return glossary_id


def machine_translate(translation, user=None, translator=None):
    """
    Fill every untranslated string of ``translation`` from the machine translator.

    The strings are stored as wagtail-localize stores them from its editor's "Translate
    with …" button (translation_type "machine"), which is what flags the item as
    machine-translated until a person reviews it. Returns the number of strings filled.
    """
    translator = translator or get_machine_translator()
    if translator is None or not translator.can_translate(translation.source.locale, translation.target_locale):
        return 0
    pending = {}
    segments = StringSegment.objects.filter(source=translation.source).select_related("string", "context")
    existing = set(
        StringTranslation.objects.filter(
            locale=translation.target_locale, translation_of__segments__source=translation.source
        ).values_list("translation_of_id", "context_id")
    )
    for segment in segments:
        if (segment.string_id, segment.context_id) not in existing:
            pending.setdefault(segment.string.as_value(), []).append(segment)
    if not pending:
        return 0
    results = translator.translate(translation.source.locale, translation.target_locale, list(pending))
    filled = 0
    with transaction.atomic():
        for value, group in pending.items():
            result = results.get(value)
            if result is None or result.data is None:
                continue
            for segment in group:
                StringTranslation.objects.get_or_create(
                    translation_of_id=segment.string_id,
                    locale=translation.target_locale,
                    context_id=segment.context_id,
                    defaults={
                        "data": result.data,
                        "translation_type": StringTranslation.TRANSLATION_TYPE_MACHINE,
                        "tool_name": str(translator.display_name),
                        "last_translated_by": user,
                    },
                )
                filled += 1
    return filled


def pretranslate(page, locales, user=None):
    """
    Submit ``page`` for translation into ``locales`` and pre-translate it by machine.

    The targets stay drafts (WAGTAILLOCALIZE_SYNC_LIVE_STATUS_ON_TRANSLATE is off, and a
    live target only gets a draft revision: ``translation.drafts``): a machine
    translation reaches readers only through the review workflow.
    """
    page = page.specific
    existing = {t.target_locale_id for t in Translation.objects.filter(source__object_id=page.translation_key, target_locale__in=locales)}
    if existing:
        # Refresh the snapshot the strings are cut from. TranslationCreator would also
        # write every existing target page at once (live ones included), with the source
        # text where a string is not translated yet.
        TranslationSource.update_or_create_from_instance(page)
    new = [locale for locale in locales if locale.pk not in existing]
    if new:
        TranslationCreator(user, new).create_translations(page)
    translations = Translation.objects.filter(source__object_id=page.translation_key, target_locale__in=locales)
    for translation in translations:
        machine_translate(translation, user=user)
        save_draft(translation, user=user)
    return list(translations)
