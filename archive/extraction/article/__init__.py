"""Normalised article text -> its structure (see `structure.py`), and its sentences.

The modules: `furniture` (page furniture), `dateline`, `captions`, `bylines`
(byline and source lines), `sentences`, and `structure`, which puts them
together in `parse_structure`.
"""

from __future__ import annotations

from archive.extraction.article.sentences import context_window, sentence_at
from archive.extraction.article.structure import extractable_spans, parse_structure

__all__ = ["context_window", "extractable_spans", "parse_structure", "sentence_at"]
