"""
What the translation workflow records beyond wagtail-localize's own tables.

wagtail-localize knows what was submitted (TranslationSource), into which locales
(Translation) and every translated string (StringTranslation, with a machine/manual
flag). It does not know when a source edit was declared minor, nor who reviewed a
machine translation: those two facts live here, one row per item × target locale.
"""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.models import TranslatableMixin
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from translation import interface_strings


class TranslationRecord(models.Model):
    """
    Bookkeeping for one translatable item (``translation_key``) in one target locale.

    ``source_acknowledged_at``: source changes published up to this moment do not make
    the translation outdated (set by "mark last change as minor").
    ``reviewed_at``: when a person last approved the translation in the review workflow;
    machine-translated strings older than this count as reviewed.
    """

    translation_key = models.UUIDField(db_index=True)
    locale = models.ForeignKey("wagtailcore.Locale", on_delete=models.CASCADE, related_name="+")
    source_acknowledged_at = models.DateTimeField(_("source changes acknowledged until"), null=True, blank=True)
    reviewed_at = models.DateTimeField(_("reviewed at"), null=True, blank=True)
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("reviewed by"), null=True, blank=True,
        on_delete=models.SET_NULL, related_name="+",
    )
    reviewed_by_reviewer = models.BooleanField(
        _("reviewed by a translation reviewer"),
        default=False,
        help_text=_("Only such a review clears the machine-translation flag of legal information."),
    )

    class Meta:
        verbose_name = _("translation record")
        constraints = [
            models.UniqueConstraint(fields=["translation_key", "locale"], name="unique_translation_record"),
        ]

    def __str__(self):
        return f"{self.translation_key} → {self.locale_id}"


class MinorEdit(models.Model):
    """Audit trail: who declared which published source change minor, and which locales stayed current."""

    page = models.ForeignKey("wagtailcore.Page", verbose_name=_("page"), on_delete=models.CASCADE, related_name="+")
    revision = models.ForeignKey(
        "wagtailcore.Revision", verbose_name=_("revision"), null=True, on_delete=models.SET_NULL, related_name="+"
    )
    marked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("marked by"), null=True, on_delete=models.SET_NULL, related_name="+"
    )
    marked_at = models.DateTimeField(_("marked at"), auto_now_add=True)
    locales_kept_current = models.JSONField(_("locales kept current"), default=list)

    class Meta:
        verbose_name = _("minor edit")
        verbose_name_plural = _("minor edits")
        ordering = ["-marked_at"]


class GlossaryTerm(index.Indexed, models.Model):
    """
    A fixed term and its agreed rendering in one target language (Duldung → toleration).

    Legal and administrative terms must be translated the same way everywhere; the
    glossary is shown to translators in the overview and passed to machine translators
    that accept one (DeepL glossaries).
    """

    source_term = models.CharField(_("German term"), max_length=200)
    target_locale = models.ForeignKey(
        "wagtailcore.Locale", verbose_name=_("target language"), on_delete=models.CASCADE, related_name="+"
    )
    target_term = models.CharField(_("translation"), max_length=200)
    note = models.CharField(
        _("note for translators"), max_length=300, blank=True,
        help_text=_("E.g. 'keep the German word in brackets after the translation'."),
    )

    panels = [FieldPanel("source_term"), FieldPanel("target_locale"), FieldPanel("target_term"), FieldPanel("note")]
    search_fields = [index.SearchField("source_term"), index.SearchField("target_term")]

    class Meta:
        verbose_name = _("glossary term")
        verbose_name_plural = _("glossary")
        ordering = ["source_term"]
        constraints = [
            models.UniqueConstraint(fields=["source_term", "target_locale"], name="unique_glossary_term_per_locale"),
        ]

    def __str__(self):
        return f"{self.source_term} → {self.target_term}"


class ProviderGlossary(models.Model):
    """The id a machine-translation provider gave our glossary for one language pair and content."""

    provider = models.CharField(max_length=40)
    source_lang = models.CharField(max_length=12)
    target_lang = models.CharField(max_length=12)
    entries_hash = models.CharField(max_length=64)
    glossary_id = models.CharField(max_length=100)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["provider", "source_lang", "target_lang", "entries_hash"], name="unique_provider_glossary"
            ),
        ]


class InterfaceLabel(TranslatableMixin, models.Model):
    """
    A translator's text for one interface string of the front ends, in one locale.

    The strings themselves are declared in code (``translation.interface_strings``) with
    English gettext defaults that our catalogues translate; a label overrides that text in
    its locale, so a wording can be fixed or a new language added without a release.
    ``translation.labels`` decides which text a reader gets.
    """

    key = models.CharField(
        _("key"),
        max_length=100,
        choices=interface_strings.choices,
        help_text=_(
            "Which front-end string this text replaces; its default text is shown beside the key. Never translated."
        ),
    )
    text = models.CharField(_("text"), max_length=255)
    context = models.CharField(
        _("where it is shown"), max_length=255, blank=True, help_text=_("A hint for translators.")
    )

    panels = [FieldPanel("key"), FieldPanel("text"), FieldPanel("context")]

    translatable_fields = [
        SynchronizedField("key"),
        TranslatableField("text"),
        SynchronizedField("context"),
    ]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("interface label")
        verbose_name_plural = _("interface labels")
        ordering = ["key"]
        constraints = [
            models.UniqueConstraint(fields=["key", "locale"], name="unique_interface_label_per_locale"),
        ]

    def __str__(self):
        return f"{self.key}: {self.text}"

    def clean(self):
        """The front end fills the default's placeholders (``%(n)s``) in: the text must keep exactly those."""
        super().clean()
        if self.key not in interface_strings.STRINGS or not self.text:
            return
        expected = interface_strings.placeholders(interface_strings.STRINGS[self.key])
        found = interface_strings.placeholders(self.text)
        if found == expected:
            return
        if expected:
            message = _(
                "Keep the placeholders %(placeholders)s of the default text: they are filled in when it is shown."
            )
            names = expected
        else:
            message = _("The default text has no placeholders; remove %(placeholders)s.")
            names = found - expected
        listing = ", ".join(f"%({name})s" for name in sorted(names))
        raise ValidationError({"text": message % {"placeholders": listing}})
