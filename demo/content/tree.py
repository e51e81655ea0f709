"""The home page and the three section pages, with their translations."""

HOME = {
    "key": "home",
    "slug": "start",
    "title": "Willkommen in Leipzig",
    "intro": (
        "DEMO-INSTALLATION: Alle Inhalte dieser Seite sind erfundene Beispiele des "
        "Willkommenszentrums und keine gültigen Auskünfte."
    ),
    "translations": {
        "en": {"title": "Welcome to Leipzig", "intro": "DEMO INSTALLATION: all content on this site is made-up sample content and not valid information."},
        "ar": {"title": "أهلاً بكم في لايبزيغ", "intro": "نسخة تجريبية: جميع المحتويات في هذا الموقع أمثلة مختلقة وليست معلومات صالحة."},
        "uk": {"title": "Ласкаво просимо до Лейпцига", "intro": "ДЕМО-ВЕРСІЯ: увесь вміст цього сайту — вигадані приклади, а не чинна інформація."},
    },
}

INDEXES = [
    {
        "key": "guides", "model": "guides", "slug": "ratgeber", "title": "Ratgeber",
        "intro": "Schritt für Schritt erklärt: Anmeldung, Aufenthalt, Arbeit, Wohnen und mehr (Demo).",
        "translations": {
            "en": {"title": "Guides", "intro": "Step by step: registration, residence, work, housing and more (demo)."},
            "ar": {"title": "أدلة إرشادية", "intro": "خطوة بخطوة: التسجيل والإقامة والعمل والسكن والمزيد (تجريبي)."},
            "uk": {"title": "Довідники", "intro": "Крок за кроком: реєстрація, перебування, робота, житло та інше (демо)."},
        },
    },
    {
        "key": "events", "model": "events", "slug": "veranstaltungen", "title": "Veranstaltungen",
        "intro": "Infoabende, Sprachcafés, Schulungen und Feste in Leipzig (Demo).",
        "translations": {
            "en": {"title": "Events", "intro": "Information evenings, language cafés, training and festivals in Leipzig (demo)."},
            "ar": {"title": "الفعاليات", "intro": "أمسيات إعلامية ومقاهٍ لغوية ودورات تدريبية واحتفالات في لايبزيغ (تجريبي)."},
            "uk": {"title": "Заходи", "intro": "Інформаційні вечори, мовні кафе, тренінги та свята в Лейпцигу (демо)."},
        },
    },
    {
        "key": "partners", "model": "partners", "slug": "partner", "title": "Partner und Beratung",
        "intro": "Vereine, Initiativen, Träger und Ämter, die Neuzugewanderte beraten (Demo).",
        "translations": {
            "en": {"title": "Partners and counselling", "intro": "Associations, initiatives, providers and offices that advise newcomers (demo)."},
            "ar": {"title": "الشركاء والاستشارات", "intro": "جمعيات ومبادرات وجهات ومكاتب تقدم الاستشارة للقادمين الجدد (تجريبي)."},
            "uk": {"title": "Партнери та консультації", "intro": "Об'єднання, ініціативи, організації та установи, що консультують новоприбулих (демо)."},
        },
    },
]
