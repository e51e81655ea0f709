"""Guides with StreamField bodies built from the compact block notation of demo.content.guides."""

from demo.content.guides import GUIDES
from demo.keys import demo_text
from demo.steps.pages import ensure_page
from pages.models import GuidePage


def _block(context, kind, *args):
    """One block of the guide body as (block type, value) for a StreamField."""
    if kind in ("paragraph",):
        return ("paragraph", args[0])
    if kind == "heading":
        return ("heading", {"text": args[0], "level": "h2"})
    if kind == "steps":
        title, steps = args
        return ("steps", {"title": title, "steps": [{"title": step, "body": body} for step, body in steps]})
    if kind == "checklist":
        title, items = args
        return ("checklist", {"title": title, "items": list(items)})
    if kind == "faq":
        title, questions = args
        return ("faq", {"title": title, "questions": [{"question": q, "answer": a} for q, a in questions]})
    if kind == "call_out":
        target, text = args
        kind_of_target, key = target.split(":", 1)
        page = (context.services if kind_of_target == "service" else context.partners)[key]
        return ("call_out", {"target": page, "text": text})
    if kind == "document":
        key, title = args
        return ("document", {"document": context.documents[key], "title": title})
    if kind == "image":
        key, alt_text = args
        return ("image", {"image": context.images[key], "alt_text": alt_text, "decorative": False})
    if kind == "external_link":
        url, title, description = args
        return ("external_link", {"url": url, "title": title, "description": description})
    raise ValueError(f"Unknown demo block {kind!r}")


def guide_body(context, blocks):
    return [_block(context, *block) for block in blocks]


def create_guides(context):
    made = 0
    for data in GUIDES:
        page, created = ensure_page(
            context.indexes["guides"], GuidePage, f"guide:{data['key']}",
            slug=data["key"],
            title=data["title"],
            summary=demo_text(data["summary"]),
            image=context.images.get(data.get("image")),
            body=guide_body(context, data["body"]),
            topics=context.pick(context.topics, data["topics"]),
            audiences=context.pick(context.audiences, data["audiences"]),
        )
        context.guides[data["key"]] = page
        made += created
    return made
