"""Content the website's tests share."""

import datetime

import wagtail_factories
from django.core.files.base import ContentFile
from django.utils import timezone
from wagtail.blocks import StreamValue
from wagtail.documents import get_document_model
from wagtail.models import PageViewRestriction

from pages.blocks import GuideBodyBlock
from tests.factories import PartnerPageFactory, ServicePageFactory


def every_block_body(site_tree):
    """A guide body with one block of every type; the call-out points at a new service."""
    partner = PartnerPageFactory(parent=site_tree.partners, title="Verein")
    service = ServicePageFactory(parent=partner, title="Beratung im Verein", slug="beratung-im-verein")
    document = get_document_model()(title="Antragsformular")
    document.file.save("antrag.pdf", ContentFile(b"%PDF-1.4"), save=True)
    return StreamValue(
        GuideBodyBlock(),
        [
            ("paragraph", "<p>Ein Absatz.</p>"),
            ("heading", {"text": "Eine Überschrift", "level": "h3"}),
            ("steps", {"title": "So geht es", "steps": [{"title": "Erstens", "body": "<p>Termin buchen.</p>"}]}),
            ("checklist", {"title": "Mitbringen", "items": ["Pass", "Foto"]}),
            ("faq", {"title": "Fragen", "questions": [{"question": "Was kostet es?", "answer": "<p>Nichts.</p>"}]}),
            ("call_out", {"target": service, "text": "Hier hilft man Ihnen"}),
            ("document", {"document": document, "title": ""}),
            ("image", {"image": wagtail_factories.ImageFactory(), "decorative": False, "alt_text": "Ein Bild"}),
            ("external_link", {"url": "https://example.org/", "title": "Mehr dazu", "description": "extern"}),
            ("video", {"video": "https://www.youtube.com/watch?v=abc", "caption": "Ein Video"}),
        ],
        is_lazy=False,
    )


#: The ways a page stops being public, for ``hide``.
HIDDEN = ["draft", "private", "expired"]


def hide(page, how):
    """Make ``page`` not public: unpublished, behind a password, or expired."""
    if how == "draft":
        page.unpublish()
    elif how == "private":
        PageViewRestriction.objects.create(page=page, restriction_type=PageViewRestriction.PASSWORD, password="x")
    else:
        page.expire_at = timezone.now() - datetime.timedelta(minutes=1)
        page.save()
