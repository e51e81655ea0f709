"""The locales a reader can choose, with text direction and fallback chain."""

from enum import Enum

import strawberry


@strawberry.enum(name="TextDirection", description="Writing direction of a locale's script.")
class TextDirection(Enum):
    LTR = "ltr"
    RTL = "rtl"


@strawberry.type(name="Locale")
class LocaleType:
    code: str
    native_name: str
    direction: TextDirection
    fallbacks: list[str] = strawberry.field(
        description="Locales tried in this order when an item is not translated (the last is German)."
    )
