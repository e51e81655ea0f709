"""
The demo's machine translator: answers from translations prepared with the demo content.

Approving a listing pre-translates it through whatever ``MACHINE_TRANSLATOR`` names. While
the demo loads, that must not be DeepL (network, cost, a key) nor wagtail-localize's
offline dummy (it reverses the words, which no reader should take for a translation). This
translator stands in for a provider during the one approval that shows a machine
translation (``demo.steps.offers``), so the demo reads like real provider output, offline,
and goes through the same path as production: wagtail-localize's records, the listing's
``machine_translated`` flag, the API's ``machineTranslated``.
"""

from wagtail_localize.machine_translators.base import BaseMachineTranslator
from wagtail_localize.strings import StringValue


class DemoMachineTranslator(BaseMachineTranslator):
    """``OPTIONS["TRANSLATIONS"]``: ``{language code: {source text: translated text}}``."""

    display_name = "Demo"

    def can_translate(self, source_locale, target_locale):
        return target_locale.language_code in self.options.get("TRANSLATIONS", {})

    def translate(self, source_locale, target_locale, strings):
        """
        The prepared translation of each string. A string without one is a gap in the demo
        data: it fails loudly instead of leaving the source text in a "translation".
        """
        prepared = self.options["TRANSLATIONS"][target_locale.language_code]
        return {string: StringValue.from_plaintext(prepared[string.render_text()]) for string in strings}
