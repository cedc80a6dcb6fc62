"""Party and state directives cited in an article -> DirectiveEntity + Mention.

What belongs here: the symbol grammars of DOMAIN §3 (Party NUMBER-TYPE/ISSUER,
state NUMBER/TYPE-ISSUER[-UNIT], legal NUMBER/YEAR/TYPE-ISSUER, laws
NUMBER/YEAR/QH<term>) with the noise real text carries, the citation around a
symbol (kind word, date, issuer, summary), short references ("Kết luận 82")
and implementation chains ("Chương trình hành động số 50-CTr/ĐUCA ... về thực
hiện Nghị quyết số 59-NQ/TW"). `parse_symbol` / `canonical_symbol` also serve
the API to validate symbols typed by people.

Only `article.extractable_spans` are scanned, so furniture, bylines and
repeated captions never yield a directive.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from itertools import pairwise

from archive.extraction.article import extractable_spans, sentence_at
from archive.extraction.dates import find_dates, infer_year
from archive.extraction.normalize import matching_key, normalize_text
from archive.extraction.types import (
    ArticleStructure,
    DirectiveEntity,
    Mention,
    MentionKind,
    PartialDate,
)

# ----------------------------------------------------------------- symbols

# Type abbreviations in their canonical spelling, keyed by upper case.
_TYPES = {
    t.upper(): t
    for t in ("TTLT", "CTr", "TTr", "QĐi", "QyĐ", "QĐ", "NQ", "KL", "CT", "NĐ", "TT", "HD",
              "KH", "TB", "BC", "QC", "ĐA", "CĐ")
}  # fmt: skip
_TYPE = "(?P<type>" + "|".join(sorted(_TYPES.values(), key=len, reverse=True)) + ")"
_NUM = r"(?<![\w/.\-–])(?P<num>\d{1,5})"
_CODE = r"[A-ZĐ][A-ZĐ0-9]*"
_END = r"(?![\w])"
_DASH = r"\s*[-–—]\s*"
_SLASH = r" ?/ ?"

_PARTY = re.compile(
    _NUM + rf"(?P<sep>{_DASH}|\s+|{_SLASH}){_TYPE}{_SLASH}(?P<issuer>{_CODE}){_END}",
    re.IGNORECASE,
)
_STATE = re.compile(
    _NUM + rf"{_SLASH}(?:(?P<year>(?:19|20)\d\d){_SLASH})?{_TYPE}{_DASH}"
    rf"(?P<issuer>[A-ZĐ][A-ZĐ0-9]*?)(?:[-–](?P<unit>[A-ZĐ0-9]+))?{_END}",
    re.IGNORECASE,
)
_LAW = re.compile(
    _NUM + rf"{_SLASH}(?P<year>(?:19|20)\d\d){_SLASH}(?P<issuer>(?:UBTVQH|QH)\d{{1,2}}){_END}",
    re.IGNORECASE,
)


_Identity = tuple[str, int, str, str, int | None, str]


@dataclass(frozen=True)
class ParsedSymbol:
    """A directive symbol taken apart; `canonical` is how the archive stores it."""

    system: str  # "party", "state" (administrative), "legal" (with year), "law" (QH)
    number: str  # as written, leading zeros kept ("08")
    type_code: str  # canonical abbreviation ("QĐi"); "" for laws
    issuer: str  # canonical issuer code ("TW", "TTg", "QH15")
    year: int | None = None
    unit: str = ""  # "X11" in 03/CT-BCA-X11

    @property
    def canonical(self) -> str:
        if self.system == "party":
            return f"{self.number}-{self.type_code}/{self.issuer}"
        if self.system == "law":
            return f"{self.number}/{self.year}/{self.issuer}"
        head = f"{self.number}/{self.year}/" if self.system == "legal" else f"{self.number}/"
        return head + f"{self.type_code}-{self.issuer}" + (f"-{self.unit}" if self.unit else "")

    @property
    def identity(self) -> _Identity:
        # "8-QĐi/TW" and "08-QĐi/TW" are one directive.
        return (self.system, int(self.number), self.type_code, self.issuer, self.year, self.unit)


def _issuer_code(code: str) -> str:
    upper = code.upper()
    return "TTg" if upper == "TTG" else upper


def _symbol_from_match(m: re.Match[str], system: str) -> ParsedSymbol | None:
    groups = m.groupdict()
    raw_type = groups.get("type") or ""
    if system == "party" and m.group("sep").isspace() and raw_type not in _TYPES.values():
        # "09 CT/TW" (hyphen lost) is real noise, but a lower-case type after a
        # bare space is more likely prose than a symbol.
        return None
    if system == "state" and groups.get("year"):
        system = "legal"
    year = groups.get("year")
    return ParsedSymbol(
        system=system,
        number=m.group("num"),
        type_code=_TYPES[raw_type.upper()] if raw_type else "",
        issuer=_issuer_code(m.group("issuer")),
        year=int(year) if year else None,
        unit=(groups.get("unit") or "").upper(),
    )


_GRAMMARS = ((_LAW, "law"), (_STATE, "state"), (_PARTY, "party"))


def parse_symbol(s: str) -> ParsedSymbol | None:
    """Parse a string that is exactly one symbol ("59-NQ/TW", "08- QĐi/tw"), else None."""
    stripped = normalize_text(s).strip()
    for grammar, system in _GRAMMARS:
        m = grammar.fullmatch(stripped)
        if m:
            return _symbol_from_match(m, system)
    return None


def canonical_symbol(s: str) -> str | None:
    """The canonical spelling of a symbol ("15-NQ/tw" -> "15-NQ/TW"), None if not a symbol."""
    parsed = parse_symbol(s)
    return parsed.canonical if parsed else None


def _find_symbols(text: str, start: int, end: int) -> list[tuple[int, int, ParsedSymbol]]:
    found: list[tuple[int, int, ParsedSymbol]] = []
    for grammar, system in _GRAMMARS:
        for m in grammar.finditer(text, start, end):
            symbol = _symbol_from_match(m, system)
            if symbol:
                found.append((m.start(), m.end(), symbol))
    chosen: list[tuple[int, int, ParsedSymbol]] = []
    for item in sorted(found, key=lambda f: (f[0], f[0] - f[1])):
        if not chosen or item[0] >= chosen[-1][1]:
            chosen.append(item)
    return chosen


# ----------------------------------------------------------------- kinds

# Kind words and their type codes: action programme, programme, joint
# circular, circular, (Party) circular, conclusion notice, notice, resolution,
# conclusion, directive, decision, regulation, decree, guideline, plan,
# report, rules, scheme, official dispatch, submission; code, law, ordinance.
_KIND_WORDS = (
    ("Chương trình hành động", "CTr"), ("Chương trình", "CTr"),
    ("Thông tư liên tịch", "TTLT"), ("Thông tư", "TT"), ("Thông tri", "TT"),
    ("Thông báo kết luận", "TB"), ("Thông báo", "TB"), ("Nghị quyết", "NQ"),
    ("Kết luận", "KL"), ("Chỉ thị", "CT"), ("Quyết định", "QĐ"), ("Quy định", "QĐi"),
    ("Nghị định", "NĐ"), ("Hướng dẫn", "HD"), ("Kế hoạch", "KH"), ("Báo cáo", "BC"),
    ("Quy chế", "QC"), ("Đề án", "ĐA"), ("Công điện", "CĐ"), ("Tờ trình", "TTr"),
    ("Bộ luật", ""), ("Luật", ""), ("Pháp lệnh", ""),
)  # fmt: skip
_CODE_OF_WORD = {matching_key(word): code for word, code in _KIND_WORDS}
_WORD_OF_KEY = {matching_key(word): word for word, _ in _KIND_WORDS}
_KIND_BY_CODE = {code: word for word, code in reversed(_KIND_WORDS) if code}
_KIND_BY_CODE |= {"CTr": "Chương trình", "TT": "Thông tư", "QyĐ": "Quy định"}
_NAMED_KINDS = frozenset(matching_key(w) for w in ("Bộ luật", "Luật", "Pháp lệnh"))
_KIND_ALTERNATION = "|".join(re.escape(w) for w, _ in _KIND_WORDS)
_KIND_ANY_CASE = re.compile(rf"(?<!\w)(?:{_KIND_ALTERNATION})(?!\w)", re.IGNORECASE)
_SO = r"(?:số\s*:?\s*)"
_LOOKBACK = 120


def _kind_of_symbol(symbol: ParsedSymbol) -> str:
    if symbol.system == "law":
        return "Nghị quyết" if symbol.issuer.startswith("UBTVQH") else "Luật"
    if symbol.system == "party" and symbol.type_code == "TT":
        return "Thông tri"
    return _KIND_BY_CODE.get(symbol.type_code, "")


def _word_fits(word_key: str, symbol: ParsedSymbol) -> bool:
    code = _CODE_OF_WORD[word_key]
    if symbol.system == "law":
        return word_key in _NAMED_KINDS or code == "NQ"
    if code in ("QĐi", "QyĐ"):
        return symbol.type_code in ("QĐi", "QyĐ")
    return code == symbol.type_code


def _kind_word_before(text: str, lo: int, at: int, symbol: ParsedSymbol) -> tuple[int, str] | None:
    """(start, canonical kind word) of the kind word that introduces the symbol at `at`."""
    window_start = max(lo, at - _LOOKBACK)
    for m in reversed(list(_KIND_ANY_CASE.finditer(text, window_start, at))):
        key = matching_key(m.group())
        gap = text[m.end() : at]
        adjacent = re.fullmatch(rf"\s*{_SO}?", gap)
        # "Luật Công an nhân dân số 37/2018/QH14": a named law between word and "số".
        named = key in _NAMED_KINDS and re.fullmatch(rf"\s+[^,;.\n]{{1,80}}?\s+{_SO}", gap)
        if adjacent or named:
            return (m.start(), _WORD_OF_KEY[key]) if _word_fits(key, symbol) else None
    return None


# ----------------------------------------------------------------- citation tails

_BEFORE_DATE = re.compile(r"\s*,?\s*(?:(?:được\s+)?ban hành\s+)?")
_OF = re.compile(r"\s*,?\s*(?:của|do)\s+(?=[A-ZĐ])")
# Where an issuer's name ends: punctuation or a word that starts the next
# clause (about, issue, implement, and, in, at, to, so as, has, will, is, ...).
_ISSUER_STOP = re.compile(
    r"\s*[,;:()\[\]“”\"]|\.(?!\w)|\s(?:về|ban hành|thực hiện|triển khai|và|trong|tại|nhằm|để"
    r"|đã|đang|sẽ|được|đến|tới|với|cùng|hướng dẫn|quy định|theo|khi|là|thì|có|đối với|trên"
    r"|năm|ngày|số|nêu|xác định|đề ra|yêu cầu|chỉ rõ|nhấn mạnh|khẳng định)(?!\w)"
)
_MAX_ISSUER_WORDS = 12
_ABOUT = re.compile(r"\s*,?\s*về\s+")
_CLAUSE_END = re.compile(r"[,;:]|\.(?!\w)")
_MAX_SUMMARY_WORDS = 40
_IMPLEMENTS = re.compile(
    rf"\s*,?\s*(?:về\s+)?(?:việc\s+)?(?:ban hành\s+(?:(?:{_KIND_ALTERNATION})\s+)?)?"
    r"(?:tiếp tục\s+)?(?:triển khai\s+)?(?:thi hành|thực hiện)\s+",
    re.IGNORECASE,
)


@dataclass
class _Citation:
    start: int
    end: int
    limit: int  # end of the block: a citation never reads past it
    kind: str
    kind_code: str
    number: str
    symbol: ParsedSymbol | None = None
    issued: PartialDate | None = None
    issuer_name: str = ""
    summary: str = ""
    tail_end: int = 0  # after the date and issuer that follow the citation
    implements: list[_Citation] = field(default_factory=list)
    key: str = ""


def _read_date(text: str, pos: int, limit: int) -> tuple[PartialDate, int] | None:
    lead = _BEFORE_DATE.match(text, pos, limit)
    at = lead.end() if lead else pos
    for start, end, date in find_dates(text[at : min(limit, at + 40)]):
        return (date, at + end) if start == 0 else None
    return None


def _read_issuer(text: str, pos: int, limit: int) -> tuple[str, int] | None:
    of = _OF.match(text, pos, limit)
    if not of:
        return None
    stop = _ISSUER_STOP.search(text, of.end(), limit)
    end = stop.start() if stop else limit
    name = text[of.end() : end].strip()
    if not name or len(name.split()) > _MAX_ISSUER_WORDS:
        return None
    return name, of.start() + len(text[of.start() : end].rstrip())


def _read_tail(cite: _Citation, text: str) -> None:
    """Fill date, issuer and summary from what follows the citation."""
    pos = cite.end
    for _ in range(2):  # the date may come before or after the issuer
        date = None if cite.issued else _read_date(text, pos, cite.limit)
        if date:
            cite.issued, pos = date
        issuer = None if cite.issuer_name else _read_issuer(text, pos, cite.limit)
        if issuer:
            cite.issuer_name, pos = issuer
    cite.tail_end = pos
    about = _ABOUT.match(text, pos, cite.limit)
    if about:
        stop = _CLAUSE_END.search(text, about.end(), cite.limit)
        summary = text[about.end() : stop.start() if stop else cite.limit]
        if not summary.startswith(("thực hiện", "triển khai", "việc thực hiện")):
            # "về hội nhập quốc tế ... và Nghị quyết số 153/NQ-CP": the next
            # citation is not part of this one's subject.
            summary = re.split(rf"\s+và\s+(?={_KIND_ALTERNATION})", summary)[0]
        cite.summary = " ".join(summary.split()[:_MAX_SUMMARY_WORDS]).strip()


# ----------------------------------------------------------------- short references

_SHORT_REF = re.compile(
    rf"(?<!\w)(?P<kind>{'|'.join(re.escape(w) for w, c in _KIND_WORDS if c)})\s+{_SO}?"
    r"(?P<num>\d{1,4})(?![\w/\-–]|[.,]\d)"
    # "Kế hoạch 5 năm" (five-year plan): a count, not a number.
    r"(?!\s*(?:%|năm|tháng|tuần|người|đại biểu|lần|nội dung|nhiệm vụ)(?!\w))"
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


# ----------------------------------------------------------------- extraction


def _citations(structure: ArticleStructure) -> list[_Citation]:
    text = structure.text
    cites: list[_Citation] = []
    for lo, hi in extractable_spans(structure):
        taken: list[tuple[int, int]] = []
        for start, end, symbol in _find_symbols(text, lo, hi):
            word = _kind_word_before(text, lo, start, symbol)
            kind = word[1] if word else _kind_of_symbol(symbol)
            cite_start = word[0] if word else start
            cites.append(
                _Citation(cite_start, end, hi, kind, symbol.type_code, symbol.number, symbol)
            )
            taken.append((cite_start, end))
        for m in _SHORT_REF.finditer(text, lo, hi):
            if any(s < m.end() and m.start() < e for s, e in taken):
                continue
            key = matching_key(m.group("kind"))
            cites.append(
                _Citation(m.start(), m.end(), hi, _WORD_OF_KEY[key], _CODE_OF_WORD[key],
                          m.group("num"))
            )  # fmt: skip
    cites.sort(key=lambda c: c.start)
    for cite in cites:
        _read_tail(cite, text)
    _share_issuers(cites, text)
    _link_implementations(cites, text)
    return cites


_COORDINATION = re.compile(r"\s*(?:,\s*(?:và\s+)?|và\s+)")


def _share_issuers(cites: list[_Citation], text: str) -> None:
    # "Nghị quyết số 57-NQ/TW và Nghị quyết số 66-NQ/TW của Bộ Chính trị":
    # coordinated citations with one issuer code share the issuer named last.
    for first, second in reversed(list(pairwise(cites))):
        gap = _COORDINATION.fullmatch(text, first.tail_end, second.start)
        same_code = (first.symbol is None or second.symbol is None) or (
            first.symbol.issuer == second.symbol.issuer
        )
        if gap and same_code and not first.issuer_name and first.tail_end == first.end:
            first.issuer_name = second.issuer_name


def _link_implementations(cites: list[_Citation], text: str) -> None:
    by_start = {c.start: c for c in cites}
    for cite in cites:
        chain = _IMPLEMENTS.match(text, cite.tail_end, cite.limit)
        if not chain:
            continue
        target = by_start.get(chain.end())
        while target is not None:
            cite.implements.append(target)
            gap = _COORDINATION.match(text, target.tail_end, cite.limit)
            target = by_start.get(gap.end()) if gap else None


def _issuer_from_code(symbol: ParsedSymbol) -> str:
    code = re.sub(r"\d+$", "", symbol.issuer)
    table = _PARTY_ISSUERS if symbol.system == "party" else _STATE_ISSUERS
    return table.get(code, "")


# Issuer codes of Party symbols: Central Committee (also Politburo and
# Secretariat), Central Party Office, Central Public Security Party
# Committee, Central Military Commission, Central Organisation / Propaganda /
# External Relations / Internal Affairs Commissions, Central Inspection Commission.
_PARTY_ISSUERS = {
    "TW": "Ban Chấp hành Trung ương", "VPTW": "Văn phòng Trung ương Đảng",
    "ĐUCA": "Đảng ủy Công an Trung ương", "QUTW": "Quân ủy Trung ương",
    "BTCTW": "Ban Tổ chức Trung ương", "BTGTW": "Ban Tuyên giáo Trung ương",
    "BĐNTW": "Ban Đối ngoại Trung ương", "BNCTW": "Ban Nội chính Trung ương",
    "UBKTTW": "Ủy ban Kiểm tra Trung ương",
}  # fmt: skip
# Issuer codes of state symbols: Government, Prime Minister, ministries of
# Public Security, Industry and Trade (BCT here is NOT the Politburo), Defence,
# Foreign Affairs, Finance, Home Affairs, Justice, Health; National Assembly
# and its Standing Committee; Supreme People's Court and Procuracy.
_STATE_ISSUERS = {
    "CP": "Chính phủ", "TTg": "Thủ tướng Chính phủ", "BCA": "Bộ Công an",
    "BCT": "Bộ Công Thương", "BQP": "Bộ Quốc phòng", "BNG": "Bộ Ngoại giao",
    "BTC": "Bộ Tài chính", "BNV": "Bộ Nội vụ", "BTP": "Bộ Tư pháp", "BYT": "Bộ Y tế",
    "QH": "Quốc hội", "UBTVQH": "Ủy ban Thường vụ Quốc hội",
    "TANDTC": "Tòa án nhân dân tối cao", "VKSNDTC": "Viện kiểm sát nhân dân tối cao",
}  # fmt: skip


def _symbol_entities(cites: list[_Citation]) -> dict[_Identity, DirectiveEntity]:
    entities: dict[_Identity, DirectiveEntity] = {}
    for cite in cites:
        if cite.symbol is None:
            continue
        identity = cite.symbol.identity
        known = entities.get(identity)
        issued = cite.issued
        if issued and cite.symbol.year:
            issued = infer_year(issued, [cite.symbol.year])
        if known is None:
            known = DirectiveEntity(
                key=cite.symbol.canonical, kind=cite.kind, kind_code=cite.symbol.type_code,
                number=cite.symbol.number, symbol=cite.symbol.canonical,
            )  # fmt: skip
        entities[identity] = replace(
            known,
            kind=known.kind if known.kind != _kind_of_symbol(cite.symbol) else cite.kind,
            issued=known.issued or issued,
            issuer_name=known.issuer_name or cite.issuer_name,
            summary=known.summary or cite.summary,
        )
        cite.key = known.key
    for identity, entity in entities.items():
        symbol = next(c.symbol for c in cites if c.symbol and c.symbol.identity == identity)
        entities[identity] = replace(
            entity, issuer_name=entity.issuer_name or _issuer_from_code(symbol)
        )
    return entities


def _resolve_short(cite: _Citation, candidates: list[DirectiveEntity]) -> DirectiveEntity | None:
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


def extract_directives(
    structure: ArticleStructure,
) -> tuple[tuple[DirectiveEntity, ...], tuple[Mention, ...]]:
    """The directives an article cites (one entity each) and every mention of them."""
    cites = _citations(structure)
    by_symbol = _symbol_entities(cites)
    entities: dict[str, DirectiveEntity] = {e.key: e for e in by_symbol.values()}
    # Citations with a date or issuer first, so a bare "Nghị quyết 12" joins
    # "Nghị quyết số 12 ngày 16/3/2023 của Bộ Chính trị" wherever it stands.
    loose: list[DirectiveEntity] = []
    loose_of: dict[int, int] = {}
    short = [c for c in cites if c.symbol is None]
    for cite in sorted(short, key=lambda c: not (c.issued or c.issuer_name)):
        target = _resolve_short(cite, list(by_symbol.values()))
        if target:
            cite.key = target.key
            continue
        match = _resolve_short(cite, loose)
        if match is None or (
            cite.issuer_name
            and match.issuer_name
            and matching_key(cite.issuer_name) != matching_key(match.issuer_name)
        ):
            loose.append(DirectiveEntity(key="", kind=cite.kind, kind_code=cite.kind_code,
                                         number=str(int(cite.number))))  # fmt: skip
            match = loose[-1]
        index = loose.index(match)
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
                sentence=sentence.text if sentence else "",
            )
        )
    ordered = list(dict.fromkeys(c.key for c in cites))
    result = tuple(
        replace(
            entities[key],
            issuer_key=matching_key(entities[key].issuer_name)
            if entities[key].issuer_name
            else None,
            implements=tuple(implements.get(key, ())),
        )
        for key in ordered
    )
    return result, tuple(mentions)
