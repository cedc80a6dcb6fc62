"""The files of an export as the exporter writes them: table chunks and article texts.

What belongs here: writing one chunk file so that an unchanged chunk keeps its
file, writing an article's text only when its hash changed, and removing the
files of rows that are gone. The exporter (archive.services.exporting) decides
what goes in them.
"""

from __future__ import annotations

import os
import shutil
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from archive.services import archive_format as fmt


@dataclass
class ExportSummary:
    rows: dict[str, int] = field(default_factory=dict)
    chunks_written: int = 0
    chunks_unchanged: int = 0
    texts_written: int = 0
    texts_unchanged: int = 0
    files_removed: int = 0


class ChunkWriter:
    """One chunk file, written to a temporary name and kept only when its bytes changed."""

    def __init__(
        self,
        *,
        label: str,
        chunk: int,
        directory: Path,
        previous: dict[str, dict],
        summary: ExportSummary,
        texts: bool = False,
    ) -> None:
        self.chunk = chunk
        self.path = fmt.chunk_path(label=label, chunk=chunk)
        self.final = directory / self.path
        self.final.parent.mkdir(parents=True, exist_ok=True)
        self.temporary = self.final.with_name(self.final.name + ".tmp")
        self.raw = self.temporary.open("wb")
        self.stream = fmt.open_chunk_for_writing(self.raw)
        self.directory = directory
        self.old = previous.get(self.path)
        self.summary = summary
        self.rows = 0
        # The text hashes the previous export recorded for this chunk's articles.
        self.old_texts = self._old_text_hashes() if texts else {}
        self.texts_seen: set[str] = set()

    def write(self, values: list[Any]) -> None:
        self.stream.write(fmt.encode_row(values))
        self.rows += 1

    def write_text(self, *, pk: int, text: str) -> str:
        digest = fmt.sha256_of_text(text)
        path = self.directory / fmt.text_path(pk=pk)
        self.texts_seen.add(path.name)
        if self.old_texts.get(pk) == digest and path.exists():
            self.summary.texts_unchanged += 1
            return digest
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(text.encode())
        self.summary.texts_written += 1
        return digest

    def close(self) -> dict[str, Any]:
        self.stream.close()
        self.raw.close()  # GzipFile leaves a file object it was given open
        digest = fmt.sha256_of_file(self.temporary)
        size = self.temporary.stat().st_size
        unchanged = (
            self.old is not None
            and self.old["sha256"] == digest
            and self.final.exists()
            and self.final.stat().st_size == size
        )
        if unchanged:
            self.temporary.unlink()
            self.summary.chunks_unchanged += 1
        else:
            os.replace(self.temporary, self.final)
            self.summary.chunks_written += 1
        if self.old_texts or self.texts_seen:
            self._remove_unseen_texts()
        return {
            "path": self.path,
            "chunk": self.chunk,
            "rows": self.rows,
            "bytes": size,
            "sha256": digest,
        }

    def _old_text_hashes(self) -> dict[int, str]:
        if self.old is None or not self.final.exists():
            return {}
        try:
            return {row[0]: row[-1] for row in fmt.read_chunk(self.final)}
        except (OSError, EOFError, ValueError):
            return {}  # an unreadable old chunk only means every text is written again

    def _remove_unseen_texts(self) -> None:
        folder = self.directory / fmt.text_path(pk=self.chunk * fmt.CHUNK)
        for path in folder.parent.glob("*.txt"):
            if path.name not in self.texts_seen:
                path.unlink()
                self.summary.files_removed += 1


def remove_text_folders(directory: Path, *, keep: set[int], summary: ExportSummary) -> None:
    root = directory / "articles"
    if not root.is_dir():
        return
    for folder in root.iterdir():
        if folder.is_dir() and (not folder.name.isdigit() or int(folder.name) not in keep):
            summary.files_removed += sum(1 for _ in folder.iterdir())
            shutil.rmtree(folder)
