"""Admin form of every content page."""

from wagtail.admin.forms import WagtailAdminPageForm


class ContentPageForm(WagtailAdminPageForm):
    """
    Offers the topics and audiences of the page's own locale only.

    Terms are translatable snippets, so each exists once per locale: unfiltered, a German
    page's checkboxes listed every topic four times over (Ankommen, Arrival, Прибуття,
    الوصول …). Terms already chosen stay listed whatever their locale, so saving a page
    never drops one silently.
    """

    term_fields = ("topics", "audiences")

    def __init__(self, *args, parent_page=None, **kwargs):
        super().__init__(*args, parent_page=parent_page, **kwargs)
        locale_id = self.instance.locale_id if self.instance.pk else getattr(parent_page, "locale_id", None)
        if locale_id is None:
            return
        for name in self.term_fields:
            field = self.fields.get(name)
            if field is None:
                continue
            chosen = [term.pk for term in getattr(self.instance, name).all()] if self.instance.pk else []
            queryset = field.queryset
            field.queryset = queryset.filter(locale_id=locale_id) | queryset.filter(pk__in=chosen)
