"""
Content that needs a look, so the freshness dashboard has something in each of its lists
(issue 15): which guide's German text changed after it was translated, which guide arrives
as a machine translation waiting for a reviewer, and which address no longer answers.
"""

from demo.keys import demo_text

#: A translated service whose German text was revised afterwards: its translations are outdated.
REVISED_SERVICE = "ukrainisch-beratung"
REVISION = "<p>Neu: Die Beratung gibt es jetzt auch als Videosprechstunde.</p>"

#: A guide translated by machine into one language and waiting for a reviewer, with what
#: the (demo) provider answers for each of its strings.
MACHINE_GUIDE = "familiennachzug"
MACHINE_LANGUAGE = "en"
MACHINE_STRINGS = {
    "familiennachzug": "family-reunification",
    "Familiennachzug": "Family reunification",
    demo_text("Wann Ehepartner und Kinder nachziehen dürfen und wie der Antrag abläuft."): demo_text(
        "When spouses and children may join you and how the application works.", "en"
    ),
    "Für anerkannte Flüchtlinge gilt eine Frist von drei Monaten für den erleichterten Nachzug.": (
        "For recognised refugees, a three-month deadline applies to simplified family reunification."
    ),
}

#: A partner's website that no longer exists (``.invalid`` never resolves), and what the
#: link checker records for it: the state its daily round would find.
DEAD_ADDRESS = "https://sprachbruecke-leipzig.invalid/"

#: What readers told us: a mistake report on a guide (in the language it was read in) and
#: ratings. Rows as the ``reportMistake``/``rateItem`` mutations store them: no personal data.
MISTAKE_GUIDE = "anmeldung"
MISTAKE_LANGUAGE = "ar"
MISTAKE_TEXT = "Die Telefonnummer des Bürgeramts stimmt nicht mehr, dort meldet sich niemand."
RATINGS = {"krankenversicherung": {"helpful": 6, "not_helpful": 1}, "arbeit-finden": {"helpful": 1, "not_helpful": 4}}
