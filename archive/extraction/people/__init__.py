"""People named in an article: officials, officers and foreign counterparts.

What belongs here: `extract_people`, which finds people from the words that
introduce them (ranks, posts, "đồng chí", foreign posts), reads their rank,
academic titles and posts, and gives one entity per person with a Mention for
each occurrence. There is no list of known people.
"""

from __future__ import annotations

from archive.extraction.people.extract import extract_people

__all__ = ["extract_people"]
