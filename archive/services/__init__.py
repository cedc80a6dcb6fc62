"""The archive's one writer of imported data, and of editors' changes to it.

The import command, the API and the admin all go through these functions;
nothing else creates articles, entities or mentions from an article's text.

    import_text(*, data: bytes | str, origin: str, dry_run=False) -> ImportOutcome
    import_file(*, path: Path, origin="", dry_run=False) -> ImportOutcome  (origin: name)
    reextract_article(*, article: Article) -> ImportOutcome     (extraction again on raw_text)
    merge_people(*, survivor: Person, merged: Iterable[Person]) -> Person
    merge_organisations(*, survivor: Organisation, merged: Iterable[Organisation]) -> Organisation
    save_edit(*, instance, fields, links=None)   an editor's change, from the admin or the API:
        date parts, many-to-many links, edit marks (editing.py; also changed_fields, name_clash)
    record_edit(*, instance: Article | Person | Organisation | Directive, fields: Iterable[str])
        saves the instance and marks the fields as an editor's, so re-imports keep them

Input that is not an importable article (empty, binary, undecodable, too
large, unreadable, missing) raises ArticleImportError, a ValueError whose
message is "<name>: <reason>" in plain words. ImportOutcome.status is one of
"created", "updated", "unchanged", "failed" (failed only from the batch
helpers, which turn any error of one file into an outcome). Modules:

    importing.py   entry points, the per-article transaction, retries
    storing.py     the article's own rows: fields, mentions, positions
    entities.py    people and organisations: match by key or alias, create race-safely
    directives.py  directives: by symbol, by citation key, symbol-less <-> symbol matching
    merging.py     editors' merges      editing.py   editors' changes
    batch.py       many files: finding them, per-file failures, the run's totals
    import_jobs.py many files on task workers: batches, per-file results, progress, lost workers
    uploads.py     uploaded files and zips -> a job's files, within limits
"""

from archive.services.editing import EditConflict, record_edit, save_edit
from archive.services.importing import (
    ArticleImportError,
    ImportOutcome,
    ImportStatus,
    import_file,
    import_text,
    reextract_article,
    store_parsed_article,
)
from archive.services.merging import merge_organisations, merge_people

__all__ = [
    "ArticleImportError",
    "EditConflict",
    "ImportOutcome",
    "ImportStatus",
    "import_file",
    "import_text",
    "merge_organisations",
    "merge_people",
    "record_edit",
    "reextract_article",
    "save_edit",
    "store_parsed_article",
]
