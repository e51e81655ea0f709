"""
"Page not found" below a language is the website's own page in that language (layout,
``lang`` and ``dir``, a search field, no canonical address), with status 404; elsewhere
Django's page stays.
"""

import re

import pytest


def html_attrs(html):
    return dict(re.findall(r'(\w+)="([^"]*)"', re.search(r"<html ([^>]*)>", html).group(1)))


@pytest.mark.parametrize(
    "path",
    ["/{lang}/no-such-section/", "/{lang}/guides/no-such-guide/", "/{lang}/events/no-such-event/calendar.ics",
     "/{lang}/services/no-such-service/"],
)
@pytest.mark.parametrize("lang, direction, title", [("de", "ltr", "Seite nicht gefunden"), ("ar", "rtl", "الصفحة غير موجودة")])
def test_a_missing_page_is_the_websites_page_in_the_readers_language(client, site_tree, path, lang, direction, title):
    response = client.get(path.format(lang=lang))
    assert response.status_code == 404
    html = response.content.decode()
    assert html_attrs(html) == {"lang": lang, "dir": direction}
    assert f"<h1>{title}</h1>" in html
    assert f'action="/{lang}/search/"' in html and 'class="site-header"' in html
    assert '<meta name="robots" content="noindex">' in html
    assert 'rel="canonical"' not in html and 'hreflang="x-default"' not in html
    # The switcher still offers every language's home page.
    assert 'href="/uk/" hreflang="uk"' in html


def test_other_paths_keep_djangos_page(client, site_tree):
    response = client.get("/kiosk/no-such-screen/")
    assert response.status_code == 404
    assert 'class="site-header"' not in response.content.decode()
    assert client.get("/xx/services/").status_code == 404
