"""Frozen value types passed from the extractors to the import service.

What belongs here: the shapes of what extraction produces, and nothing that
computes. Every offset is a character offset into `ParsedArticle.text` (the
normalised text, see `normalize.normalize_text`), so that one offset space
serves the stored mentions, the highlighted article page and the API.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum


class DatePrecision(StrEnum):
    """How much of a date the article gives."""

    FULL = "full"  # day, month and year
    MONTH = "month"  # month and year, no day ("tháng 4-2025")
    DAY_MONTH = "day_month"  # day and month, no year ("Ngày 11/11")
    UNKNOWN = "unknown"


@dataclass(frozen=True)
class PartialDate:
    """A date of which some parts may be unknown; the year is never invented."""

    year: int | None = None
    month: int | None = None
    day: int | None = None
    # True when the year is not written next to the date but taken from other
    # evidence in the same article (a full date nearby, a timestamp).
    year_inferred: bool = False

    @property
    def precision(self) -> DatePrecision:
        if self.year and self.month and self.day:
            return DatePrecision.FULL
        if self.year and self.month:
            return DatePrecision.MONTH
        if self.month and self.day:
            return DatePrecision.DAY_MONTH
        return DatePrecision.UNKNOWN


class BlockKind(StrEnum):
    """The role of one block (line or paragraph) of an article."""

    TITLE = "title"
    LEAD = "lead"  # the first body paragraph, usually starting with the dateline
    PARAGRAPH = "paragraph"
    CAPTION = "caption"
    CAPTION_REPEAT = "caption_repeat"  # the same caption again at once: not counted
    BYLINE = "byline"
    SOURCE = "source"
    FURNITURE = "furniture"  # page furniture: never a source of entities


@dataclass(frozen=True)
class Block:
    kind: BlockKind
    start: int
    end: int


@dataclass(frozen=True)
class Sentence:
    start: int
    end: int
    text: str


class MentionKind(StrEnum):
    PERSON = "person"
    ORGANISATION = "organisation"
    DIRECTIVE = "directive"


@dataclass(frozen=True)
class Mention:
    """One occurrence of an entity in the article text."""

    kind: MentionKind
    # The `key` of the PersonEntity / OrganisationEntity / DirectiveEntity.
    entity_key: str
    surface: str  # exactly text[start:end]
    start: int
    end: int
    sentence: str  # the sentence the occurrence stands in, as it stands


@dataclass(frozen=True)
class Position:
    """A post a person holds, as stated in this article."""

    title: str  # the post as written, organisation included: "Bộ trưởng Bộ Công an"
    role: str  # the post without its organisation: "Bộ trưởng", "Ủy viên"
    organisation_key: str | None = None  # key of an OrganisationEntity in this article
    former: bool = False  # "nguyên Bộ trưởng": a post the person held before


@dataclass(frozen=True)
class PersonEntity:
    key: str  # normalize.matching_key(name)
    name: str  # as written in its fullest form in the article
    rank: str = ""  # "Đại tướng", "Thiếu tá", ... ("" when none is given)
    rank_former: bool = False  # "nguyên Trung tá": a rank the person held before
    academic_titles: tuple[str, ...] = ()  # "TS.", "PGS. TS." kept apart from the name
    positions: tuple[Position, ...] = ()
    aliases: tuple[str, ...] = ()  # other spellings of the name seen in the article
    foreign: bool = False  # introduced as a foreign person ("Đại sứ Trung Quốc ...")


@dataclass(frozen=True)
class OrganisationEntity:
    # The identity within one article: the matching_key of the body's plain
    # name, which may differ from matching_key(name) ("Quân đội nhân dân Việt
    # Nam" is the body "Quân đội nhân dân"). The database keys by
    # matching_key(name) and aliases, so the import service recomputes it.
    key: str
    name: str
    kind: str = ""  # head noun class: "ministry", "department", "party_committee", ...
    abbreviations: tuple[str, ...] = ()  # "CAND" for "Công an nhân dân"
    aliases: tuple[str, ...] = ()  # other spellings seen in the article
    parent_key: str | None = None  # "Cục Đối ngoại" of "Đảng ủy Cục Đối ngoại", when stated
    # True for a directive's issuer known only from its symbol's code ("/TW",
    # "-CP") and never named in the text: it is there for the directive's
    # issuer_key to point at, not as an organisation the article mentions.
    inferred: bool = False


@dataclass(frozen=True)
class DirectiveEntity:
    # The canonical symbol when known ("59-NQ/TW"); otherwise a key built from
    # what the citation gives (see directives.citation_key).
    key: str
    kind: str  # Vietnamese kind word: "Nghị quyết", "Chương trình hành động", ...
    kind_code: str = ""  # "NQ", "CTr", ... from the symbol or the kind word
    number: str = ""  # "59", "153"
    symbol: str = ""  # canonical symbol, "" for a symbol-less citation
    issued: PartialDate | None = None
    issuer_key: str | None = None  # key of an OrganisationEntity
    issuer_name: str = ""
    # The other issuers of a joint document, in order, after the primary one.
    co_issuer_keys: tuple[str, ...] = ()
    co_issuer_names: tuple[str, ...] = ()
    summary: str = ""  # trích yếu, when the article states it ("về hội nhập quốc tế ...")
    implements: tuple[str, ...] = ()  # keys of directives this one carries out


@dataclass(frozen=True)
class Dateline:
    date: PartialDate | None
    place: str = ""
    start: int = 0
    end: int = 0


@dataclass(frozen=True)
class ArticleStructure:
    """The shape of an article before any entity is looked for (article.parse_structure)."""

    text: str
    title: str = ""
    blocks: tuple[Block, ...] = ()
    sentences: tuple[Sentence, ...] = ()
    dateline: Dateline | None = None
    published: PartialDate | None = None
    published_evidence: str = ""  # how an inferred year was found (published.FROM_*)
    author: str = ""
    source_name: str = ""
    source_url: str = ""
    captions: tuple[str, ...] = ()


@dataclass(frozen=True)
class ParsedArticle:
    """Everything extraction learns from one article's text."""

    text: str  # the normalised text all offsets refer to
    title: str = ""  # "" when the file starts with the lead
    blocks: tuple[Block, ...] = ()
    sentences: tuple[Sentence, ...] = ()
    dateline: Dateline | None = None
    published: PartialDate | None = None
    # How an inferred year was found, completing "năm suy ra từ …"; "" when
    # the year is written in the dateline or unknown.
    published_evidence: str = ""
    author: str = ""
    source_name: str = ""
    source_url: str = ""
    captions: tuple[str, ...] = ()  # each caption once, in order
    people: tuple[PersonEntity, ...] = ()
    organisations: tuple[OrganisationEntity, ...] = ()
    directives: tuple[DirectiveEntity, ...] = ()
    mentions: tuple[Mention, ...] = field(default_factory=tuple)

    @property
    def body(self) -> str:
        """The article's own paragraphs (lead and body), without title, captions or furniture."""
        return "\n\n".join(
            self.text[b.start : b.end]
            for b in self.blocks
            if b.kind in (BlockKind.LEAD, BlockKind.PARAGRAPH)
        )
