"""'The last change was minor' keeps current only translations readers have had."""

from tests.translation.conftest import fill, publish, save_target, submit, translate_and_publish
from translation.minor import mark_minor


def test_a_translation_never_published_is_not_listed(guide, users):
    translate_and_publish(guide, "ar")
    draft_only = submit(guide, "uk")
    fill(draft_only)
    save_target(draft_only, publish=False)
    publish(guide, summary="Die Duldung erklärt!")
    assert mark_minor(guide, users.admin) == ["ar"]
