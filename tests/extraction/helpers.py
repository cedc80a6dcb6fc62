"""Small builders the extraction tests share (no DB, no Django)."""

from __future__ import annotations

from archive.extraction.article import parse_structure
from archive.extraction.normalize import normalize_text
from archive.extraction.organisations import extract_organisations
from archive.extraction.people import extract_people
from archive.extraction.types import ArticleStructure, OrganisationEntity, PersonEntity


def structure_of(text: str) -> ArticleStructure:
    return parse_structure(normalize_text(text))


def organisations_in(text: str) -> dict[str, OrganisationEntity]:
    entities, _ = extract_organisations(structure_of(text))
    return {e.name: e for e in entities}


def people_in(text: str) -> dict[str, PersonEntity]:
    structure = structure_of(text)
    orgs, _ = extract_organisations(structure)
    people, _ = extract_people(structure, orgs)
    return {p.name: p for p in people}
