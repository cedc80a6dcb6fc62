"""Organisations named in an article: bodies of the Party, the state, the police, abroad.

What belongs here: `extract_organisations`, which scans the article's own text
(title, lead, paragraphs, first captions) for organisation names by their
grammar (see `grammar.py`), merges spellings into one entity per
`normalize.matching_key`, records abbreviations given in parentheses and their
later bare uses, and returns one Mention per occurrence. There is no list of
known organisations: a name is recognised from its head noun and shape.
"""

from __future__ import annotations

from archive.extraction.organisations.extract import extract_organisations
from archive.extraction.organisations.grammar import OrgMatch, parse_organisation_at

__all__ = ["OrgMatch", "extract_organisations", "parse_organisation_at"]
