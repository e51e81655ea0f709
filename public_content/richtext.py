"""
Rich text as readers get it: HTML in which links point only at what they may open.

A link in a guide or a service description may point at a page that is a draft, expired
or restricted, or at a document in a private collection. Expanding it as Wagtail does
would reveal that page's address and title. Here such a link is dropped and its text
kept; links to public pages and documents are expanded as usual. The targets of all the
texts of a batch are checked together (one query for pages, one for documents), so a
list of services costs what one service costs. Links to public pages are expanded here,
from what that check loaded, to the page on the public website (``/<language><urlPath>``,
``public_content.links.website_url``) in its live translation of the active language, as
``Page.localized`` would choose it: a reader follows them to the website from any site
that shows the text, never to Wagtail's own address.
"""

import json
import re

from django.conf import settings
from django.utils.html import escape
from wagtail.documents import get_document_model
from wagtail.models import CollectionViewRestriction, Locale, Page
from wagtail.rich_text import RichText, expand_db_html

from public_content.links import public_site_url, website_url

#: A link in Wagtail's stored rich-text format, with its text.
LINK = re.compile(r"<a\b(?P<attributes>[^>]*)>(?P<text>.*?)</a>", re.IGNORECASE | re.DOTALL)
ATTRIBUTE = re.compile(r'(?P<name>[\w-]+)="(?P<value>[^"]*)"')
TRACKED = ("page", "document")


def source_of(value) -> str:
    if value is None:
        return ""
    return value.source if isinstance(value, RichText) else str(value)


def stored_texts(value):
    """Every stored rich-text string inside ``value`` (a rich text, or a StreamField's raw data)."""
    raw = getattr(value, "raw_data", None)
    if raw is None:
        return [source_of(value)]
    found = []

    def walk(node):
        if isinstance(node, str):
            if "linktype=" in node:
                found.append(node)
        elif isinstance(node, dict):
            for item in node.values():
                walk(item)
        elif isinstance(node, list | tuple):
            for item in node:
                walk(item)

    walk(json.loads(json.dumps(list(raw), default=str)))
    return found


def _target(attributes):
    values = {match["name"]: match["value"] for match in ATTRIBUTE.finditer(attributes)}
    kind, target = values.get("linktype"), values.get("id", "")
    if kind in TRACKED and target.isdigit():
        return kind, int(target)
    return None


class PublicLinks:
    """Per request: which link targets are public, and rich text rendered with only those."""

    def __init__(self, visibility):
        self.visibility = visibility
        self._public = {}  # (kind, id) -> bool
        self._href = {}  # (kind, id) -> address, for public targets
        self._prepared = {}  # (id(batch), what) -> batch; the batch is kept so its id stays unique
        self._active_locale = None

    def prepare(self, texts=(), *, documents=()):
        """
        Check the link targets of all ``texts`` (and the ``documents`` given by id) at once:
        one query per kind of target not yet known.
        """
        wanted = {
            target
            for text in texts
            for match in LINK.finditer(text)
            if (target := _target(match["attributes"])) is not None
        } | {("document", pk) for pk in documents}
        wanted -= self._public.keys()
        pages = {pk for kind, pk in wanted if kind == "page"}
        files = {pk for kind, pk in wanted if kind == "document"}
        if pages:
            public = self._page_addresses(
                list(self.visibility.public(Page.objects.filter(pk__in=pages)).select_related("locale"))
            )
            self._public.update({("page", pk): pk in public for pk in pages})
            self._href.update({("page", pk): address for pk, address in public.items()})
        if files:
            public = {
                document.pk: document.url
                for document in self.public_documents(get_document_model().objects.filter(pk__in=files))
            }
            self._public.update({("document", pk): pk in public for pk in files})
            self._href.update({("document", pk): address for pk, address in public.items()})

    def _page_addresses(self, pages):
        """
        ``{id: address}`` of ``pages``: each one's live translation in the active language
        when there is one, else the page itself (Wagtail's ``Page.localized``), in one query.
        """
        targets = {page.pk: page for page in pages}
        active = self.active_locale()
        elsewhere = [page for page in pages if active is not None and page.locale_id != active.pk]
        if elsewhere:
            translations = {
                page.translation_key: page
                for page in Page.objects.filter(
                    translation_key__in=[page.translation_key for page in elsewhere], locale=active, live=True
                )
            }
            for page in elsewhere:
                targets[page.pk] = translations.get(page.translation_key, page)
        # On the public website, in the active language, wherever the text is shown (a
        # partner's site too); Wagtail's own address would be the editors' plain template.
        site_url = public_site_url()
        return {
            pk: website_url(site_url, target, active.language_code if active is not None else target.locale.language_code)
            for pk, target in targets.items()
        }

    def active_locale(self):
        """The locale of the active language (once per request); ``None`` without one."""
        if self._active_locale is None:
            self._active_locale = False
            if getattr(settings, "WAGTAIL_I18N_ENABLED", False):
                try:
                    self._active_locale = Locale.get_active()
                except (LookupError, Locale.DoesNotExist):
                    pass
        return self._active_locale or None

    def prepare_batch(self, batch, what, texts_of, documents_of=lambda item: ()):
        """
        Check the link targets of every item of ``batch`` (``public_content.batches``) once
        per request: ``texts_of(item)`` gives its stored rich texts, ``documents_of(item)``
        the ids of documents it shows; ``what`` names what is read (a field).
        """
        key = (id(batch), what)
        if key in self._prepared:
            return
        self._prepared[key] = batch
        self.prepare(
            [text for item in batch.items for text in texts_of(item)],
            documents=[pk for item in batch.items for pk in documents_of(item)],
        )

    def is_public_document(self, document) -> bool:
        self.prepare(documents=[document.pk])
        return self._public[("document", document.pk)]

    @staticmethod
    def public_documents(queryset):
        """Documents outside every collection with a view restriction (and outside its sub-collections)."""
        for path in CollectionViewRestriction.objects.values_list("collection__path", flat=True).distinct():
            queryset = queryset.exclude(collection__path__startswith=path)
        return queryset

    def html(self, value):
        """``value`` as public HTML (targets not yet checked, e.g. outside a batch, are checked now)."""
        text = source_of(value)
        self.prepare([text])
        return expand_db_html(self.strip(text))

    def strip(self, text):
        """Expand links to public pages and documents; drop the others, keeping their text."""

        def expand_or_unwrap(match):
            target = _target(match["attributes"])
            if target is None:
                return match.group(0)
            if self._public.get(target, False):
                return f'<a href="{escape(self._href[target])}">{match["text"]}</a>'
            return match["text"]

        return LINK.sub(expand_or_unwrap, text)


