"""Word lists for the synthetic benchmark data set: varied enough for search and filters."""

SUBJECTS = [
    "Anmeldung", "Aufenthaltstitel", "Arbeitserlaubnis", "Sprachkurs", "Kita-Platz", "Schulanmeldung",
    "Krankenversicherung", "Wohnungssuche", "Kontoeröffnung", "Führerschein", "Anerkennung", "Elterngeld",
    "Kindergeld", "Rundfunkbeitrag", "Mietvertrag", "Bürgergeld", "Ausbildung", "Studium", "Ehrenamt", "Sportverein",
]
QUALIFIERS = [
    "kurz erklärt", "Schritt für Schritt", "für Familien", "für junge Menschen", "in einfacher Sprache",
    "häufige Fragen", "was Sie mitbringen", "Fristen und Kosten",
]
ORGANISATIONS = [
    "Verein", "Initiative", "Netzwerk", "Treffpunkt", "Beratungsstelle", "Projekt", "Werkstatt", "Kollektiv",
]
DISTRICTS = [
    "Connewitz", "Gohlis", "Grünau", "Lindenau", "Plagwitz", "Reudnitz", "Schönefeld", "Paunsdorf",
    "Möckern", "Eutritzsch", "Anger-Crottendorf", "Sellerhausen", "Leutzsch", "Probstheida",
]
KINDS = ["association", "initiative", "migrant_organisation", "welfare_provider", "employer", "education"]
