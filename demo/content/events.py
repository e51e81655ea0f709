"""
Events, with dates relative to the day the demo is loaded so that there is always
something coming up. ``day`` is the offset in days from that day, ``time`` the local
start (Europe/Berlin), ``hours`` the duration. ``rule`` is an RRULE; a recurring event
starts on the rule's first date on or after that day, so a text that says "every
Tuesday" falls on Tuesdays whatever the day the demo is loaded. ``cancel`` lists
occurrence numbers (0 = the first) that do not take place. ``room`` names a room of the
place (it blocks that room for room requests). ``parent`` is
``"index"`` (the Welcome Centre's own events) or a partner key.
"""

EVENTS = [
    {
        "key": "sprachcafe", "parent": "nachbarschaftsnetz-ost",
        "title": "Sprachcafé Ost", "summary": "Jeden Dienstag Deutsch sprechen bei Tee und Kuchen, ohne Anmeldung.",
        "day": 1, "time": "17:00", "hours": 2, "rule": "FREQ=WEEKLY;BYDAY=TU;COUNT=30", "cancel": [3],
        "place": "eisenbahnstrasse", "topics": ["sprachkurse", "ehrenamt"], "audiences": ["neuankommende"], "languages": ["de", "ar", "fa"],
        "translations": {
            "en": {"title": "Language café East", "summary": "Speak German every week over tea and cake, no registration needed."},
            "ar": {"title": "المقهى اللغوي في الشرق", "summary": "تحدّث الألمانية كل أسبوع مع الشاي والكعك، دون تسجيل مسبق."},
            "uk": {"title": "Мовне кафе Схід", "summary": "Щотижня розмовляйте німецькою за чаєм і тортом, без реєстрації."},
        },
    },
    {
        "key": "infoabend-anmeldung", "parent": "index",
        "title": "Infoabend: Ankommen in Leipzig", "summary": "Die wichtigsten ersten Schritte, mit Dolmetschung in Arabisch und Ukrainisch.",
        "day": 3, "time": "18:00", "hours": 2, "place": "stadthaus", "room": "Saal im Erdgeschoss", "topics": ["ankommen"], "audiences": ["neuankommende"],
        "languages": ["de", "ar", "uk"], "registration": "recommended",
        "translations": {
            "en": {"title": "Information evening: arriving in Leipzig", "summary": "The key first steps, with interpreting into Arabic and Ukrainian."},
            "ar": {"title": "أمسية إعلامية: الوصول إلى لايبزيغ", "summary": "أهم الخطوات الأولى، مع ترجمة فورية إلى العربية والأوكرانية."},
            "uk": {"title": "Інформаційний вечір: прибуття до Лейпцига", "summary": "Найважливіші перші кроки з перекладом арабською та українською."},
        },
    },
    {
        "key": "online-sprechstunde", "parent": "index",
        "title": "Online-Sprechstunde des Welcome Centers", "summary": "Fragen per Video stellen, jeden zweiten Donnerstag.",
        "day": 2, "time": "10:00", "hours": 1, "rule": "FREQ=WEEKLY;INTERVAL=2;BYDAY=TH;COUNT=12",
        "online": "https://meet.example.org/welcome-center", "topics": ["beratung"], "audiences": ["neuankommende"], "languages": ["de", "en"],
        "translations": {
            "en": {"title": "Welcome Center online consultation", "summary": "Ask your questions by video, every other Thursday."},
            "ar": {"title": "ساعات الاستشارة عبر الإنترنت لمركز الترحيب", "summary": "اطرح أسئلتك عبر الفيديو، كل يوم خميس ثانٍ."},
            "uk": {"title": "Онлайн-консультація Welcome Center", "summary": "Ставте запитання по відео, кожен другий четвер."},
        },
    },
    {
        "key": "schulung-ehrenamt", "parent": "index",
        "title": "Schulung für Ehrenamtliche: Asylrecht kompakt", "summary": "Grundlagen des Asylrechts für alle, die Geflüchtete begleiten.",
        "day": 9, "time": "10:00", "hours": 6, "place": "stadthaus", "room": "Seminarraum 2.05", "topics": ["asyl", "ehrenamt"], "audiences": ["ehrenamtliche"],
        "languages": ["de"], "registration": "required", "registration_url": "https://example.org/anmeldung",
    },
    {
        "key": "elternabend-kita", "parent": "index",
        "title": "Fortbildung für Kita-Teams: Eingewöhnung mehrsprachig", "summary": "Praxisnahe Fortbildung für Erzieherinnen und Erzieher.",
        "day": 16, "time": "14:00", "hours": 3, "place": "stadthaus", "topics": ["kinder-schule-kita"], "audiences": ["kitas"],
        "languages": ["de"], "registration": "required", "free": False, "cost": "15 €",
    },
    {
        "key": "lehrkraefte-workshop", "parent": "index",
        "title": "Workshop für Lehrkräfte: DaZ im Fachunterricht", "summary": "Sprachsensibel unterrichten – online, mit Material zum Mitnehmen.",
        "day": 12, "time": "15:00", "hours": 2, "online": "https://meet.example.org/daz", "topics": ["kinder-schule-kita", "sprachkurse"],
        "audiences": ["schulen"], "languages": ["de"], "registration": "required",
    },
    {
        "key": "sportfest", "parent": "eintracht-ost",
        "title": "Interkulturelles Sportfest", "summary": "Fußball, Tischtennis und Spiele für Kinder – für alle Nachbarinnen und Nachbarn.",
        "day": 20, "time": "11:00", "hours": 5, "place": "sportpark-ost", "topics": ["kultur-sport"], "audiences": ["neuankommende", "sportvereine"],
        "languages": ["de", "ar", "uk"],
    },
    {
        "key": "offenes-training", "parent": "eintracht-ost",
        "title": "Offenes Fußballtraining", "summary": "Jeden Freitag Fußball für alle ab 16, ohne Anmeldung.",
        "day": 4, "time": "18:00", "hours": 2, "rule": "FREQ=WEEKLY;BYDAY=FR;COUNT=20", "cancel": [2],
        "place": "sportpark-ost", "topics": ["kultur-sport"], "audiences": ["neuankommende"], "languages": ["de", "ar"],
    },
    {
        "key": "ukrainischer-abend", "parent": "ukrainischer-kulturverein",
        "title": "Ukrainischer Kulturabend", "summary": "Musik, Lesung und Essen aus der Ukraine, mit Kinderprogramm.",
        "day": 10, "time": "18:30", "hours": 3, "place": "plagwitz", "topics": ["kultur-sport"], "audiences": ["neuankommende"],
        "languages": ["uk", "de"], "free": False, "cost": "Spende erbeten",
        "translations": {
            "en": {"title": "Ukrainian cultural evening", "summary": "Music, readings and food from Ukraine, with a programme for children."},
            "ar": {"title": "أمسية ثقافية أوكرانية", "summary": "موسيقى وقراءات وطعام من أوكرانيا، مع برنامج للأطفال."},
            "uk": {"title": "Український культурний вечір", "summary": "Музика, читання та їжа з України, з програмою для дітей."},
        },
    },
    {
        "key": "kinder-samstag", "parent": "ukrainischer-kulturverein",
        "title": "Samstagsschule für Kinder", "summary": "Ukrainisch, Mathematik und Spiele für Kinder von 6 bis 12 Jahren.",
        "day": 5, "time": "10:00", "hours": 3, "rule": "FREQ=WEEKLY;BYDAY=SA;COUNT=15",
        "place": "plagwitz", "topics": ["kinder-schule-kita"], "audiences": ["neuankommende"], "languages": ["uk"],
    },
    {
        "key": "frauenfruehstueck", "parent": "frauennetzwerk",
        "title": "Frauenfrühstück", "summary": "Einmal im Monat: Frühstück, Austausch und eine kurze Info zu einem Thema.",
        "day": 6, "time": "10:00", "hours": 2, "rule": "FREQ=MONTHLY;COUNT=6",
        "place": "eisenbahnstrasse", "topics": ["gesundheit", "beratung"], "audiences": ["neuankommende"], "languages": ["ar", "kmr", "de"],
    },
    {
        "key": "jobmesse", "parent": "jobcenter",
        "title": "Jobmesse für Neuzugewanderte", "summary": "Über 30 Betriebe aus Leipzig stellen sich vor und suchen Personal.",
        "day": 25, "time": "10:00", "hours": 5, "place": "neues-rathaus", "topics": ["arbeit"], "audiences": ["neuankommende", "arbeitgeber"],
        "languages": ["de", "en", "ar", "uk"],
    },
    {
        "key": "bewerbungstraining", "parent": "sommer-soehne",
        "title": "Bewerbungstraining im Handwerk", "summary": "Wie schreibe ich eine Bewerbung für eine Ausbildung? Übungen mit Ausbilderinnen.",
        "day": 14, "time": "16:00", "hours": 2, "place": "plagwitz", "topics": ["arbeit"], "audiences": ["neuankommende"],
        "languages": ["de"], "registration": "recommended",
    },
    {
        "key": "gesundheit-vortrag", "parent": "gesundheitslotsen",
        "title": "Vortrag: So funktioniert das Gesundheitssystem", "summary": "Krankenkasse, Hausarzt, Notaufnahme – verständlich erklärt, online.",
        "day": 8, "time": "18:00", "hours": 1, "online": "https://meet.example.org/gesundheit", "topics": ["gesundheit"],
        "audiences": ["neuankommende"], "languages": ["de", "ar", "uk"],
    },
    {
        "key": "einbuergerungsfeier", "parent": "index",
        "title": "Einbürgerungsfeier im Neuen Rathaus", "summary": "Die Stadt feiert ihre neuen Bürgerinnen und Bürger.",
        "day": 30, "time": "15:00", "hours": 2, "place": "neues-rathaus", "topics": ["einbuergerung"], "audiences": ["neuankommende"],
        "languages": ["de"], "registration": "required",
    },
    {
        "key": "vermieter-info", "parent": "index",
        "title": "Infoveranstaltung für Vermieter", "summary": "Wohnraum an Geflüchtete vermieten: Fragen und Antworten.",
        "day": 18, "time": "17:00", "hours": 2, "place": "stadthaus", "topics": ["wohnen"], "audiences": ["vermieter"], "languages": ["de"],
    },
    {
        "key": "stadtfuehrung", "parent": "sprachbruecke",
        "title": "Stadtführung in einfacher Sprache", "summary": "Leipzigs Innenstadt kennenlernen, langsam und verständlich erklärt.",
        "day": 7, "time": "14:00", "hours": 2, "rule": "FREQ=MONTHLY;BYDAY=1SU;COUNT=6",
        "place": "stadtbibliothek", "topics": ["kultur-sport", "ankommen"], "audiences": ["neuankommende"], "languages": ["de"],
    },
]
