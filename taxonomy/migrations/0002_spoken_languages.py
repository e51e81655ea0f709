"""Reference data: the languages counselling is most often offered in, in Leipzig."""

from django.db import migrations

LANGUAGES = [
    ("de", "Deutsch", "Deutsch"),
    ("en", "English", "Englisch"),
    ("ar", "العربية", "Arabisch"),
    ("fa", "فارسی", "Persisch (Farsi)"),
    ("prs", "دری", "Dari"),
    ("ps", "پښتو", "Paschtu"),
    ("uk", "Українська", "Ukrainisch"),
    ("ru", "Русский", "Russisch"),
    ("tr", "Türkçe", "Türkisch"),
    ("kmr", "Kurmancî", "Kurdisch (Kurmandschi)"),
    ("fr", "Français", "Französisch"),
    ("ti", "ትግርኛ", "Tigrinya"),
    ("es", "Español", "Spanisch"),
    ("pl", "Polski", "Polnisch"),
    ("vi", "Tiếng Việt", "Vietnamesisch"),
    ("so", "Soomaali", "Somali"),
    ("ur", "اردو", "Urdu"),
    ("sq", "Shqip", "Albanisch"),
    ("ro", "Română", "Rumänisch"),
    ("bg", "Български", "Bulgarisch"),
    ("dgs", "Deutsche Gebärdensprache", "Deutsche Gebärdensprache"),
]


def create_languages(apps, schema_editor):
    SpokenLanguage = apps.get_model("taxonomy", "SpokenLanguage")
    for code, native_name, german_name in LANGUAGES:
        SpokenLanguage.objects.update_or_create(
            code=code, defaults={"native_name": native_name, "german_name": german_name}
        )


class Migration(migrations.Migration):
    dependencies = [("taxonomy", "0001_initial")]
    operations = [migrations.RunPython(create_languages, migrations.RunPython.noop)]
