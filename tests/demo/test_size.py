"""``load_demo --size N``: about N synthetic pages in four locale trees, and no more on a rerun."""

from wagtail.models import Page

from .conftest import load_demo


def test_size_makes_about_that_many_pages_once(demo_db):
    before = Page.objects.count()
    load_demo("--size", "200")
    made = Page.objects.count() - before
    assert 180 <= made <= 220

    synthetic = Page.objects.filter(slug__startswith="bench-")
    assert set(synthetic.values_list("locale__language_code", flat=True)) == {"de", "en", "ar", "uk"}
    for page in synthetic.filter(locale__language_code="uk")[:20]:
        assert page.get_parent().locale.language_code == "uk"
        assert page.get_translations().filter(locale__language_code="de").exists()
    assert all(not problems for problems in Page.find_problems())

    load_demo("--size", "200")
    assert Page.objects.count() == before + made
