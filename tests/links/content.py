"""Pages with links in every place the collector looks, for the link checker's tests."""

import wagtail_factories
from django.core.files.base import ContentFile
from wagtail.documents import get_document_model
from wagtail.rich_text import RichText

from tests.factories import EventPageFactory, GuidePageFactory, PartnerPageFactory, ServicePageFactory


def document(title="Antragsformular"):
    return get_document_model().objects.create(title=title, file=ContentFile(b"%PDF-1.4", name="antrag.pdf"))


def guide_with_links(parent, *, rich_link, block_link, handout):
    """A guide whose body links out in a paragraph, a step, an external-link block and a download, beside an image."""
    return GuidePageFactory(
        parent=parent,
        title="Anmeldung",
        body=[
            ("paragraph", RichText(
                f'<p>Siehe <a href="{rich_link}">Stadt</a>, <a href="mailto:a@b.de">Mail</a> '
                f'und <a linktype="document" id="{handout.pk}">Formular</a>.</p>'
            )),
            ("steps", {"title": "", "steps": [{"title": "Termin", "body": RichText(f'<p><a href="{rich_link}">buchen</a></p>')}]}),
            ("external_link", {"url": block_link, "title": "BAMF", "description": ""}),
            ("document", {"document": handout, "title": ""}),
            # Wagtail's ImageBlock is a StructBlock whose value is the image itself.
            ("image", {"image": wagtail_factories.ImageFactory(), "decorative": False, "alt_text": "Stadthaus"}),
        ],
    )


def partner_with_service_and_event(parent, *, website, contact, registration):
    partner = PartnerPageFactory(parent=parent, title="Verein", website=website, about=f'<p><a href="{website}">Web</a></p>')
    service = ServicePageFactory(parent=partner, title="Beratung", contact_url=contact)
    event = EventPageFactory(parent=partner, title="Sprachcafé", registration_url=registration, online_url=registration)
    return partner, service, event
