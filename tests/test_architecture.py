"""Dependencies point one way: statements on people and events, claims on statements; every app
on common; common on no app. Checked on the source, so even an import inside a function counts."""

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
# Which apps each package may import from.
MAY_IMPORT = {
    "common": set(),
    "people": {"common"},
    "events": {"common", "people"},
    "statements": {"common", "people", "events"},
    "claims": {"common", "people", "events", "statements"},
}


def imported_apps(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names |= {alias.name.split(".")[0] for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            names.add(node.module.split(".")[0])
    return names & set(MAY_IMPORT)


def modules(package: str, *, models_only: bool) -> list[Path]:
    found = sorted((ROOT / package).rglob("*.py"))
    found = [path for path in found if "migrations" not in path.parts]
    return [path for path in found if path.name == "models.py"] if models_only else found


@pytest.mark.parametrize("package", sorted(MAY_IMPORT))
def test_no_model_module_imports_an_app_that_depends_on_it(package):
    for path in modules(package, models_only=True):
        assert imported_apps(path) <= MAY_IMPORT[package] | {package}, path


@pytest.mark.parametrize("package", ["common"])
def test_the_shared_package_imports_no_app(package):
    for path in modules(package, models_only=False):
        assert imported_apps(path) <= {package}, path
