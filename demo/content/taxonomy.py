"""The twelve topics of the council's list and the seven audiences, in four languages."""

# slug: (German, English, Arabic, Ukrainian)
TOPICS = {
    "ankommen": ("Ankommen", "Arrival", "الوصول", "Прибуття"),
    "asyl": ("Asyl und Asylrecht", "Asylum and asylum law", "اللجوء وقانون اللجوء", "Притулок і право притулку"),
    "aufenthalt": (
        "Aufenthalt und Einwanderung",
        "Residence and immigration",
        "الإقامة والهجرة",
        "Перебування та імміграція",
    ),
    "einbuergerung": ("Einbürgerung", "Naturalisation", "التجنس", "Натуралізація"),
    "arbeit": ("Arbeit und Ausbildung", "Work and training", "العمل والتدريب المهني", "Робота та навчання"),
    "wohnen": ("Wohnen", "Housing", "السكن", "Житло"),
    "sprachkurse": ("Sprachkurse", "Language courses", "دورات اللغة", "Мовні курси"),
    "gesundheit": ("Gesundheit", "Health", "الصحة", "Здоров'я"),
    "kinder-schule-kita": (
        "Kinder, Schule und Kita",
        "Children, school and kita",
        "الأطفال والمدرسة والحضانة",
        "Діти, школа та дитсадок",
    ),
    "kultur-sport": ("Kultur und Sport", "Culture and sport", "الثقافة والرياضة", "Культура та спорт"),
    "ehrenamt": ("Ehrenamt", "Volunteering", "العمل التطوعي", "Волонтерство"),
    "beratung": ("Beratung", "Counselling", "الاستشارة", "Консультації"),
}

AUDIENCES = {
    "neuankommende": ("Neu Angekommene", "Newcomers", "القادمون الجدد", "Новоприбулі"),
    "ehrenamtliche": ("Ehrenamtliche", "Volunteers", "المتطوعون", "Волонтери"),
    "schulen": ("Schulen", "Schools", "المدارس", "Школи"),
    "kitas": ("Kitas", "Kitas", "دور الحضانة", "Дитсадки"),
    "sportvereine": ("Sportvereine", "Sports clubs", "النوادي الرياضية", "Спортивні клуби"),
    "arbeitgeber": ("Arbeitgeber", "Employers", "أصحاب العمل", "Роботодавці"),
    "vermieter": ("Vermieter", "Landlords", "المؤجرون", "Орендодавці"),
}

LANGUAGES = ("de", "en", "ar", "uk")
