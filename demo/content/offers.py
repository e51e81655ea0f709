"""
Help offers and requests, answers, reports and room requests, invented for the demo.

Each listing is written in its submitter's own language (``language``) and ends in the
state named by ``state`` (``offers.choices.Status``); ``days`` is how many days before
the load it was submitted, so the demo stays current. ``partner`` addresses it to a
partner (whose staff moderate it), ``reports`` are readers' unresolved reports, and
``conversation`` is an answer relayed both ways. ``machine`` holds what the demo's
machine translator answers for it (``demo.translator``): the one listing of the demo
that is machine-translated. Two pairs match each other (winter clothes, the flat in
Grünau): same kind, a shared topic and district.

Names and addresses are invented; every e-mail address is at example.org, where no mail
is ever delivered. Descriptions start with the demo mark in their own language.
"""

SUBMITTERS = {
    "katrin": {"email": "katrin.vogel@example.org", "name": "Katrin Vogel", "language": "de"},
    "samira": {"email": "samira.h@example.org", "name": "Samira Haddad", "language": "ar", "phone": "+49 341 5550101"},
    "jonas": {"email": "jonas.lehmann@example.org", "name": "Jonas Lehmann", "language": "de"},
    "olena": {"email": "olena.k@example.org", "name": "Olena Kovalenko", "language": "uk"},
    "logistik": {
        "email": "ausbildung@logistik-nord.example.org", "name": "Sandra Winkler", "language": "de",
        "organisation": "Logistikzentrum Leipzig-Nord GmbH (Demo)", "phone": "+49 341 5550199",
    },
    "hausverwaltung": {
        "email": "vermietung@hv-gruenau.example.org", "name": "Thomas Berger", "language": "de",
        "organisation": "Hausverwaltung Grünau (Demo)",
    },
    "mariam": {"email": "mariam.a@example.org", "name": "Mariam Al-Khatib", "language": "ar"},
    "petra": {"email": "petra.schulze@example.org", "name": "Petra Schulze", "language": "de"},
    "initiative": {
        "email": "lernen@nachbarn-ost.example.org", "name": "Aylin Demir", "language": "de",
        "organisation": "Lernpaten Ost (Demo)",
    },
    "dmytro": {"email": "dmytro.p@example.org", "name": "Dmytro Petrenko", "language": "uk"},
    "imbiss": {
        "email": "kueche@suedvorstadt.example.org", "name": "Hoang Nguyen", "language": "de",
        "organisation": "Restaurant Südvorstadt (Demo)",
    },
    "werkstatt": {
        "email": "hallo@radwerk-plagwitz.example.org", "name": "Lisa Krause", "language": "de",
        "organisation": "Radwerkstatt Plagwitz (Demo)",
    },
    "unbekannt": {"email": "schnell.geld@example.org", "name": "M. Schmidt", "language": "de"},
    "ahmad": {"email": "ahmad.r@example.org", "name": "Ahmad Rahimi", "language": "ar"},
    "groups": {
        "email": "raeume@kulturverein-syrien.example.org", "name": "Nour Aldin", "language": "ar",
        "organisation": "Syrischer Kulturverein Leipzig (Demo)",
    },
    "eltern": {"email": "kontakt@mehrsprachig.example.org", "name": "Julia Wagner", "language": "de"},
    "ukrhaus": {"email": "info@ukrhaus.example.org", "name": "Iryna Melnyk", "language": "uk"},
}

LISTINGS = [
    # Public offers and requests -------------------------------------------------------
    {
        "key": "winterjacken", "state": "approved", "days": 6, "submitter": "katrin", "language": "de",
        "direction": "offer", "kind": "donation", "district": "ost", "topics": ["kinder-schule-kita"],
        "languages": ["de", "en"],
        "title": "Kinderwinterjacken Gr. 104–128 abzugeben",
        "description": (
            "Vier warme Winterjacken (Gr. 104, 110, 122 und 128) und zwei Paar Schneehosen, gewaschen "
            "und gut erhalten. Abholung in Reudnitz, gern auch mehrere Teile an eine Familie."
        ),
    },
    {
        "key": "winterkleidung-gesucht", "state": "approved", "days": 3, "submitter": "samira", "language": "ar",
        "direction": "request", "kind": "donation", "district": "ost", "topics": ["kinder-schule-kita"],
        "languages": ["ar", "de"],
        "title": "أبحث عن ملابس شتوية لطفلين (4 و7 سنوات)",
        "description": (
            "وصلنا إلى لايبزيغ قبل شهر ونسكن في فولكمارسدورف. نحتاج إلى معطفين شتويين وأحذية شتوية "
            "لابنتي (4 سنوات) وابني (7 سنوات). يمكنني الاستلام بنفسي في شرق لايبزيغ."
        ),
    },
    {
        "key": "tandem-deutsch-arabisch", "state": "approved", "days": 10, "submitter": "jonas", "language": "de",
        "direction": "offer", "kind": "tandem", "district": "suedwest", "topics": ["sprachkurse"],
        "languages": ["de", "ar"],
        "title": "Sprachtandem Deutsch–Arabisch",
        "description": (
            "Ich studiere Arabistik und suche jemanden, der mit mir Arabisch spricht. Im Gegenzug übe "
            "ich gern Deutsch mit dir, etwa für die B1-Prüfung. Treffen einmal pro Woche in Plagwitz "
            "oder online."
        ),
    },
    {
        "key": "tandem-gesucht", "state": "approved", "days": 2, "submitter": "olena", "language": "uk",
        "direction": "request", "kind": "tandem", "district": "mitte", "topics": ["sprachkurse"],
        "languages": ["uk", "de"],
        "title": "Шукаю мовного партнера: німецька–українська",
        "description": (
            "Я вчителька з Харкова, зараз відвідую інтеграційний курс (рівень B1). Шукаю когось, хто "
            "хоче розмовляти німецькою; натомість охоче допоможу з українською. Зустрічі в центрі міста."
        ),
    },
    {
        "key": "ausbildung-lagerlogistik", "state": "approved", "days": 5, "submitter": "logistik", "language": "de",
        "direction": "offer", "kind": "apprenticeship", "district": "nord", "topics": ["arbeit"],
        "languages": ["de", "en"],
        "title": "Ausbildungsplatz Fachkraft für Lagerlogistik",
        "description": (
            "Wir bilden ab dem 1. September zur Fachkraft für Lagerlogistik aus (3 Jahre). Deutsch auf "
            "Niveau B1 genügt, wir unterstützen beim Berufsschulstoff. Ein Praktikumstag vorab ist möglich."
        ),
        # What the demo's machine translator answers: as a provider would, unchecked by a person.
        "machine": {
            "en": {
                "title": "Apprenticeship position warehouse logistics specialist",
                "description": (
                    "We train as a warehouse logistics specialist from 1 September (3 years). German at "
                    "level B1 is sufficient, we support with the vocational school material. A trial day "
                    "in advance is possible."
                ),
            },
            "ar": {
                "title": "مكان تدريب مهني أخصائي لوجستيات المستودعات",
                "description": (
                    "نقوم بالتدريب ابتداءً من 1 سبتمبر كأخصائي لوجستيات المستودعات (3 سنوات). اللغة "
                    "الألمانية بمستوى B1 كافية، ونقدم الدعم في مواد المدرسة المهنية. يمكن يوم تدريب مسبق."
                ),
            },
            "uk": {
                "title": "Місце для навчання фахівець зі складської логістики",
                "description": (
                    "Ми навчаємо з 1 вересня на фахівця зі складської логістики (3 роки). Німецької на "
                    "рівні B1 достатньо, ми підтримуємо з матеріалом професійної школи. Можливий "
                    "пробний день заздалегідь."
                ),
            },
        },
    },
    {
        "key": "wohnung-gruenau", "state": "approved", "days": 8, "submitter": "hausverwaltung", "language": "de",
        "direction": "offer", "kind": "housing", "district": "west", "topics": ["wohnen"],
        "languages": ["de"],
        "title": "2-Zimmer-Wohnung in Grünau, ab sofort",
        "description": (
            "52 m², 4. Stock mit Aufzug, Balkon, Warmmiete 590 €. Straßenbahn 1 vor der Tür, Schule und "
            "Kita in der Nähe. Wohnberechtigungsschein und Kostenübernahme durch das Jobcenter sind möglich."
        ),
        "conversation": {
            "reader_email": "anna.m@example.org", "reader_language": "uk",
            "messages": [
                ("reader", "Guten Tag, ich interessiere mich für die Wohnung. Wir sind zu zweit, meine Mutter "
                           "und ich. Wann könnten wir sie ansehen?"),
                ("owner", "Guten Tag, gern! Eine Besichtigung ist am Samstag um 11 Uhr möglich. Bitte bringen "
                          "Sie, wenn vorhanden, den Bescheid des Jobcenters mit."),
                ("reader", "Samstag um 11 Uhr passt uns gut. Vielen Dank, bis dann!"),
            ],
        },
    },
    {
        "key": "wohnung-gesucht", "state": "approved", "days": 4, "submitter": "dmytro", "language": "uk",
        "direction": "request", "kind": "housing", "district": "west", "topics": ["wohnen"],
        "languages": ["uk", "ru", "de"],
        "title": "Шукаю 2-кімнатну квартиру в Грюнау або Лінденау",
        "description": (
            "Я з дружиною та донькою (5 років) живу в гуртожитку. Джобцентр покриває оренду. Шукаємо "
            "2-кімнатну квартиру на заході Лейпцига, бажано біля школи та дитсадка."
        ),
    },
    {
        "key": "mentoring-pflege", "state": "approved", "days": 12, "submitter": "petra", "language": "de",
        "direction": "offer", "kind": "mentoring", "district": "mitte", "topics": ["arbeit", "gesundheit"],
        "languages": ["de", "en"],
        "title": "Mentorin für den Berufseinstieg in der Pflege",
        "description": (
            "Ich bin Pflegefachfrau im Ruhestand und begleite eine Person auf dem Weg in die Pflege: "
            "Anerkennung des Abschlusses, Bewerbung, Fachbegriffe. Etwa zwei Stunden alle zwei Wochen."
        ),
    },
    {
        "key": "hausaufgabenhilfe", "state": "approved", "days": 9, "submitter": "initiative", "language": "de",
        "direction": "request", "kind": "volunteering", "district": "ost", "topics": ["kinder-schule-kita", "ehrenamt"],
        "languages": ["de"],
        "title": "Ehrenamtliche für Hausaufgabenhilfe gesucht",
        "description": (
            "Unsere Lernpaten helfen Grundschulkindern in der Eisenbahnstraße bei den Hausaufgaben, "
            "montags und mittwochs von 15 bis 17 Uhr. Wir suchen Verstärkung; Arabisch- oder "
            "Dari-Kenntnisse sind willkommen, aber keine Bedingung."
        ),
    },
    {
        "key": "praktikum-kita", "state": "approved", "days": 7, "submitter": "mariam", "language": "ar",
        "direction": "request", "kind": "internship", "district": "nordost", "topics": ["kinder-schule-kita", "arbeit"],
        "languages": ["ar", "de", "en"],
        "title": "أبحث عن تدريب عملي في روضة أطفال",
        "description": (
            "كنت أعمل معلمة رياض أطفال في حلب، وأتعلم الألمانية الآن في المستوى B2. أبحث عن تدريب عملي "
            "لمدة ثلاثة أشهر في روضة أطفال في لايبزيغ تمهيداً للاعتراف بشهادتي."
        ),
    },
    {
        "key": "kuechenhilfe", "state": "approved", "days": 1, "submitter": "imbiss", "language": "de",
        "direction": "offer", "kind": "job", "district": "sued", "topics": ["arbeit"],
        "languages": ["de", "en"],
        "title": "Küchenhilfe in Teilzeit, Restaurant in der Südvorstadt",
        "description": (
            "20 Stunden pro Woche, vormittags, Mindestlohn plus Trinkgeld. Erfahrung ist nicht nötig, "
            "wir lernen dich ein. Eine Arbeitserlaubnis brauchst du; wir helfen beim Antrag."
        ),
    },
    {
        "key": "gemeinschaftsraum", "state": "approved", "days": 11, "submitter": "jonas", "language": "de",
        "direction": "offer", "kind": "room", "district": "alt-west", "topics": ["ehrenamt", "kultur-sport"],
        "languages": ["de"],
        "title": "Gemeinschaftsraum für Gruppen in Lindenau, abends frei",
        "description": (
            "Unser Hausprojekt hat einen Raum für bis zu 25 Personen mit Küche. Dienstags und donnerstags "
            "ab 18 Uhr kostenlos für Selbstorganisationen, Sprachgruppen und Elterntreffen."
        ),
    },
    {
        "key": "fahrraeder", "state": "approved", "days": 14, "submitter": "katrin", "language": "de",
        "direction": "offer", "kind": "donation", "district": "suedost", "topics": ["ankommen"],
        "languages": ["de"],
        "title": "Zwei Erwachsenenfahrräder zu verschenken",
        "description": (
            "Ein Damen- und ein Herrenrad, 28 Zoll, fahrbereit, mit Licht und Schloss. Abholung in "
            "Probstheida nach Absprache."
        ),
        "reports": [("outdated", "Ich habe angefragt, die Räder sind wohl schon vergeben.")],
    },
    # In the moderators' queue -----------------------------------------------------------
    {
        "key": "sofa", "state": "pending", "days": 1, "submitter": "petra", "language": "de",
        "partner": "nachbarschaftsnetz-ost",
        "direction": "offer", "kind": "donation", "district": "ost", "topics": ["wohnen"],
        "languages": ["de"],
        "title": "Sofa und Esstisch mit vier Stühlen abzugeben",
        "description": (
            "Wegen Umzugs abzugeben: Schlafsofa (grau) und ein Esstisch mit vier Stühlen, in gutem "
            "Zustand. Abholung in Volkmarsdorf, Tragehilfe ist da."
        ),
    },
    {
        "key": "mathe-nachhilfe", "state": "pending", "days": 0, "submitter": "olena", "language": "uk",
        "direction": "offer", "kind": "volunteering", "district": "mitte", "topics": ["kinder-schule-kita"],
        "languages": ["uk", "ru", "de"],
        "title": "Безкоштовні уроки математики для школярів",
        "description": (
            "Я вчителька математики. Двічі на тиждень безкоштовно допомагаю учням 5–10 класів з "
            "математикою українською, російською або німецькою, у бібліотеці в центрі."
        ),
    },
    # Waiting for the e-mail confirmation ---------------------------------------------
    {
        "key": "tandem-unbestaetigt", "state": "unconfirmed", "days": 0, "submitter": "ahmad", "language": "ar",
        "direction": "request", "kind": "tandem", "district": "nordwest", "topics": ["sprachkurse"],
        "languages": ["ar", "fa", "de"],
        "title": "تبادل لغوي: العربية والفارسية مقابل الألمانية",
        "description": "أتكلم العربية والفارسية وأبحث عن شخص يتحدث معي الألمانية مرة في الأسبوع في حي ليندنتال.",
    },
    # Ended --------------------------------------------------------------------------------
    {
        "key": "heimarbeit", "state": "rejected", "days": 5, "submitter": "unbekannt", "language": "de",
        "direction": "offer", "kind": "job", "district": "", "topics": ["arbeit"], "languages": [],
        "title": "Sehr gut bezahlte Heimarbeit, keine Vorkenntnisse",
        "description": "Verdienen Sie bis zu 3000 € im Monat von zu Hause. Melden Sie sich schnell, nur wenige Plätze!",
        "reason": (
            "Die Anzeige nennt weder den Arbeitgeber noch die Tätigkeit. Zum Schutz der Lesenden "
            "veröffentlichen wir nur Stellen, bei denen beides klar ist."
        ),
    },
    {
        "key": "praktikum-fahrradwerkstatt", "state": "expired", "days": 75, "submitter": "werkstatt", "language": "de",
        "direction": "offer", "kind": "internship", "district": "suedwest", "topics": ["arbeit"],
        "languages": ["de", "en"],
        "title": "Praktikum in einer Fahrradwerkstatt in Plagwitz",
        "description": (
            "Vier Wochen Praktikum zum Reinschnuppern: Reparaturen, Verkauf, Werkzeugkunde. Gut für alle, "
            "die eine Ausbildung zur Zweiradmechatronikerin oder zum Zweiradmechatroniker überlegen."
        ),
    },
    {
        "key": "zimmer-connewitz", "state": "withdrawn", "days": 20, "submitter": "dmytro", "language": "uk",
        "direction": "offer", "kind": "housing", "district": "sued", "topics": ["wohnen"],
        "languages": ["uk", "de"],
        "title": "Кімната в Конневіці на три місяці",
        "description": "Мебльована кімната у спільній квартирі, 320 € на місяць, для жінки або студентки.",
    },
]

#: Room requests for the Stadthaus' rooms. ``day`` and ``time`` are relative to the load
#: like events'; "pending-overlap" collides with the demo event in that room (the planner
#: shows the clash), "confirmed" is published as an event through the real decision.
ROOM_REQUESTS = [
    {
        "state": "pending-overlap", "room": ("stadthaus", "Seminarraum 2.05"), "submitter": "eltern", "language": "de",
        "group": "Elterninitiative Mehrsprachig aufwachsen (Demo)",
        "title": "Elterntreffen: Mehrsprachig aufwachsen",
        "description": "Austausch von Eltern über Mehrsprachigkeit in Familie, Kita und Schule, mit Kinderbetreuung.",
        "day": 9, "time": "14:00", "hours": 3, "attendees": 15,
    },
    {
        "state": "pending", "room": ("stadthaus", "Saal im Erdgeschoss"), "submitter": "groups", "language": "ar",
        "group": "Syrischer Kulturverein Leipzig (Demo)",
        "title": "Lesung und Gespräch: Geschichten vom Ankommen",
        "description": "Drei Autorinnen lesen auf Arabisch und Deutsch, danach Gespräch und Tee.",
        "day": 18, "time": "18:00", "hours": 3, "attendees": 60,
    },
    {
        "state": "confirmed", "room": ("stadthaus", "Saal im Erdgeschoss"), "submitter": "ukrhaus", "language": "uk",
        "partner": "ukrainischer-kulturverein", "group": "Ukrainischer Kulturverein Leipzig",
        "title": "Bewerbungsworkshop für Ukrainerinnen und Ukrainer",
        "description": "Lebenslauf, Anschreiben und Anerkennung von Abschlüssen, mit Übersetzung ins Ukrainische.",
        "day": 11, "time": "15:00", "hours": 3, "attendees": 40,
    },
]
