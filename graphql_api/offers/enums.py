"""
GraphQL enums of the offers app's choice lists (``offers/choices.py``).

Written out, as the directory's are, so the schema file shows a reviewer every value;
``tests/api/test_offers.py`` checks they stay in step with the model choices.
"""

from enum import Enum

import strawberry


@strawberry.enum(name="ListingDirection", description="An offer of help, or a request for it.")
class ListingDirectionEnum(Enum):
    OFFER = "offer"
    REQUEST = "request"


@strawberry.enum(name="ListingKind", description="What is offered or sought; offers and requests share the list.")
class ListingKindEnum(Enum):
    DONATION = "donation"
    VOLUNTEERING = "volunteering"
    MENTORING = "mentoring"
    TANDEM = "tandem"
    HOUSING = "housing"
    JOB = "job"
    APPRENTICESHIP = "apprenticeship"
    INTERNSHIP = "internship"
    ROOM = "room"


@strawberry.enum(name="District", description="Leipzig's ten city districts (Stadtbezirke).")
class DistrictEnum(Enum):
    MITTE = "mitte"
    NORDOST = "nordost"
    OST = "ost"
    SUEDOST = "suedost"
    SUED = "sued"
    SUEDWEST = "suedwest"
    WEST = "west"
    ALT_WEST = "alt-west"
    NORDWEST = "nordwest"
    NORD = "nord"
