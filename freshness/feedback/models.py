"""
Reader feedback's model, ``Feedback``, is defined in ``freshness.models`` with the app's
other models: the app's models module must not import its subpackages, which import back
(the owners of a report are decided by ``freshness.reminders``, which reads the models).
"""

from freshness.models import TEXT_MAX_LENGTH, Feedback

__all__ = ["TEXT_MAX_LENGTH", "Feedback"]
