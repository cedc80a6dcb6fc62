"""Citations -> one DirectiveEntity per directive, and a Mention per citation.

What belongs here: merging citations of one directive (by symbol, or by kind,
number, date and issuer when no symbol is given), resolving short references
to the directive they abbreviate, and the key of a symbol-less citation.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from archive.extraction.article import context_window, sentence_at
from archive.extraction.dates import infer_year
from archive.extraction.directives.citations import Citation, citations, kind_of_symbol
from archive.extraction.directives.symbols import (
    Identity,
    ParsedSymbol,
    issuer_from_code,
    issuer_names,
)
from archive.extraction.normalize import matching_key
from archive.extraction.types import (
    ArticleStructure,
    DirectiveEntity,
    Mention,
    MentionKind,
    PartialDate,
)


def citation_key(kind_code: str, number: str, issued: PartialDate | None, issuer_name: str) -> str:
    """Key of a directive cited without a symbol: "cite:NQ:12:2023-03-16:bộ chính trị"."""
    date = ""
    if issued is not None:
        date = "-".join(
            f"{part:0{width}d}" if part else "?" * width
            for part, width in ((issued.year, 4), (issued.month, 2), (issued.day, 2))
        )
    num = str(int(number)) if number.isdigit() else number
    return f"cite:{kind_code or '?'}:{num}:{date}:{matching_key(issuer_name)}"


def _dates_agree(a: PartialDate | None, b: PartialDate | None) -> bool:
    if a is None or b is None:
        return True
    return all(x is None or y is None or x == y for x, y in zip(_parts(a), _parts(b), strict=True))


def _parts(d: PartialDate) -> tuple[int | None, int | None, int | None]:
    return d.year, d.month, d.day


def _codes_agree(a: str, b: str) -> bool:
    return a == b or {a, b} <= {"QĐi", "QyĐ"}


@dataclass
class _Draft:
    """What the citations of one symbol say, merged in citation order."""

    symbol: ParsedSymbol  # as first cited
    kind: str
    issued: PartialDate | None = None
    issuer_name: str = ""
    summary: str = ""


def _kind_code(draft: _Draft) -> str:
    code = draft.symbol.type_code
    if code == "QĐ" and draft.kind == "Quy định":
        return "QĐi"  # "Quy định số 114-QĐ/TW": the Party's regulation
    return code


def _symbol_entities(cites: list[Citation]) -> dict[Identity, DirectiveEntity]:
    drafts: dict[Identity, _Draft] = {}
    for cite in cites:
        symbol = cite.symbol
        if symbol is None:
            continue
        identity = symbol.identity
        draft = drafts.get(identity)
        if draft is None:
            draft = drafts[identity] = _Draft(symbol, cite.kind)
        issued = cite.issued
        if issued and symbol.year:
            issued = infer_year(issued, [symbol.year])
        if draft.kind == kind_of_symbol(symbol):
            draft.kind = cite.kind  # a kind word says more than the symbol's code
        draft.issued = draft.issued or issued
        draft.issuer_name = draft.issuer_name or cite.issuer_name
        draft.summary = draft.summary or cite.summary
        cite.key = draft.symbol.canonical
    # One entity per symbol, built once (not replaced at every citation).
    return {
        identity: DirectiveEntity(
            key=d.symbol.canonical,
            kind=d.kind,
            kind_code=_kind_code(d),
            number=d.symbol.number,
            symbol=d.symbol.canonical,
            issued=d.issued,
            issuer_name=d.issuer_name or issuer_from_code(d.symbol),
            co_issuer_names=issuer_names(d.symbol)[1:],
            summary=d.summary,
        )
        for identity, d in drafts.items()
    }


def _shelf(number: str, kind_code: str) -> tuple[int, str]:
    """What a short citation and its target must share: the number, and the type up to
    the two spellings of a regulation (see `_codes_agree`)."""
    return int(number), "QĐi" if kind_code == "QyĐ" else kind_code


def _joint_issuers(entity: DirectiveEntity) -> DirectiveEntity:
    """ "của Bộ Công an và Bộ Y tế": the first body is the issuer, the others co-issue."""
    parts = [p.strip() for p in entity.issuer_name.split(" và ")]
    # Only bodies of one shape are joint issuers ("Bộ X và Bộ Y"); "Ủy ban
    # Quốc phòng, An ninh và Đối ngoại" is one body whose name has "và".
    if len(parts) < 2 or any(p.split()[:1] != parts[0].split()[:1] for p in parts[1:]):
        return entity
    named = tuple(dict.fromkeys(parts[1:]))
    # The text names the bodies; the symbol's codes add the ones it leaves out.
    known = {matching_key(name) for name in (parts[0], *named)}
    rest = tuple(n for n in entity.co_issuer_names if matching_key(n) not in known)
    return replace(entity, co_issuer_names=named + rest)


def _resolve_short(cite: Citation, candidates: list[DirectiveEntity]) -> DirectiveEntity | None:
    fits = [
        e
        for e in candidates
        if _codes_agree(e.kind_code, cite.kind_code)
        and e.number.isdigit()
        and int(e.number) == int(cite.number)
        and _dates_agree(e.issued, cite.issued)
    ]
    if len(fits) > 1 and cite.issuer_name:
        # The issuer only breaks ties: "Kết luận 82 của Chính phủ, ..." in the
        # genre names who implements 82-KL/TW, not who issued it.
        same = [e for e in fits if matching_key(e.issuer_name) == matching_key(cite.issuer_name)]
        fits = same or fits
    return fits[0] if fits else None


def _named_law_entities(cites: list[Citation], entities: dict[str, DirectiveEntity]) -> None:
    """Laws cited by name alone: one entity per name, joined to the symbol the article
    gives that name elsewhere ("Luật Lưu trữ số 33/2024/QH15" ... "Luật Lưu trữ").

    A name with its year ("Bộ luật Hình sự 2015") and the same name without one
    are one law within an article.
    """
    symbol_of_title = {
        _title_key(c.kind, c.title): c.key for c in cites if c.symbol is not None and c.title
    }
    dated: dict[str, str] = {}
    named = [c for c in cites if c.symbol is None and not c.number and c.title]
    for cite in sorted(named, key=lambda c: c.issued is None):
        title = _title_key(cite.kind, cite.title)
        if title in symbol_of_title:
            cite.key = symbol_of_title[title]
            continue
        year = cite.issued.year if cite.issued else None
        key = dated.get(title) if year is None else None
        if key is None:
            key = f"law:{title}:{year}" if year else f"law:{title}"
            dated.setdefault(title, key)
        cite.key = key
        known = entities.get(key)
        if known is None:
            entities[key] = DirectiveEntity(
                key=key, kind=cite.kind, issued=cite.issued, summary=cite.title,
                issuer_name=cite.issuer_name,
            )  # fmt: skip
        elif not known.issuer_name and cite.issuer_name:
            entities[key] = replace(known, issuer_name=cite.issuer_name)


def _title_key(kind: str, title: str) -> str:
    return matching_key(f"{kind} {title}")


def extract_directives(
    structure: ArticleStructure,
) -> tuple[tuple[DirectiveEntity, ...], tuple[Mention, ...]]:
    """The directives an article cites (one entity each) and every mention of them."""
    cites = citations(structure)
    by_symbol = _symbol_entities(cites)
    entities: dict[str, DirectiveEntity] = {e.key: e for e in by_symbol.values()}
    # Citations with a date or issuer first, so a bare "Nghị quyết 12" joins
    # "Nghị quyết số 12 ngày 16/3/2023 của Bộ Chính trị" wherever it stands.
    loose: list[DirectiveEntity] = []
    loose_of: dict[int, int] = {}
    # Candidates indexed by what a short citation must share with them (number,
    # type), so each lookup reads a few entities, not every one in the article.
    symbol_candidates: dict[tuple[int, str], list[DirectiveEntity]] = {}
    for entity in by_symbol.values():
        if entity.number.isdigit():
            symbol_candidates.setdefault(_shelf(entity.number, entity.kind_code), []).append(entity)
    loose_shelves: dict[tuple[int, str], list[int]] = {}
    _named_law_entities(cites, entities)
    short = [c for c in cites if c.symbol is None and c.number]
    for cite in sorted(short, key=lambda c: not (c.issued or c.issuer_name)):
        shelf = _shelf(cite.number, cite.kind_code)
        target = _resolve_short(cite, symbol_candidates.get(shelf, []))
        if target:
            cite.key = target.key
            continue
        indices = loose_shelves.setdefault(shelf, [])
        match = _resolve_short(cite, [loose[i] for i in indices])
        if match is None or (
            cite.issuer_name
            and match.issuer_name
            and matching_key(cite.issuer_name) != matching_key(match.issuer_name)
        ):
            loose.append(DirectiveEntity(key="", kind=cite.kind, kind_code=cite.kind_code,
                                         number=str(int(cite.number))))  # fmt: skip
            indices.append(len(loose) - 1)
            match = loose[-1]
        index = next(i for i in indices if loose[i] is match)
        loose[index] = replace(
            match,
            issued=match.issued or cite.issued,
            issuer_name=match.issuer_name or cite.issuer_name,
            summary=match.summary or cite.summary,
        )
        loose_of[id(cite)] = index
    for index, entity in enumerate(loose):
        key = citation_key(entity.kind_code, entity.number, entity.issued, entity.issuer_name)
        loose[index] = replace(entity, key=key)
        entities[key] = loose[index]
    for cite in short:
        if id(cite) in loose_of:
            cite.key = loose[loose_of[id(cite)]].key

    mentions = []
    implements: dict[str, list[str]] = {}
    for cite in cites:
        targets = implements.setdefault(cite.key, [])
        targets.extend(t.key for t in cite.implements if t.key not in (cite.key, *targets))
        sentence = sentence_at(structure, cite.start)
        mentions.append(
            Mention(
                kind=MentionKind.DIRECTIVE,
                entity_key=cite.key,
                surface=structure.text[cite.start : cite.end],
                start=cite.start,
                end=cite.end,
                sentence=context_window(
                    structure.text,
                    lo=sentence.start,
                    hi=sentence.end,
                    start=cite.start,
                    end=cite.end,
                )
                if sentence
                else "",
            )
        )
    ordered = list(dict.fromkeys(c.key for c in cites))
    result = tuple(
        replace(
            _joint_issuers(entities[key]),
            issuer_key=matching_key(entities[key].issuer_name)
            if entities[key].issuer_name
            else None,
            implements=tuple(implements.get(key, ())),
        )
        for key in ordered
    )
    return result, tuple(mentions)
