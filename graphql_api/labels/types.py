"""Interface strings of the front ends (kiosk, widget): a translator's CMS label, else our gettext text."""

import strawberry


@strawberry.type(name="InterfaceLabel", description="A front-end label in the reader's locale or its fallback.")
class InterfaceLabelType:
    key: str = strawberry.field(description="What the front end asks for, e.g. kiosk.chooseLanguage; never translated.")
    text: str
    locale: str = strawberry.field(description="The locale this text is really in (the requested one or a fallback).")
