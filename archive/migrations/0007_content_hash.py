"""One text, one article: recompute every article's hash on its canonical text.

Until now an article's `sha256` hashed the file's raw bytes, so one text saved
as UTF-8, UTF-8 with a BOM, UTF-16 or with CRLF line endings became up to four
articles. The hash is now taken over the text as decoded, in NFC and with LF
line endings (archive.extraction.decoding.content_sha256, copied here so that
this migration keeps meaning what it meant). `raw_text` holds the decoded text,
so no file is needed.

Articles that now share a hash are merged into the one imported first (the
lowest id): a field an editor changed on a duplicate and not on the survivor
is carried over with its mark, editors' notes are kept side by side, and the
duplicate goes with its own mentions and posts. The survivor's mentions
already describe the same text, so mentions stay consistent with it.

Bounded memory: articles are read in id order, a chunk at a time; a chunk's
new hashes are looked up in one query.
"""

import hashlib
import unicodedata

from django.db import migrations

CHUNK = 500


def _content_sha256(text):
    text = unicodedata.normalize("NFC", text)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def _merge(survivor, duplicate):
    """Carry the duplicate's editor's changes over to the survivor; return the changed fields."""
    changed = []
    for name in duplicate.edited_fields:
        if name in survivor.edited_fields or not hasattr(survivor, name):
            continue
        setattr(survivor, name, getattr(duplicate, name))
        changed.append(name)
    if changed:
        survivor.edited_fields = sorted(set(survivor.edited_fields) | set(changed))
        changed.append("edited_fields")
    if duplicate.notes and duplicate.notes not in survivor.notes:
        survivor.notes = "\n\n".join(n for n in (survivor.notes, duplicate.notes) if n)
        changed.append("notes")
    return changed


def _search_document(article):
    # As Article.save() builds it (historical models have no custom save()).
    from archive.extraction.normalize import fold_accents

    return fold_accents(" ".join([article.title, article.body, *article.captions]))


def recompute_hashes(apps, schema_editor):
    Article = apps.get_model("archive", "Article")
    last = 0
    while True:
        chunk = list(Article.objects.filter(pk__gt=last).order_by("pk")[:CHUNK])
        if not chunk:
            return
        last = chunk[-1].pk
        hashes = {article.pk: _content_sha256(article.raw_text) for article in chunk}
        changed = [a for a in chunk if hashes[a.pk] != a.sha256]
        if not changed:
            continue
        # The surviving article of each new hash: one stored before this chunk
        # (its hash is final) or the first of this chunk.
        owners = {
            a.sha256: a
            for a in Article.objects.filter(sha256__in={hashes[a.pk] for a in changed}).exclude(
                pk__in=[a.pk for a in changed]
            )
        }
        gone = set()
        for article in chunk:
            if article.pk in gone:
                continue
            new = hashes[article.pk]
            survivor = owners.get(new)
            if survivor is None or survivor.pk == article.pk:
                owners[new] = article
                if article.sha256 != new:
                    article.sha256 = new
                    article.save(update_fields=["sha256"])
                continue
            if survivor.pk > article.pk:
                # A later article already holds the hash: keep the earlier one.
                survivor, article = article, survivor
                owners[new] = survivor
            fields = _merge(survivor, article)
            gone.add(article.pk)
            article.delete()
            if survivor.sha256 != new:
                survivor.sha256 = new
                fields.append("sha256")
            if fields:
                survivor.search_document = _search_document(survivor)
                survivor.save(update_fields=[*set(fields), "search_document"])


class Migration(migrations.Migration):
    dependencies = [("archive", "0006_limits_cache_table")]

    operations = [
        migrations.RunPython(recompute_hashes, migrations.RunPython.noop, elidable=True),
    ]
