"""
The e-mails of help offers and requests, in the recipient's language.

``send(template_name, to, language, context)`` renders ``offers/email/<template_name>.txt``
with Django's translation switched to ``language`` and sends it with Django's mail API,
which queues it for the background worker (``cms.mail``). A template's first line is the
subject, the rest the plain-text body. Links are absolute, on the public website (``offers.links``).

What each side learns of the other is only what the templates print: an e-mail never
contains the other side's address, name or phone, and a relayed message says that it
came through the platform and how to answer (through the link, never by "reply").
"""

from django.core.mail import EmailMessage
from django.template.loader import render_to_string
from django.utils import translation

from offers import links
from offers.tokens import confirmation_token


def confirmation_link(purpose, pk, language) -> str:
    """The link that confirms item ``pk`` of ``purpose`` (``offers.tokens.Purpose``)."""
    return links.confirm_url(confirmation_token(purpose, pk), language)


def render(template_name, language, context) -> tuple[str, str]:
    """``(subject, body)`` of ``offers/email/<template_name>.txt`` in ``language``."""
    with translation.override(language):
        text = render_to_string(f"offers/email/{template_name}.txt", {"language": language, **context})
    subject, _, body = text.strip().partition("\n")
    return " ".join(subject.split()), body.strip() + "\n"


def send(template_name, to, language, context):
    """Render the e-mail ``template_name`` for ``to`` in ``language`` and enqueue it."""
    subject, body = render(template_name, language, context)
    EmailMessage(subject=subject, body=body, to=[to]).send()
