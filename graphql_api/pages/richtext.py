"""Rich text as HTML with internal page and document links turned into public URLs."""

from wagtail.rich_text import RichText, expand_db_html


def to_html(value) -> str:
    if value is None:
        return ""
    source = value.source if isinstance(value, RichText) else str(value)
    return expand_db_html(source)
