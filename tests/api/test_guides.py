"""``guides`` and ``guide``: filters, locale fallback, typed body blocks."""

from wagtail.blocks import StreamValue

from pages.blocks import GuideBodyBlock
from tests.api.helpers import data, translate, translate_snippet
from tests.factories import AudienceFactory, GuidePageFactory, TopicFactory

GUIDES = """
query ($locale: String, $topic: String, $audience: String, $search: String, $first: Int, $after: String) {
  guides(locale: $locale, topic: $topic, audience: $audience, search: $search, first: $first, after: $after) {
    totalCount
    pageInfo { hasNextPage endCursor }
    edges { cursor node { title locale urlPath translationKey availableLocales topics { name locale } } }
  }
}
"""


def titles(result):
    return [edge["node"]["title"] for edge in result["guides"]["edges"]]


def test_guides_in_german_with_topic_and_audience_filters(client, site_tree):
    housing = TopicFactory(name="Wohnen", slug="housing")
    volunteers = AudienceFactory(slug="volunteers")
    GuidePageFactory(parent=site_tree.guides, title="Wohnung finden", topics=[housing])
    GuidePageFactory(parent=site_tree.guides, title="Anmeldung", audiences=[volunteers])

    everything = data(client, GUIDES, {"locale": "de"})
    assert titles(everything) == ["Anmeldung", "Wohnung finden"]
    assert everything["guides"]["totalCount"] == 2
    node = everything["guides"]["edges"][1]["node"]
    assert node["locale"] == "de" and node["urlPath"] == "/ratgeber/" + node["urlPath"].split("/")[2] + "/"
    assert node["topics"] == [{"name": "Wohnen", "locale": "de"}]
    assert node["availableLocales"] == ["de"]

    assert titles(data(client, GUIDES, {"locale": "de", "topic": "housing"})) == ["Wohnung finden"]
    assert titles(data(client, GUIDES, {"locale": "de", "audience": "volunteers"})) == ["Anmeldung"]
    assert titles(data(client, GUIDES, {"locale": "de", "topic": "nothing"})) == []


def test_guides_fall_back_from_dari_to_farsi_to_german_without_duplicates(client, site_tree):
    housing = TopicFactory(name="Wohnen", slug="housing")
    translate_snippet(housing, "fa", name="مسکن")
    only_german = GuidePageFactory(parent=site_tree.guides, title="Arbeit", topics=[housing])
    in_farsi = GuidePageFactory(parent=site_tree.guides, title="Wohnung", topics=[housing])
    in_dari = GuidePageFactory(parent=site_tree.guides, title="Schule")
    translate(in_farsi, "fa", title="خانه")
    translate(in_dari, "fa", title="مدرسه فارسی")
    translate(in_dari, "prs", title="مکتب")

    result = data(client, GUIDES, {"locale": "prs", "first": 10})["guides"]
    nodes = {edge["node"]["title"]: edge["node"] for edge in result["edges"]}
    assert set(nodes) == {"Arbeit", "خانه", "مکتب"}
    assert result["totalCount"] == 3
    assert nodes["Arbeit"]["locale"] == "de"
    assert nodes["خانه"]["locale"] == "fa"
    assert nodes["مکتب"]["locale"] == "prs"
    assert nodes["مکتب"]["availableLocales"] == ["de", "fa", "prs"]
    # Related topics follow the reader's chain too (the Farsi guide points at the German topic).
    assert nodes["خانه"]["topics"] == [{"name": "مسکن", "locale": "fa"}]
    assert nodes["Arbeit"]["topics"] == [{"name": "مسکن", "locale": "fa"}]
    assert str(only_german.translation_key) == nodes["Arbeit"]["translationKey"]


def test_guides_paginate_with_cursors(client, site_tree):
    for title in ["A", "B", "C"]:
        GuidePageFactory(parent=site_tree.guides, title=title)
    first = data(client, GUIDES, {"first": 2})["guides"]
    assert titles({"guides": first}) == ["A", "B"] and first["pageInfo"]["hasNextPage"]
    rest = data(client, GUIDES, {"first": 2, "after": first["pageInfo"]["endCursor"]})["guides"]
    assert titles({"guides": rest}) == ["C"] and not rest["pageInfo"]["hasNextPage"]


def test_guides_search_argument(client, site_tree):
    GuidePageFactory(parent=site_tree.guides, title="Krankenversicherung erklärt")
    GuidePageFactory(parent=site_tree.guides, title="Kita-Platz finden")
    assert titles(data(client, GUIDES, {"search": "Krankenversicherung"})) == ["Krankenversicherung erklärt"]


GUIDE = """
query ($id: ID, $slug: String, $locale: String) {
  guide(id: $id, slug: $slug, locale: $locale) {
    title locale
    body {
      __typename
      ... on ParagraphBlock { html }
      ... on HeadingBlock { text level }
      ... on StepsBlock { title steps { title html } }
      ... on ChecklistBlock { items }
      ... on FaqBlock { questions { question answerHtml } }
      ... on ExternalLinkBlock { url title }
      ... on CallOutBlock { text target { title locale } }
    }
  }
}
"""


def test_guide_by_id_and_slug_with_typed_body(client, site_tree):
    linked = GuidePageFactory(parent=site_tree.guides, title="Verlinkt")
    guide = GuidePageFactory(parent=site_tree.guides, title="Anmeldung", slug="anmeldung")
    guide.body = StreamValue(
        GuideBodyBlock(),
        [
            ("heading", {"text": "Vorher", "level": "h3"}),
            ("paragraph", f'<p>Siehe <a linktype="page" id="{linked.pk}">hier</a>.</p>'),
            ("steps", {"title": "So geht's", "steps": [{"title": "Termin", "body": "<p>buchen</p>"}]}),
            ("checklist", {"title": "", "items": ["Pass"]}),
            ("faq", {"title": "", "questions": [{"question": "Kosten?", "answer": "<p>Keine.</p>"}]}),
            ("external_link", {"url": "https://www.bamf.de/", "title": "BAMF", "description": ""}),
        ],
        is_lazy=False,
    )
    guide.save_revision().publish()

    by_slug = data(client, GUIDE, {"slug": "anmeldung"})["guide"]
    by_id = data(client, GUIDE, {"id": str(guide.pk)})["guide"]
    assert by_slug == by_id
    body = by_id["body"]
    assert [block["__typename"] for block in body] == [
        "HeadingBlock", "ParagraphBlock", "StepsBlock", "ChecklistBlock", "FaqBlock", "ExternalLinkBlock",
    ]
    assert body[0] == {"__typename": "HeadingBlock", "text": "Vorher", "level": 3}
    # On the public website, which answers the path with the page's own address.
    assert 'href="http://localhost/de/ratgeber/' in body[1]["html"] and "linktype" not in body[1]["html"]
    assert body[2]["steps"] == [{"title": "Termin", "html": "<p>buchen</p>"}]
    assert body[4]["questions"][0]["answerHtml"] == "<p>Keine.</p>"


def test_guide_in_dari_falls_back_to_farsi(client, site_tree):
    guide = GuidePageFactory(parent=site_tree.guides, title="Anmeldung", slug="anmeldung")
    translate(guide, "fa", title="ثبت نام")
    result = data(client, GUIDE, {"id": str(guide.pk), "locale": "prs"})["guide"]
    assert result["title"] == "ثبت نام" and result["locale"] == "fa"
    assert data(client, GUIDE, {"slug": "anmeldung", "locale": "prs"})["guide"]["locale"] == "fa"
    assert data(client, GUIDE, {"id": "999999"})["guide"] is None
