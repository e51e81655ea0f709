"""Admin form of every content page."""

from wagtail.admin.forms import WagtailAdminPageForm


class ContentPageForm(WagtailAdminPageForm):
    """
    Offers the topics and audiences of the page's own locale only, and the review fields
    (owner, team, last review, interval) to those who may publish the page.

    Terms are translatable snippets, so each exists once per locale: unfiltered, a German
    page's checkboxes listed every topic four times over (Ankommen, Arrival, Прибуття,
    الوصول …). Terms already chosen stay listed whatever their locale, so saving a page
    never drops one silently.
    """

    term_fields = ("topics", "audiences")
    review_fields = ("content_owner", "owner_team", "last_reviewed", "review_interval_months")

    def __init__(self, *args, parent_page=None, **kwargs):
        super().__init__(*args, parent_page=parent_page, **kwargs)
        if self.for_user is not None and not self.may_publish(parent_page):
            self.fix_review_fields()
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

    def may_publish(self, parent_page):
        if self.instance.pk:
            return self.instance.permissions_for_user(self.for_user).can_publish()
        return parent_page is not None and parent_page.permissions_for_user(self.for_user).can_publish_subpage()

    def fix_review_fields(self):
        """
        Who owns a page and when it is due are the editorial team's to decide. Partner staff
        and translators see the values but cannot change them, and the owner and team lists
        hold only the current choice: listed in full, they named every account (partner
        staff's user names are their e-mail addresses) and every group to anyone who edits a page.
        """
        for name in self.review_fields:
            field = self.fields.get(name)
            if field is None:
                continue
            field.disabled = True
            if hasattr(field, "queryset"):
                field.queryset = field.queryset.filter(pk=getattr(self.instance, f"{name}_id", None))
