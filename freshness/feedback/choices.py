"""Reader feedback's choices are in ``freshness.choices`` with the app's others (see ``models``)."""

from freshness.choices import FeedbackKind

__all__ = ["FeedbackKind"]
