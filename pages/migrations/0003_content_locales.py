"""Every content locale of settings.WELCOME_LOCALES exists from the first migration on."""

from django.conf import settings
from django.db import migrations


def create_locales(apps, schema_editor):
    Locale = apps.get_model("wagtailcore", "Locale")
    for entry in settings.WELCOME_LOCALES:
        Locale.objects.get_or_create(language_code=entry["code"])


class Migration(migrations.Migration):
    dependencies = [("pages", "0002_initial"), ("wagtailcore", "0001_initial")]
    operations = [migrations.RunPython(create_locales, migrations.RunPython.noop)]
