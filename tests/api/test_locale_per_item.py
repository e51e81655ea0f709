"""
Each item is read in the locale chain its own root field asked for. Two root fields in
different locales, or a draft preview beside a list, in one document give the same
answers as when asked alone, in either order: no locale travels on the request.
"""

import pytest

from graphql_api.preview.tokens import make_preview_token
from tests.api.helpers import data, translate, translate_snippet
from tests.factories import GuidePageFactory, PartnerPageFactory, ServicePageFactory, TopicFactory

GUIDES = "guides(locale: $%s) { edges { node { title locale topics { name locale } } } }"
PARTNER = "partner(id: $partner, locale: $%s) { title services { title topics { name locale } } }"


@pytest.fixture
def bilingual(site_tree):
    """A topic, a guide and a partner with a service, in German and Arabic."""
    topic = TopicFactory(name="Wohnen", slug="wohnen")
    translate_snippet(topic, "ar", name="السكن")
    guide = GuidePageFactory(parent=site_tree.guides, title="Wohnung finden", topics=[topic])
    translate(guide, "ar", title="العثور على شقة")
    partner = PartnerPageFactory(parent=site_tree.partners, title="Mieterverein", topics=[topic])
    service = ServicePageFactory(parent=partner, title="Mietberatung", topics=[topic])
    translate(partner, "ar", title="جمعية المستأجرين")
    translate(service, "ar", title="استشارة الإيجار")
    return site_tree, guide, partner


def document(template, *names):
    """A query with one root field per locale variable name, aliased by that name."""
    partner = ", $partner: ID" if "$partner" in template else ""
    declarations = ", ".join(f"${name}: String" for name in names) + partner
    fields = " ".join(f"{name}: {template % name}" for name in names)
    return f"query ({declarations}) {{ {fields} }}"


def variables_for(template, partner, **codes):
    return {**codes, **({"partner": str(partner.pk)} if "$partner" in template else {})}


def alone(client, template, code, partner):
    return data(client, document(template, "one"), variables_for(template, partner, one=code))["one"]


@pytest.mark.parametrize("first, second", [("ar", "de"), ("de", "ar")])
@pytest.mark.parametrize("template", [GUIDES, PARTNER], ids=["guides", "partner"])
def test_two_root_fields_in_two_locales_answer_as_when_asked_alone(client, bilingual, template, first, second):
    _, _, partner = bilingual
    together = data(client, document(template, "a", "b"), variables_for(template, partner, a=first, b=second))
    assert together["a"] == alone(client, template, first, partner)
    assert together["b"] == alone(client, template, second, partner)
    # And the answers really differ by locale, so the comparison means something.
    assert together["a"] != together["b"]


def test_a_preview_beside_an_arabic_list_is_read_in_its_own_locale(client, bilingual):
    _, guide, _ = bilingual
    guide.title = "Wohnung finden (Entwurf)"
    token = make_preview_token(guide, guide.save_revision())
    preview = "preview(token: $token) { title locale ... on Guide { topics { name locale } } }"
    for query in (
        f"query ($ar: String, $token: String!) {{ {GUIDES % 'ar'} {preview} }}",
        f"query ($ar: String, $token: String!) {{ {preview} {GUIDES % 'ar'} }}",
    ):
        result = data(client, query, {"ar": "ar", "token": token})
        assert result["preview"] == {
            "title": "Wohnung finden (Entwurf)",
            "locale": "de",
            "topics": [{"name": "Wohnen", "locale": "de"}],
        }
        assert result["guides"]["edges"][0]["node"]["topics"] == [{"name": "السكن", "locale": "ar"}]
