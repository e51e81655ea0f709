"""
Stable identities for demo objects.

Every object the loader makes gets a translation key derived from a fixed namespace and
a readable name (``uuid5``), so a second run finds what the first one made instead of
making it again, and the same name gives the same key on every machine.
"""

import uuid

#: Never change this: it ties existing demo rows to the names below.
DEMO_NAMESPACE = uuid.UUID("6f0b8c1e-1f5a-5c0e-9a55-2d1c0e7a4b10")

#: Put in front of every demo summary, image and document title so nobody mistakes
#: demo content for real information. Translated prefixes live with the translations.
DEMO_PREFIX = "Demo: "
DEMO_PREFIXES = {"de": "Demo: ", "en": "Demo: ", "ar": "محتوى تجريبي: ", "uk": "Демо: "}


def demo_key(name):
    """The translation key of the demo object called ``name`` (e.g. ``"guide:anmeldung"``)."""
    return uuid.uuid5(DEMO_NAMESPACE, name)


def demo_text(text, language="de"):
    """``text`` marked as demo content in ``language``."""
    return DEMO_PREFIXES.get(language, DEMO_PREFIX) + text
