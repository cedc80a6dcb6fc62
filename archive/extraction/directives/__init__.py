"""Party and state directives cited in an article -> DirectiveEntity + Mention.

The modules: `symbols` (symbol grammars, canonical spelling, issuer codes),
`citations` (kind word, date, issuer, summary, short references and
implementation chains around a symbol) and `extract` (one entity per
directive, one mention per citation).
"""

from __future__ import annotations

from archive.extraction.directives.extract import citation_key, extract_directives
from archive.extraction.directives.symbols import ParsedSymbol, canonical_symbol, parse_symbol

__all__ = [
    "ParsedSymbol",
    "canonical_symbol",
    "citation_key",
    "extract_directives",
    "parse_symbol",
]
