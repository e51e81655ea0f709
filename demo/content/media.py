"""
Images and documents the loader draws itself (Pillow), so nothing is downloaded.

Images: key -> (title, alternative text, background colour, symbol). Topic tiles are
named ``topic-<slug>``; partner logos are described in ``partners.PARTNERS``.
"""

from demo.content.taxonomy import TOPICS

_TOPIC_COLOURS = [
    "#0b5cab", "#6b2c91", "#2c3e50", "#8e44ad", "#c0392b", "#d35400",
    "#16a085", "#e74c3c", "#f39c12", "#2980b9", "#27ae60", "#7f8c8d",
]

IMAGES = {
    f"topic-{slug}": (f"Themenbild {names[0]}", f"Farbige Kachel mit dem Wort „{names[0]}“", colour, names[0])
    for (slug, names), colour in zip(TOPICS.items(), _TOPIC_COLOURS)
}
IMAGES.update(
    {
        "stadthaus": ("Stadthaus am Burgplatz", "Gezeichnete Fassade des Stadthauses mit Eingang", "#34495e", "Stadthaus"),
        "leipzig": ("Willkommen in Leipzig", "Kachel mit dem Schriftzug Willkommen in Leipzig", "#0b5cab", "Leipzig"),
    }
)

#: Documents: key -> (title, file name, lines of text on the page).
DOCUMENTS = {
    "checkliste-anmeldung": (
        "Checkliste Anmeldung",
        "checkliste-anmeldung.pdf",
        ["Checkliste: Wohnsitz anmelden", "", "[ ] Reisepass oder Ausweis", "[ ] Wohnungsgeberbestätigung", "[ ] Anmeldeformular"],
    ),
    "leitfaden-arbeitgeber": (
        "Leitfaden für Arbeitgeber",
        "leitfaden-arbeitgeber.pdf",
        ["Geflüchtete beschäftigen", "", "1. Arbeitserlaubnis prüfen", "2. Förderung erfragen", "3. Sprachkurs einplanen"],
    ),
    "elternbrief-kita": (
        "Elternbrief Kita (Vorlage)",
        "elternbrief-kita.pdf",
        ["Liebe Eltern,", "", "herzlich willkommen in unserer Kita!", "Welcome! – Willkommen!"],
    ),
    "hausordnung-sport": (
        "Hallenordnung (Vorlage)",
        "hallenordnung.pdf",
        ["Hallenordnung", "", "Hallenschuhe tragen.", "Nach dem Training aufräumen."],
    ),
}
