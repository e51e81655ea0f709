"""Shared steps of the browser tests: accessibility checks and screenshots."""

import re

SERIOUS = {"serious", "critical"}


def serious_violations(page, context=None):
    """axe-core's serious and critical violations on the page (open shadow roots included)."""
    from axe_playwright_python.sync_playwright import Axe

    results = Axe().run(page, context=context, options={"resultTypes": ["violations"]})
    return [
        f"{violation['id']} ({violation['impact']}): {violation['help']} — "
        + "; ".join(" ".join(map(str, node["target"])) for node in violation["nodes"][:5])
        for violation in results.response["violations"]
        if violation["impact"] in SERIOUS
    ]


def assert_accessible(page, context=None):
    violations = serious_violations(page, context)
    assert not violations, "\n".join(violations)


def screenshot(page, folder, name):
    path = folder / f"{re.sub(r'[^a-z0-9-]+', '-', name.lower())}.png"
    page.screenshot(path=str(path), full_page=False)
    assert path.stat().st_size > 1000
    return path
