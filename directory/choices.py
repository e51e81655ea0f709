"""Choice lists of the directory, kept apart so models, forms and the API share them."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class PartnerKind(models.TextChoices):
    ASSOCIATION = "association", _("Association (Verein)")
    INITIATIVE = "initiative", _("Initiative")
    MIGRANT_ORGANISATION = "migrant_organisation", _("Migrant self-organisation")
    WELFARE_PROVIDER = "welfare_provider", _("Welfare provider (Träger)")
    PUBLIC_OFFICE = "public_office", _("Public office")
    EMPLOYER = "employer", _("Employer")
    EDUCATION = "education", _("School, university or course provider")
    OTHER = "other", _("Other")


class Channel(models.TextChoices):
    IN_PERSON = "in_person", _("In person")
    PHONE = "phone", _("Phone")
    VIDEO = "video", _("Video call")
    EMAIL = "email", _("E-mail")
    CHAT = "chat", _("Chat or messenger")


class Cost(models.TextChoices):
    FREE = "free", _("Free of charge")
    REDUCED = "reduced", _("Reduced fee possible")
    PAID = "paid", _("Fee")


class Appointment(models.TextChoices):
    NOT_NEEDED = "not_needed", _("No appointment needed")
    RECOMMENDED = "recommended", _("Appointment recommended")
    REQUIRED = "required", _("Appointment required")


class Weekday(models.IntegerChoices):
    """ISO weekday numbers, as ``date.isoweekday()`` returns them."""

    MONDAY = 1, _("Monday")
    TUESDAY = 2, _("Tuesday")
    WEDNESDAY = 3, _("Wednesday")
    THURSDAY = 4, _("Thursday")
    FRIDAY = 5, _("Friday")
    SATURDAY = 6, _("Saturday")
    SUNDAY = 7, _("Sunday")
