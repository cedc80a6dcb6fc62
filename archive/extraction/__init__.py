"""Pure-Python extraction: raw article text in, structured ParsedArticle out.

Nothing in this package may import Django (a test enforces it): the parser is
used by the import service, the benchmarks and the tests alike, and must stay
usable without a database.
"""
