"""
Rendering the rich text of one list page: 100 service descriptions of one batch through
the API's ``to_html`` (link checks for the whole batch, then each text), best of 5.

    .venv/bin/python bench/richtext_bench.py

No database: the texts carry no internal links, so the cost measured is the scanning.
"""

import os
import sys
import time
from pathlib import Path
from types import SimpleNamespace

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "cms.settings.test")


def main():
    import django

    django.setup()
    from graphql_api.pages.richtext import to_html
    from public_content.batches import adopt
    from public_content.richtext import PublicLinks

    text = "<p>" + "Beratung für Familien, Termine nach Absprache. " * 20 + "</p>"
    items = adopt([SimpleNamespace(description=text) for _ in range(100)], ("de",))
    best = float("inf")
    for _ in range(5):
        info = SimpleNamespace(context=SimpleNamespace(reading=SimpleNamespace(links=PublicLinks(None))))
        started = time.perf_counter()
        for item in items:
            to_html(item, "description", info)
        best = min(best, time.perf_counter() - started)
    print(f"100 descriptions of one list page: {best * 1000:.1f} ms")


if __name__ == "__main__":
    main()
