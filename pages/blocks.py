"""
The StreamField block set of guides.

One set, shared by every body that needs structure, so that front ends (website, kiosk,
widget) learn each block once. Blocks carry meaning (steps, checklist, FAQ, call-out),
not layout: a kiosk and a phone render a checklist differently, from the same data.
"""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.embeds.blocks import EmbedBlock
from wagtail.images.blocks import ImageBlock

RICH_TEXT_FEATURES = ["bold", "italic", "link", "document-link", "ol", "ul"]


class HeadingBlock(blocks.StructBlock):
    """A section heading; the level keeps the document outline right for screen readers."""

    text = blocks.CharBlock(label=_("text"), max_length=120)
    level = blocks.ChoiceBlock(
        label=_("level"),
        choices=[("h2", _("Section")), ("h3", _("Subsection"))],
        default="h2",
    )

    class Meta:
        icon = "title"
        label = _("Heading")
        description = _("A section heading.")
        preview_value = {"text": "Anmeldung in Leipzig", "level": "h2"}


class StepBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("title"), max_length=150)
    body = blocks.RichTextBlock(label=_("what to do"), features=RICH_TEXT_FEATURES, required=False)


class StepsBlock(blocks.StructBlock):
    """Numbered steps: most of what newcomers do is a procedure in a fixed order."""

    title = blocks.CharBlock(label=_("title"), max_length=150, required=False)
    steps = blocks.ListBlock(StepBlock(), label=_("steps"), min_num=1)

    class Meta:
        icon = "list-ol"
        label = _("Numbered steps")
        description = _("A procedure in a fixed order, one step after another.")
        preview_value = {
            "title": "So melden Sie sich an",
            "steps": [
                {"title": "Termin buchen", "body": "<p>Online oder am Telefon.</p>"},
                {"title": "Unterlagen mitbringen", "body": "<p>Pass und Wohnungsgeberbestätigung.</p>"},
            ],
        }


class ChecklistBlock(blocks.StructBlock):
    """Things to bring or to have ready, ticked off one by one."""

    title = blocks.CharBlock(label=_("title"), max_length=150, required=False)
    items = blocks.ListBlock(blocks.CharBlock(max_length=255), label=_("items"), min_num=1)

    class Meta:
        icon = "tasks"
        label = _("Checklist")
        description = _("A list of things to bring or prepare.")
        preview_value = {"title": "Mitbringen", "items": ["Reisepass", "Meldebescheinigung"]}


class QuestionBlock(blocks.StructBlock):
    question = blocks.CharBlock(label=_("question"), max_length=255)
    answer = blocks.RichTextBlock(label=_("answer"), features=RICH_TEXT_FEATURES)


class FAQBlock(blocks.StructBlock):
    """Questions and answers, the way counsellors hear them every day."""

    title = blocks.CharBlock(label=_("title"), max_length=150, required=False)
    questions = blocks.ListBlock(QuestionBlock(), label=_("questions"), min_num=1)

    class Meta:
        icon = "help"
        label = _("Questions and answers")
        description = _("Frequently asked questions with short answers.")
        preview_value = {
            "title": "Häufige Fragen",
            "questions": [{"question": "Kostet das etwas?", "answer": "<p>Nein, die Beratung ist kostenlos.</p>"}],
        }


class CallOutBlock(blocks.StructBlock):
    """
    Points the reader from a guide to someone who helps in person: a counselling service
    or a partner. A link to a page that is not public is dropped by the API, never shown.
    """

    target = blocks.PageChooserBlock(
        label=_("service or partner"),
        page_type=["directory.ServicePage", "directory.PartnerPage"],
    )
    text = blocks.CharBlock(
        label=_("text"),
        max_length=255,
        required=False,
        help_text=_("Why the reader should go there, e.g. 'Help with the application'."),
    )

    class Meta:
        icon = "user"
        label = _("Contact call-out")
        description = _("Recommends a counselling service or a partner.")
        preview_value = {"text": "Hier hilft man Ihnen beim Antrag."}


class DocumentBlock(blocks.StructBlock):
    """A hand-out or form to download (PDF, office documents)."""

    document = DocumentChooserBlock(label=_("document"))
    title = blocks.CharBlock(
        label=_("title"), max_length=150, required=False, help_text=_("Defaults to the document's title.")
    )

    class Meta:
        icon = "doc-full"
        label = _("Download")
        description = _("A document to download, such as a form or hand-out.")
        preview_value = {"title": "Antragsformular"}


class ExternalLinkBlock(blocks.StructBlock):
    """A link to an official site outside ours (BAMF, Jobcenter, city portal)."""

    url = blocks.URLBlock(label=_("address"))
    title = blocks.CharBlock(label=_("title"), max_length=150)
    description = blocks.CharBlock(label=_("description"), max_length=255, required=False)

    class Meta:
        icon = "link-external"
        label = _("External link")
        description = _("A link to another website.")
        preview_value = {"url": "https://www.bamf.de/", "title": "Bundesamt für Migration und Flüchtlinge"}


class VideoBlock(blocks.StructBlock):
    """An embedded video (oEmbed), with a caption for readers who cannot play it."""

    video = EmbedBlock(label=_("video address"))
    caption = blocks.CharBlock(label=_("caption"), max_length=255, required=False)

    class Meta:
        icon = "media"
        label = _("Video")
        description = _("An embedded video with a caption.")
        preview_value = {"caption": "Erklärvideo"}


class GuideBodyBlock(blocks.StreamBlock):
    """Every block a guide body may hold."""

    paragraph = blocks.RichTextBlock(
        label=_("Text"),
        features=RICH_TEXT_FEATURES,
        icon="pilcrow",
        description=_("Formatted text."),
        preview_value="<p>Willkommen in Leipzig.</p>",
    )
    heading = HeadingBlock()
    steps = StepsBlock()
    checklist = ChecklistBlock()
    faq = FAQBlock()
    call_out = CallOutBlock()
    document = DocumentBlock()
    image = ImageBlock(label=_("Image"), description=_("An image with alternative text."))
    external_link = ExternalLinkBlock()
    video = VideoBlock()
