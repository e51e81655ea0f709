from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CMSConfig(AppConfig):
    """Project-level pieces that belong to no content domain: operations commands, health."""

    name = "cms"
    verbose_name = _("Welcome platform")

    def ready(self):
        # The visibility rule keeps the page tree's hidden subtrees per process until the
        # tree changes; the project wires that up, as the rule's package is not an app.
        from public_content.visibility import listen_for_changes

        listen_for_changes()
