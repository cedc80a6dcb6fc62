"""Invented import_seeds input, and manage.py run in a subprocess, for the import command tests.

A subprocess shares the test's database through the `database_url` fixture
(tests/archive/conftest.py).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

# Invented officers, provinces and directives, recombined into many articles.
FAMILY = ("Trịnh", "Đỗ", "Phan", "Vũ", "Lò", "Hà", "Kiều", "Mạc")
MIDDLE = ("Văn", "Minh", "Đình", "Quang", "Hữu")
GIVEN = ("Khải", "Luân", "Vĩnh", "Toàn", "Sính", "Tùng", "Phúc")
PROVINCES = ("Bình Khê", "Sơn Lâm", "Hải Vân", "Đông Hòa")


def invented_article(i: int) -> str:
    chief = f"{FAMILY[i % 8]} {MIDDLE[i % 5]} {GIVEN[i % 7]}"
    deputy = f"{FAMILY[(i + 3) % 8]} {MIDDLE[(i + 1) % 5]} {GIVEN[(i + 2) % 7]}"
    province = PROVINCES[i % 4]
    return (
        f"Công an tỉnh {province} họp giao ban tháng {i % 12 + 1}\n\n"
        f"Sáng {i % 27 + 1}/{i % 12 + 1}/2025, tại trụ sở, Công an tỉnh {province} tổ chức "
        f"hội nghị giao ban lần thứ {i}.\n\n"
        f"Đại tá {chief}, Giám đốc Công an tỉnh {province} chủ trì. Dự hội nghị có "
        f"Thượng tá {deputy}, Phó Giám đốc Công an tỉnh {province}.\n\n"
        f"Hội nghị quán triệt Chỉ thị số {40 + i % 5}-CT/TW ngày 5/6/2024 của Ban Bí thư.\n\n"
        "Minh Anh\n"
    )


def write_corpus(folder: Path, count: int, *, first: int = 0) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for i in range(first, first + count):
        path = folder / f"{i:03d}.txt"
        path.write_text(invented_article(i), encoding="utf-8")
        paths.append(path)
    return paths


def manage(*args: str, database_url: str, cwd: Path, **popen):
    env = {k: v for k, v in os.environ.items() if not k.startswith("DJANGO_")}
    env |= {"DJANGO_SECRET_KEY": "test-only", "DATABASE_URL": database_url}
    return subprocess.Popen(
        [sys.executable, str(ROOT / "manage.py"), *args], cwd=cwd, env=env, text=True, **popen
    )


def finish(process, timeout: int = 300) -> tuple[int, str, str]:
    out, err = process.communicate(timeout=timeout)
    return process.returncode, out or "", err or ""


STORED_COUNTS = """
import json
from django.db.models import Count
from archive.models import *
print(json.dumps({
    "articles": Article.objects.count(),
    "people": Person.objects.count(),
    "organisations": Organisation.objects.count(),
    "directives": Directive.objects.count(),
    "mentions": sum(m.objects.count() for m in (PersonMention, OrganisationMention,
                                                 DirectiveMention)),
    "same_sha": Article.objects.values("sha256").annotate(n=Count("id")).filter(n__gt=1).count(),
}))
"""


def stored_counts(database_url: str, cwd: Path) -> dict[str, int]:
    process = manage("shell", "-c", STORED_COUNTS, database_url=database_url, cwd=cwd,
                     stdout=subprocess.PIPE, stderr=subprocess.PIPE)  # fmt: skip
    code, out, err = finish(process)
    assert code == 0, err
    return json.loads(out.strip().splitlines()[-1])
