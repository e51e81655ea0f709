"""Choice lists of the translation workflow."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class TranslationStatus(models.TextChoices):
    """Where one item stands in one target locale; the order is the order of urgency."""

    MISSING = "missing", _("Missing")
    IN_PROGRESS = "in_progress", _("In progress")
    WAITING_FOR_REVIEW = "waiting_for_review", _("Waiting for review")
    OUTDATED = "outdated", _("Outdated")
    MACHINE_TRANSLATED = "machine", _("Machine-translated, not reviewed")
    UP_TO_DATE = "up_to_date", _("Up to date")


#: Statuses the translators' overview lists as work to do.
OPEN_STATUSES = [
    TranslationStatus.MISSING,
    TranslationStatus.IN_PROGRESS,
    TranslationStatus.WAITING_FOR_REVIEW,
    TranslationStatus.OUTDATED,
    TranslationStatus.MACHINE_TRANSLATED,
]
