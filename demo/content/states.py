"""
One guide in each publishing state an editor meets, labelled as such in the title, so
front ends and the API can be checked against them.
"""

STATE_GUIDES = {
    "draft": {
        "key": "state-draft",
        "title": "[Demo: Entwurf] Deutschlandticket für Geflüchtete",
        "summary": "Dieser Ratgeber ist ein Entwurf und wurde nie veröffentlicht.",
    },
    "unpublished": {
        "key": "state-unpublished",
        "title": "[Demo: Zurückgezogen] Regeln in Gemeinschaftsunterkünften 2023",
        "summary": "Dieser Ratgeber war veröffentlicht und wurde dann zurückgezogen.",
    },
    "private": {
        "key": "state-private",
        "title": "[Demo: Privat] Interne Hinweise für Beratende",
        "summary": "Nur für angemeldete Nutzerinnen und Nutzer sichtbar.",
    },
    "expired": {
        "key": "state-expired",
        "title": "[Demo: Abgelaufen] Winterhilfe 2024/25",
        "summary": "Dieser Ratgeber hatte ein Ablaufdatum, das vorbei ist.",
    },
}
