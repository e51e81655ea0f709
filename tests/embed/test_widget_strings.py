"""The widget's interface strings come from the one catalogue, and translators' edits reach partners' pages."""

import json
import re

from django.conf import settings

from tests.factories import locale
from translation.models import InterfaceLabel

WIDGET = "/embed/widget.js"


def strings_in(response):
    """The ``STRINGS`` object the view filled into the script."""
    source = response.content.decode()
    start = source.index("var STRINGS = ") + len("var STRINGS = ")
    return json.JSONDecoder().raw_decode(source, start)[0]


def names_read_by_the_script(source):
    return set(re.findall(r"""\bt\("([a-zA-Z]+)"\)""", source))


def test_every_string_the_script_reads_is_in_every_locale(client, site_tree):
    response = client.get(WIDGET)
    strings = strings_in(response)
    read = names_read_by_the_script(response.content.decode())
    assert {"empty", "loading", "online", "source", "unavailable"} <= read
    assert set(strings) == {entry["code"] for entry in settings.WELCOME_LOCALES}
    for code, texts in strings.items():
        assert read - set(texts) == set(), code
    assert strings["ar"]["source"] == "معلومات من مركز الترحيب في لايبزيغ"
    assert strings["prs"]["source"] == "Informationen des Willkommenszentrums Leipzig"


def test_a_cms_label_reaches_the_widget(client, site_tree):
    InterfaceLabel.objects.create(key="widget.empty", text="لا شيء هنا الآن.", locale=locale("ar"))
    InterfaceLabel.objects.create(key="common.services", text="خدمات", locale=locale("fa"))
    strings = strings_in(client.get(WIDGET))
    assert strings["ar"]["empty"] == "لا شيء هنا الآن."
    assert strings["fa"]["services"] == "خدمات"
    assert strings["prs"]["services"] == "خدمات"  # Dari falls back to Farsi


def test_a_label_edit_reaches_the_next_response(client, site_tree):
    assert strings_in(client.get(WIDGET))["de"]["empty"] == "Derzeit gibt es nichts anzuzeigen."
    label = InterfaceLabel.objects.create(key="widget.empty", text="Gerade nichts.", locale=locale("de"))
    assert strings_in(client.get(WIDGET))["de"]["empty"] == "Gerade nichts."
    label.text = "Im Moment nichts."
    label.save()
    response = client.get(WIDGET)
    assert strings_in(response)["de"]["empty"] == "Im Moment nichts."
    # Partners' browsers and CDNs see the edit within the script's lifetime.
    assert response["Cache-Control"] == "public, max-age=3600"


def test_the_script_knows_which_locales_read_right_to_left(client, site_tree):
    source = client.get(WIDGET).content.decode()
    assert 'var RTL = ["ar", "fa", "prs", "ps"];' in source


def test_head_is_answered_like_get(client, site_tree):
    """Link checkers and CDNs ask with HEAD; a 405 made them report the widget as broken."""
    response = client.head(WIDGET)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/javascript")
    assert response.content == b""
