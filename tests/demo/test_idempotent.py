"""Running the demo again changes nothing."""

from django.contrib.auth.models import Group, User
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Page, PageLogEntry, Revision, Site
from wagtail_localize.models import StringTranslation, Translation
from django.db.models import Max

from directory.models import Place
from offers.models import Conversation, Listing, Message, Report, RoomRequest, Submitter
from taxonomy.models import Audience, Topic

from .conftest import load_demo


def snapshot():
    return {
        "pages": Page.objects.count(),
        "revisions": Revision.objects.count(),
        "max revision": Revision.objects.aggregate(Max("pk"))["pk__max"],
        "max log entry": PageLogEntry.objects.aggregate(Max("pk"))["pk__max"],
        "topics": Topic.objects.count(),
        "audiences": Audience.objects.count(),
        "places": Place.objects.count(),
        "images": get_image_model().objects.count(),
        "documents": get_document_model().objects.count(),
        "translations": Translation.objects.count(),
        "strings": StringTranslation.objects.count(),
        "sites": list(Site.objects.values_list("pk", "root_page_id")),
        "groups": Group.objects.count(),
        "users": User.objects.count(),
        "listings": list(Listing.objects.order_by("pk").values_list("pk", "status")),
        "submitters": Submitter.objects.count(),
        "conversations": Conversation.objects.count(),
        "messages": Message.objects.count(),
        "reports": Report.objects.count(),
        "room requests": list(RoomRequest.objects.order_by("pk").values_list("pk", "status")),
    }


def test_a_second_run_changes_nothing(demo_db):
    before = snapshot()
    output = load_demo()
    assert snapshot() == before
    assert "new" not in output
