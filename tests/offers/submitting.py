"""What the submission tests send: a form shown long enough ago, and complete inputs."""

import time

from offers import spam

WEBSITE = spam.Client(address="203.0.113.7")


def form_token(seconds_ago=30):
    """A form token handed out ``seconds_ago`` (a person takes longer than the minimum fill time)."""
    return spam.new_form_token(now=time.time() - seconds_ago)


def listing_fields(**overrides):
    return {
        "direction": "offer",
        "kind": "donation",
        "title": "Kinderfahrrad zu verschenken",
        "description": "Ein blaues Kinderfahrrad, 16 Zoll, abzuholen in Connewitz.",
        "email": "Lena.Sommer@Example.org",
        "name": "Lena Sommer",
        "phone": "+49 341 555 0101",
        "language": "de",
        "accept_privacy": True,
        "client": WEBSITE,
        "form_token": form_token(),
        **overrides,
    }
