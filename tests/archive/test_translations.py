"""The translation catalogues: complete, consistent, and compiled from their .po files.

`make messages` extracts the strings and compiles the catalogues with GNU
gettext; the compiled .mo files are committed so that `make run` needs no
gettext. These tests keep the two in step without it: a .po edited but not
compiled, a new string left untranslated or fuzzy, or a translation that
drops a placeholder fails here.
"""

from __future__ import annotations

import re
from pathlib import Path

import polib
import pytest
from django.conf import settings

LOCALE = Path(__file__).resolve().parents[2] / "archive" / "locale"
LANGUAGES = [code for code, _name in settings.LANGUAGES]
# %(name)s, %(count)d, %(size).1f, %s; and str.format's {name}.
PLACEHOLDER = re.compile(r"%\([a-z_]+\)[-#0 +]*\d*(?:\.\d+)?[sdfr]|%[sdr]|\{[a-z_]+\}")


def catalogue(language: str) -> polib.POFile:
    return polib.pofile(str(LOCALE / language / "LC_MESSAGES" / "django.po"))


def translations(entries) -> dict:
    """{(context, msgid): msgstr or (plural msgstrs)} of the translated entries."""
    result = {}
    for entry in entries:
        if entry.obsolete or "fuzzy" in entry.flags:
            continue
        if entry.msgid_plural:
            value = tuple(entry.msgstr_plural[k] for k in sorted(entry.msgstr_plural))
        else:
            value = entry.msgstr
        if entry.msgid and any(value):
            result[(entry.msgctxt, entry.msgid)] = value
    return result


def test_every_language_has_its_catalogue_and_vietnamese_is_the_default():
    assert settings.LANGUAGE_CODE == "vi"
    assert LANGUAGES == ["vi", "en"]
    for language in LANGUAGES:
        assert (LOCALE / language / "LC_MESSAGES" / "django.po").is_file()
        assert (LOCALE / language / "LC_MESSAGES" / "django.mo").is_file()


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_committed_mo_file_is_compiled_from_the_po_file(language):
    compiled = polib.mofile(str(LOCALE / language / "LC_MESSAGES" / "django.mo"))
    stale = translations(catalogue(language)).items() ^ translations(compiled).items()
    assert not stale, f"run `make messages` (or compilemessages): {sorted(stale)[:5]}"


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_string_is_translated_and_none_is_fuzzy(language):
    po = catalogue(language)
    assert [e.msgid for e in po.untranslated_entries()] == []
    assert [e.msgid for e in po.fuzzy_entries()] == []
    assert [e.msgid for e in po.obsolete_entries()] == []


def test_both_catalogues_hold_the_same_strings():
    ids = {lang: {(e.msgctxt, e.msgid) for e in catalogue(lang)} for lang in LANGUAGES}
    assert ids["vi"] == ids["en"]


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_translation_keeps_the_placeholders_of_its_source(language):
    wrong = []
    for entry in catalogue(language):
        sources = [entry.msgid, entry.msgid_plural] if entry.msgid_plural else [entry.msgid]
        expected = set().union(*(PLACEHOLDER.findall(text) for text in sources))
        strings = list(entry.msgstr_plural.values()) if entry.msgid_plural else [entry.msgstr]
        for text in strings:
            if set(PLACEHOLDER.findall(text)) != expected:
                wrong.append((entry.msgid, text))
    assert wrong == []


def test_english_repeats_its_source_strings():
    # Django falls back to the default language's catalogue for a string the
    # active one leaves out, so an empty English msgstr would show Vietnamese.
    for entry in catalogue("en"):
        if entry.msgid_plural:
            assert entry.msgstr_plural == {0: entry.msgid, 1: entry.msgid_plural}
        else:
            assert entry.msgstr == entry.msgid
