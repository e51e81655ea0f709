"""
``Reading``: one reader's view of the public content, for one request.

Every consumer builds one per request (the API in its context, a feed in its view, the
website per page) and asks it for content. It holds what is worth computing once per
request (the visibility scope, the caches of related objects and machine flags) and
nothing about *which* locale: that is an argument of every call and travels with the
items it returns (``public_content.batches``).
"""

from django.db.models import Subquery
from wagtail.models import Page

from public_content import dependencies
from public_content.batches import adopt, chain_of
from public_content.locales import Chain, best_translations, chain_for
from public_content.machine import MachineFlags
from public_content.relations import Relations
from public_content.richtext import PublicLinks
from public_content.translation_state import TranslationStates
from public_content.visibility import Visibility


class Reading:
    def __init__(self):
        self.visibility = Visibility()
        self.relations = Relations(self.visibility)
        self.machine_flags = MachineFlags()
        self.links = PublicLinks(self.visibility)
        self.translation_states = TranslationStates()

    @staticmethod
    def chain(code: str | None) -> Chain:
        """The fallback chain of a locale code; ``InvalidRequest`` for an unknown one."""
        return chain_for(code)

    # Lists ---------------------------------------------------------------------------

    def pages(self, model, chain: Chain):
        """Public pages of ``model``, each item once, in the best locale of ``chain``."""
        dependencies.read_list(model)
        return self._public(model, chain)

    def _public(self, model, chain: Chain):
        visibility = self.visibility
        return best_translations(visibility.public(model.objects.all(), chain), chain, visibility.locale_ids)

    def terms(self, model, chain: Chain):
        """Translatable snippets (topics, audiences, places), each once, in the best locale of ``chain``."""
        dependencies.read_list(model)
        return best_translations(model.objects.all(), chain, self.visibility.locale_ids).select_related("locale")

    # Single items --------------------------------------------------------------------

    def candidates(self, model, chain: Chain, *, id=None, slug=None, url_path=None):
        """
        The public translations of one item of ``model``, best locale of ``chain`` first:
        by id (of any of its translations), by slug (in any locale of the chain) or by
        path below the home page. ``model`` may be ``Page`` itself. Pass the queryset
        (optimised as the consumer likes) to ``first``.
        """
        if id is not None:
            keys = model.objects.filter(pk=id).values("translation_key")
        elif slug:
            keys = model.objects.filter(slug=slug, locale__language_code__in=chain).values("translation_key")
        elif url_path is not None:
            keys = self._keys_at_path(url_path, chain)
        else:
            return model.objects.none()
        return self._public(model, chain).filter(translation_key__in=Subquery(keys)).order_by("locale_rank", "pk")

    def first(self, queryset, chain: Chain, *, specific=False):
        """The first item of ``queryset`` (its specific page when asked), read in ``chain``."""
        item = queryset.first()
        if item is None:
            # Nothing there yet: the answer changes when an item of the model is published.
            dependencies.read_list(queryset.model)
        elif specific:
            item = item.specific
        return self.adopted(item, chain)

    def _keys_at_path(self, url_path, chain):
        suffix = "/" + "".join(f"{part}/" for part in url_path.strip("/").split("/") if part)
        roots = Page.objects.filter(path__in=self.visibility.scope[1].roots)
        full_paths = [root.url_path.rstrip("/") + suffix for root in roots]
        return Page.objects.filter(url_path__in=full_paths, locale__language_code__in=chain).values("translation_key")

    def snippet(self, model, chain: Chain, *, id):
        """One translatable snippet by the id of any of its translations, best locale first."""
        keys = model.objects.filter(pk=id).values("translation_key")
        dependencies.read_list(model)
        return best_translations(model.objects.filter(translation_key__in=keys), chain, self.visibility.locale_ids)

    @staticmethod
    def adopted(item, chain: Chain):
        """``item``, marked as read in ``chain`` (its nested fields follow that chain)."""
        if item is not None:
            adopt([item], chain)
        return item

    # Per item ------------------------------------------------------------------------

    def is_machine_translated(self, page) -> bool:
        return self.machine_flags.of(page)

    def translation_state(self, page):
        """Whether ``page`` (a translation) is older than its source, and since when."""
        return self.translation_states.of(page)

    def locale_code(self, item) -> str:
        """The language code of ``item``'s locale, without loading the locale."""
        return self.visibility.locale_code(item)

    def available_locales(self, item):
        return self.relations.available_locales(item)

    @staticmethod
    def chain_of(item) -> Chain:
        return chain_of(item)
