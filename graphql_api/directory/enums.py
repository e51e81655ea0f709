"""
GraphQL enums of the directory's choice lists (``directory/choices.py``).

Written out rather than generated, so the schema file shows a reviewer every value;
``tests/api/test_directory.py`` checks they stay in step with the model choices.
"""

from enum import Enum

import strawberry


@strawberry.enum(name="PartnerKind")
class PartnerKindEnum(Enum):
    ASSOCIATION = "association"
    INITIATIVE = "initiative"
    MIGRANT_ORGANISATION = "migrant_organisation"
    WELFARE_PROVIDER = "welfare_provider"
    PUBLIC_OFFICE = "public_office"
    EMPLOYER = "employer"
    EDUCATION = "education"
    OTHER = "other"


@strawberry.enum(name="Channel")
class ChannelEnum(Enum):
    IN_PERSON = "in_person"
    PHONE = "phone"
    VIDEO = "video"
    EMAIL = "email"
    CHAT = "chat"


@strawberry.enum(name="Cost")
class CostEnum(Enum):
    FREE = "free"
    REDUCED = "reduced"
    PAID = "paid"


@strawberry.enum(name="Appointment")
class AppointmentEnum(Enum):
    NOT_NEEDED = "not_needed"
    RECOMMENDED = "recommended"
    REQUIRED = "required"


@strawberry.enum(name="Accessibility")
class AccessibilityEnum(Enum):
    FULL = "full"
    PARTIAL = "partial"
    NONE = "none"
    UNKNOWN = "unknown"
