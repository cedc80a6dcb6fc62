"""The extraction package stays pure Python: no Django, DRF or django-filter import."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

EXTRACTION = Path(__file__).resolve().parents[2] / "archive" / "extraction"
FORBIDDEN = ("django", "rest_framework", "django_filters")


def _imported_modules(path: Path) -> list[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    names: list[str] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.extend(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.append(node.module)
    return names


SOURCES = sorted(EXTRACTION.rglob("*.py"))


def test_extraction_package_has_sources() -> None:
    assert len(SOURCES) >= 5


@pytest.mark.parametrize("path", SOURCES, ids=lambda p: str(p.relative_to(EXTRACTION)))
def test_module_imports_no_django(path: Path) -> None:
    bad = [name for name in _imported_modules(path) if name.split(".")[0] in FORBIDDEN]
    assert bad == [], f"{path.name} imports {bad}"


def test_the_check_itself_catches_a_django_import(tmp_path: Path) -> None:
    source = tmp_path / "bad.py"
    source.write_text("from django.db import models\nimport rest_framework.views\n")
    assert _imported_modules(source) == ["django.db", "rest_framework.views"]
