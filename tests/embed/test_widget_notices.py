"""The widget's notices about an item's translation, in the reader's language."""

from tests.embed.test_widget_strings import WIDGET, names_read_by_the_script, strings_in


def test_the_machine_translation_notice_is_read_and_translated(client, site_tree):
    response = client.get(WIDGET)
    assert {"machineNotice", "sourceUpdated"} <= names_read_by_the_script(response.content.decode())
    strings = strings_in(response)
    assert strings["ar"]["machineNotice"] == "تمت ترجمة هذا النص آلياً ولم يراجعه أي شخص بعد."
    assert strings["de"]["machineNotice"] == "Dieser Text wurde maschinell übersetzt und noch nicht von einem Menschen geprüft."
    assert strings["ar"]["sourceUpdated"].startswith("عُدِّلت النسخة الألمانية")


def test_every_widget_string_is_translated_into_german_and_arabic(db):
    """Not only found along the fallback chain: the Arabic widget's own text, not German's."""
    from translation.interface_strings import STRINGS, shown_by
    from translation.labels import interface_labels

    for code in ["de", "ar"]:
        labels = interface_labels(code)
        assert [key for key in STRINGS if shown_by(key, "widget") and labels[key].locale != code] == [], code
