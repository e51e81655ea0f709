"""
Hand-outs: a guide as an A4 PDF in the reader's language, with every block type, the
notices, "last reviewed", right-to-left for Arabic and a QR code back to the guide's page;
nothing the API hides.

The PDF's text is read from WeasyPrint's laid-out document (its pages and boxes), made from
the same HTML as the PDF the view sends: no PDF parser is needed for it.

WeasyPrint needs Pango from the system (``apt-get install libpango-1.0-0 libpangoft2-1.0-0``).
Without it these tests are skipped with the reason, as the browser tests are without
chromium; under CI (``CI=true``) they run and fail instead.
"""

import datetime
import os
import re
import zlib

import pytest
import segno
from django.test import RequestFactory
from django.utils import translation

from tests.api.helpers import translate
from tests.api.test_machine_translated import machine_translated_guide, people  # noqa: F401 (fixture)
from tests.factories import GuidePageFactory
from tests.website.content import HIDDEN, every_block_body, hide
from translation import locales


def _missing_weasyprint():
    try:
        import weasyprint  # noqa: F401 (loads Pango through cffi)
    except ImportError:
        return "weasyprint is not installed (pip install -c constraints.txt -e '.[test]')"
    except OSError as error:
        return f"WeasyPrint cannot load Pango: {error} (apt-get install -y libpango-1.0-0 libpangoft2-1.0-0)"
    return None


MISSING = _missing_weasyprint()
IN_CI = os.environ.get("CI", "").lower() in {"1", "true", "yes"}
pytestmark = pytest.mark.skipif(MISSING is not None and not IN_CI, reason=f"hand-out tests skipped: {MISSING}")

PDF = "/{lang}/guides/{slug}/handout.pdf"


@pytest.fixture
def guide(site_tree):
    """A guide with every block type, reviewed, as the guide page test builds it."""
    body = every_block_body(site_tree)
    return GuidePageFactory(
        parent=site_tree.guides, title="Wohnung finden", slug="wohnung-finden", summary="Tipps für die Suche.",
        body=body, last_reviewed=datetime.date(2026, 11, 3),
    )


def handout(lang, slug):
    """The hand-out as the view makes it for a reader of ``lang``: its HTML and its laid-out document."""
    from website.views.handouts import handout_for

    request = RequestFactory().get(PDF.format(lang=lang, slug=slug))
    request.language = locales.get(lang)
    with translation.override(lang):
        return handout_for(request, slug)


def printed_text(document):
    """Every text WeasyPrint laid out, page by page (header and page numbers included)."""
    from weasyprint.formatting_structure.boxes import TextBox

    return [
        re.sub(r"\s+", " ", " ".join(box.text for box in page._page_box.descendants() if isinstance(box, TextBox)))
        for page in document.pages
    ]


def glyphs_of(pdf, character):
    """
    The glyphs each font of ``pdf`` draws ``character`` with, read from the fonts'
    ToUnicode maps: an Arabic letter shaped in context has several forms (initial,
    medial, final), an unshaped one or a missing font only one.
    """
    found = []
    for stream in re.findall(rb"stream\r?\n(.*?)\r?\nendstream", pdf, re.S):
        try:
            data = zlib.decompress(stream).decode("latin-1")
        except zlib.error:
            continue
        glyphs = set()
        for section in re.findall(r"beginbfchar(.*?)endbfchar", data, re.S):
            for glyph, text in re.findall(r"<([0-9a-fA-F]+)> <([0-9a-fA-F]+)>", section):
                if text.lower() == f"{ord(character):04x}":
                    glyphs.add(glyph)
        found.append(glyphs)
    return found


def qr_modules(svg):
    """The dark modules of a QR code drawn by segno's SVG path (``M x y`` then ``h`` runs and ``m`` moves)."""
    path = re.search(r'<path class="qrline"[^>]* d="([^"]+)"', svg).group(1)
    dark, x, y = set(), 0.0, 0.0
    for command, numbers in re.findall(r"([MmHh])([-\d. ]+)", path):
        values = [float(value) for value in numbers.split()]
        if command == "M":
            x, y = values
        elif command == "m":
            x, y = x + values[0], y + values[1]
        else:
            dark.update((int(x) + step, int(y)) for step in range(int(values[0])))
            x += values[0]
    return dark


def test_the_pdf_is_a_pdf_named_after_the_guide_and_language(client, guide):
    response = client.get(PDF.format(lang="de", slug="wohnung-finden"))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response.content.startswith(b"%PDF-")
    assert response["Content-Disposition"] == 'inline; filename="wohnung-finden-de.pdf"'
    assert response["Cache-Control"] == "public, max-age=60"


def test_an_unchanged_pdf_is_not_sent_again(client, guide):
    first = client.get(PDF.format(lang="de", slug="wohnung-finden"))
    again = client.get(PDF.format(lang="de", slug="wohnung-finden"), headers={"If-None-Match": first["ETag"]})
    assert again.status_code == 304 and again.content == b""
    guide.title = "Wohnung suchen"
    guide.save_revision().publish()
    changed = client.get(PDF.format(lang="de", slug="wohnung-finden"), headers={"If-None-Match": first["ETag"]})
    assert changed.status_code == 200 and changed["ETag"] != first["ETag"]


def test_the_german_pdf_prints_every_block_the_notices_and_the_review_date(guide):
    pages = printed_text(handout("de", "wohnung-finden").document())
    text = " ".join(pages)
    for expected in [
        "Wohnung finden", "Tipps für die Suche.", "Ein Absatz.", "Eine Überschrift", "So geht es", "Erstens",
        "Termin buchen.", "Mitbringen", "Pass", "Foto", "Fragen", "Was kostet es?", "Nichts.",
        "Hier hilft man Ihnen", "Beratung im Verein", "Antragsformular", "(PDF)", "Mehr dazu",
        "(https://example.org/)", "Ein Video", "Zuletzt geprüft: 3. November 2026",
        "http://localhost/de/guides/wohnung-finden/",
    ]:
        assert expected in text, expected
    for number, page in enumerate(pages, start=1):
        assert "Willkommenszentrum Leipzig" in page or "Welcome Centre Leipzig" in page
        assert f"{number} / {len(pages)}" in page


def test_the_pdf_shows_the_guides_image_from_the_media_storage(guide):
    from weasyprint.formatting_structure.boxes import InlineReplacedBox

    document = handout("de", "wohnung-finden").document()
    images = [box for page in document.pages for box in page._page_box.descendants() if isinstance(box, InlineReplacedBox)]
    # The body's image and the QR code: both were found (a missing image is no replaced box).
    assert len(images) == 2


def test_a_handout_fetches_nothing_but_our_images(guide):
    from website.pdf import MediaFetcher

    fetcher = MediaFetcher("http://localhost")
    for url in ["https://example.org/tracker.png", "http://localhost/admin/", "file:///etc/passwd",
                "http://localhost/media/documents/antrag.pdf", "http://localhost/media/images/../../secret"]:
        with pytest.raises(ValueError):
            fetcher.fetch(url)
    # An address the fetcher refuses leaves the image out; the hand-out is still made.
    result = handout("de", "wohnung-finden")
    document = type(result)(html=result.html.replace("</article>", '<img src="https://example.org/x.png"></article>'),
                            site_url=result.site_url).document()
    assert "Wohnung finden" in printed_text(document)[0]


def test_the_arabic_pdf_is_right_to_left_and_in_arabic(client, guide):
    translate(guide, "ar", title="العثور على سكن", summary="نصائح للبحث.")
    result = handout("ar", "wohnung-finden")
    assert '<html lang="ar" dir="rtl">' in result.html
    document = result.document()
    root = document.pages[0]._page_box.children[0]
    assert root.element_tag == "html" and root.style["direction"] == "rtl"
    text = " ".join(printed_text(document))
    assert "العثور على سكن" in text and "نصائح للبحث." in text
    assert "تنزيل" not in text  # the website's own buttons are not printed
    pdf = client.get(PDF.format(lang="ar", slug="wohnung-finden")).content
    assert pdf.startswith(b"%PDF-")
    # The title's ع begins "على" and stands inside "العثور": a font has its letters and they are shaped.
    assert max(len(glyphs) for glyphs in glyphs_of(pdf, "ع")) >= 2


def test_german_fallback_in_an_arabic_pdf_keeps_its_own_direction(guide):
    html = handout("ar", "wohnung-finden").html
    assert '<h1 lang="de" dir="ltr">Wohnung finden</h1>' in html


def test_the_qr_code_leads_to_the_guides_page_in_the_readers_language(guide):
    html = handout("uk", "wohnung-finden").html
    url = "http://localhost/uk/guides/wohnung-finden/"
    svg = re.search(r"<svg.*?</svg>", html, re.S).group(0)
    expected = segno.make(url, error="m")
    drawn = qr_modules(svg)
    assert drawn == {
        (x + 2, y + 2) for y, row in enumerate(expected.matrix) for x, dark in enumerate(row) if dark
    }
    assert f'<a href="{url}" dir="ltr">{url}</a>' in html


def test_the_machine_translation_notice_is_printed(site_tree, people):  # noqa: F811
    translator, _reviewer = people
    guide, _translation = machine_translated_guide(site_tree, translator, title="Aufenthalt")
    assert 'class="notice notice-machine"' in handout("ar", guide.slug).html
    assert 'class="notice notice-machine"' not in handout("de", guide.slug).html


@pytest.mark.parametrize("how", HIDDEN)
def test_a_hidden_guide_has_no_pdf(client, guide, how):
    hide(guide, how)
    assert client.get(PDF.format(lang="de", slug="wohnung-finden")).status_code == 404


def test_an_unknown_guide_or_language_has_no_pdf(client, guide):
    assert client.get(PDF.format(lang="de", slug="gibt-es-nicht")).status_code == 404
    assert client.get(PDF.format(lang="xx", slug="wohnung-finden")).status_code == 404


def test_the_guide_page_links_to_its_pdf_and_offers_printing(client, guide):
    html = client.get("/ar/guides/wohnung-finden/").content.decode()
    assert 'href="/ar/guides/wohnung-finden/handout.pdf"' in html
    assert "تنزيل بصيغة PDF (للطباعة)" in html and "طباعة" in html
