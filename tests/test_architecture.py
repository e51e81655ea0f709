"""
The import rules of docs/architecture.md hold: consumers (API, kiosk, widget and feeds)
depend on the content rules (``public_content``), which depend on the content models,
never the reverse; no consumer imports another; no import circles inside any package.
The contracts are declared in pyproject.toml ([tool.importlinter]) and checked by
import-linter, which reads every import statement, including those inside functions.
"""

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
APPS = ("cms", "demo", "website", "graphql_api", "kiosk", "embed", "offers", "freshness", "public_content", "translation", "directory", "pages", "taxonomy")


def lint_imports(*args):
    script = Path(sys.executable).parent / "lint-imports"
    return subprocess.run(
        [str(script), "--config", str(ROOT / "pyproject.toml"), "--no-cache", *args],
        cwd=ROOT,
        capture_output=True,
        text=True,
    )


def test_every_import_contract_is_kept():
    result = lint_imports()
    assert result.returncode == 0, result.stdout + result.stderr
    assert "2 kept, 0 broken" in result.stdout


def test_the_contracts_cover_every_app():
    contracts = (ROOT / "pyproject.toml").read_text().split("[tool.importlinter]")[1]
    for app in APPS:
        assert f'"{app}"' in contracts, app
    on_disk = {path.parent.name for path in ROOT.glob("*/__init__.py")} - {"tests", "bench"}
    assert on_disk <= set(APPS), on_disk - set(APPS)
