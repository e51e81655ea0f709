"""Admin widgets of the directory."""

from django.conf import settings
from django.utils.translation import gettext_lazy as _
from wagtail.admin.widgets import AdminPageChooser



class PartnerChooser(AdminPageChooser):
    """
    A page chooser for partner profiles that opens at the partners' index, not at the
    tree's root, and whose button label follows the editor's language.

    Wagtail's own chooser joins its label with the model's name by string concatenation
    when the widget is built, which happens once, in the language active then (German): an
    English editor read "Seite auswählen (Partner)".
    """

    def __init__(self, **kwargs):
        kwargs.setdefault("target_models", ["directory.PartnerPage"])
        super().__init__(**kwargs)
        self.choose_one_text = _("Choose a partner")
        self.choose_another_text = _("Choose another partner")

    def get_js_init_options(self, id_, name, value_data):
        options = super().get_js_init_options(id_, name, value_data)
        if "parentId" not in options:
            from directory.models import PartnerIndexPage  # the widget is declared before models load

            indexes = PartnerIndexPage.objects.order_by("path")
            index = indexes.filter(locale__language_code=settings.LANGUAGE_CODE).first() or indexes.first()
            if index is not None:
                options["parentId"] = index.pk
        return options
