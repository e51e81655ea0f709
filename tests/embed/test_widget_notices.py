"""The widget's notices about an item's translation, in the reader's language."""

from tests.embed.test_widget_strings import WIDGET, names_read_by_the_script, strings_in


def test_the_machine_translation_notice_is_read_and_translated(client, site_tree):
    response = client.get(WIDGET)
    assert {"machineNotice", "sourceUpdated"} <= names_read_by_the_script(response.content.decode())
    strings = strings_in(response)
    assert strings["ar"]["machineNotice"] == "تمت ترجمة هذا النص آلياً ولم يراجعه أي شخص بعد."
    assert strings["de"]["machineNotice"] == "Dieser Text wurde maschinell übersetzt und noch nicht von einem Menschen geprüft."
    assert strings["ar"]["sourceUpdated"].startswith("عُدِّلت النسخة الألمانية")
