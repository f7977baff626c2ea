"""Layer rules: services and models never import reflex; pages never touch the database."""

from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[2] / "heka_app"


def _imports(path: Path) -> set[str]:
    names = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
    return names


def _modules(folder: str) -> list[Path]:
    files = sorted((PACKAGE / folder).rglob("*.py"))
    assert files, folder
    return files


def test_services_and_models_never_import_reflex():
    offenders = [
        str(path.relative_to(PACKAGE))
        for folder in ("services", "models")
        for path in _modules(folder)
        if any(name == "reflex" or name.startswith("reflex.") for name in _imports(path))
    ]
    assert offenders == []


def test_pages_and_components_never_touch_the_database():
    banned = ("sqlmodel", "sqlalchemy", "heka_app.db", "heka_app.models")
    offenders = [
        str(path.relative_to(PACKAGE))
        for folder in ("pages", "components")
        for path in _modules(folder)
        if any(name.startswith(banned) for name in _imports(path))
    ]
    assert offenders == []
