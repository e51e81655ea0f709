from offers.models.conversations import Conversation, Message
from offers.models.listings import Listing, Report
from offers.models.rooms import RoomRequest
from offers.models.submitters import Submitter

__all__ = ["Conversation", "Listing", "Message", "Report", "RoomRequest", "Submitter"]
