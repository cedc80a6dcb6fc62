"""The batched import (import_seeds) stores exactly what importing the files one by one does.

The command writes new articles in growing batches (1, 2, 4, ... files), each
batch one transaction with its entities resolved together; the service
`import_text` writes one article at a time. Both must decide the same
archive: the same people, bodies, directives, aliases, mentions and posts.
"""

from __future__ import annotations

from io import StringIO

import pytest
from django.core.management import call_command
from django.db import transaction

from archive.services import import_text
from tests.archive.import_runs import invented_article
from tests.archive.order_corpus import ORDER_CORPUS, canonical_dump

pytestmark = pytest.mark.django_db

# A rank stated as former ("nguyên Thượng tá") is stored as such by both paths.
RETIRED = (
    "Công an tỉnh Bình Khê gặp mặt cán bộ hưu trí\n\n"
    "Sáng 20/5/2025, Công an tỉnh Bình Khê gặp mặt cán bộ hưu trí. Nguyên Thượng tá Lò Văn Hòa "
    "và Đại tá Mạc Đình Sính, Phó Giám đốc Công an tỉnh Bình Khê dự buổi gặp mặt.\n\n"
    "Minh Anh\n"
)
FILES = {
    **ORDER_CORPUS,
    "huu-tri.txt": RETIRED,
    **{f"giao-ban-{i:02}.txt": invented_article(i) for i in range(24)},
}


def test_the_batched_command_stores_what_the_one_by_one_service_does(tmp_path):
    for name, text in FILES.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    with transaction.atomic():
        out = StringIO()
        call_command("import_seeds", str(tmp_path), "--jobs", "1", stdout=out)
        batched = canonical_dump()
        transaction.set_rollback(True)
    assert f"{len(FILES)} created, 0 updated, 0 unchanged, 0 failed" in out.getvalue()
    with transaction.atomic():
        for name in sorted(FILES):
            assert import_text(data=FILES[name], origin=name).status == "created"
        one_by_one = canonical_dump()
        transaction.set_rollback(True)
    assert all(batched.values()), "every kind of record was stored"
    assert ("huu-tri.txt", "lò văn hòa", "Thượng tá", True) in batched["ranks"]
    assert batched == one_by_one
