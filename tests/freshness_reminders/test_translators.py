"""Each language's translators get that language's outdated (and missing) translations, in the same one e-mail."""

from django.contrib.auth.models import Group, Permission
from wagtail.models import GroupPagePermission, Page

from tests.factories import GuidePageFactory
from tests.freshness_reminders.conftest import person
from tests.translation.conftest import publish, translate_and_publish
from translation.review import TRANSLATORS_GROUP


def test_translators_get_their_languages(week, site_tree, django_user_model):
    guide = publish(GuidePageFactory(parent=site_tree.guides, title="Aufenthalt", summary="Die Duldung erklärt."))
    translate_and_publish(guide, "ar")
    translate_and_publish(guide, "uk")
    other = publish(GuidePageFactory(parent=site_tree.guides, title="Arbeit", summary="Arbeit finden."))
    translate_and_publish(other, "ar")
    publish(guide, summary="Die Duldung, neu erklärt.")  # both translations of it are outdated now

    everyone = person(django_user_model, "tamara", group=Group.objects.get(name=TRANSLATORS_GROUP))
    ukrainian = Group.objects.create(name="Übersetzung Ukrainisch")
    uk_root = Page.objects.get(depth=2, locale__language_code="uk")
    GroupPagePermission.objects.create(group=ukrainian, page=uk_root, permission=Permission.objects.get(codename="change_page"))
    person(django_user_model, "olena", group=ukrainian)
    reviewer = person(django_user_model, "rita")  # may also publish there: not a translator
    reviewer.groups.add(Group.objects.get(name="Translation reviewers"))

    sent = week.run()

    assert {"tamara@example.org", "olena@example.org"} <= set(sent)
    assert "rita@example.org" not in sent
    olena = sent["olena@example.org"].text
    assert "Translations into" in olena and "Aufenthalt" in olena
    assert "Arbeit" in olena  # not translated into Ukrainian yet
    assert "العربية" not in olena
    tamara = sent["tamara@example.org"].text
    assert tamara.count("Translations into") == 2
    assert everyone.email in sent


def test_up_to_date_translations_send_nothing(week, site_tree, django_user_model):
    guide = publish(GuidePageFactory(parent=site_tree.guides, title="Aufenthalt", summary="Die Duldung erklärt."))
    for code in ("ar", "uk"):
        translate_and_publish(guide, code)
    person(django_user_model, "tamara", group=Group.objects.get(name=TRANSLATORS_GROUP))
    sent = week.run()
    assert "tamara@example.org" not in sent
