"""Citations of directives in the text: the kind word, date, issuer and summary around
a symbol, short references ("Kết luận 82") and implementation chains
("Chương trình hành động số 50-CTr/ĐUCA ... về thực hiện Nghị quyết số 59-NQ/TW").

Only `article.extractable_spans` are scanned, so furniture, bylines and
repeated captions never yield a directive.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from itertools import pairwise

from archive.extraction.article import extractable_spans
from archive.extraction.dates import find_dates
from archive.extraction.directives.laws import named_laws
from archive.extraction.directives.symbols import (
    ParsedSymbol,
    find_letter_symbol,
    find_symbols,
)
from archive.extraction.normalize import matching_key
from archive.extraction.organisations.grammar import parse_organisation_at
from archive.extraction.tokens import tokenize
from archive.extraction.types import ArticleStructure, PartialDate

# Kind words and their type codes: action programme, programme, joint
# circular, circular, (Party) circular, conclusion notice, notice, resolution,
# conclusion, directive, decision, regulation, decree, guideline, plan,
# report, rules, scheme, official dispatch, submission; code, law, ordinance,
# administrative letter.
_KIND_WORDS = (
    ("Chương trình hành động", "CTr"), ("Chương trình", "CTr"),
    ("Thông tư liên tịch", "TTLT"), ("Thông tư", "TT"), ("Thông tri", "TT"),
    ("Thông báo kết luận", "TB"), ("Thông báo", "TB"), ("Nghị quyết liên tịch", "NQLT"),
    ("Nghị quyết", "NQ"),
    ("Kết luận", "KL"), ("Chỉ thị", "CT"), ("Quyết định", "QĐ"), ("Quy định", "QĐi"),
    ("Nghị định", "NĐ"), ("Hướng dẫn", "HD"), ("Kế hoạch", "KH"), ("Báo cáo", "BC"),
    ("Quy chế", "QC"), ("Đề án", "ĐA"), ("Công điện", "CĐ"), ("Tờ trình", "TTr"),
    ("Bộ luật", ""), ("Luật", ""), ("Pháp lệnh", ""), ("Công văn", ""), ("Văn bản", ""),
)  # fmt: skip
_CODE_OF_WORD = {matching_key(word): code for word, code in _KIND_WORDS}
_WORD_OF_KEY = {matching_key(word): word for word, _ in _KIND_WORDS}
_KIND_BY_CODE = {code: word for word, code in reversed(_KIND_WORDS) if code}
_KIND_BY_CODE |= {
    "CTr": "Chương trình",
    "TT": "Thông tư",
    "QyĐ": "Quy định",
    "QĐNS": "Quyết định",
}
_NAMED_KINDS = frozenset(matching_key(w) for w in ("Bộ luật", "Luật", "Pháp lệnh"))
_KIND_ALTERNATION = "|".join(re.escape(w) for w, _ in _KIND_WORDS)
_KIND_ANY_CASE = re.compile(rf"(?<!\w)(?:{_KIND_ALTERNATION})(?!\w)", re.IGNORECASE)
_SO = r"(?:số\s*:?\s*)"
# "Công văn số 1842/UBND-KT": a letter's symbol has no type code, so only
# the kind word before it makes it a symbol.
# "(?<!\w)" is checked after the first letter in the two patterns scanned over
# every span (this one and _SHORT_REF): a pattern that starts with a letter
# lets the regex engine skip ahead instead of trying each position.
# "Văn bản số 123/UBND-NC" (a document) is such a letter too.
# Each ending only after its own first letter: "căn bản" ("basic") is no document.
_LETTER_WORD = re.compile(rf"[CcVv](?<!\w[CcVv])(?:(?<=[Cc])ông văn|(?<=[Vv])ăn bản)\s+{_SO}?")
_LOOKBACK = 120
# What may stand between a kind word and its symbol: "số", or (for a law) its
# name and then "số" ("Luật Công an nhân dân số 37/2018/QH14").
_GAP_ADJACENT = re.compile(rf"\s*{_SO}?")
_GAP_NAMED = re.compile(rf"\s+[^,;.\n]{{1,80}}?\s+{_SO}")
# "... và Nghị quyết số 153/NQ-CP": where the next citation starts.
_AND_NEXT_KIND = re.compile(rf"\s+và\s+(?={_KIND_ALTERNATION})")


def kind_of_symbol(symbol: ParsedSymbol) -> str:
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
        # The Party writes its regulations "QĐ" too ("Quy định số 114-QĐ/TW").
        return symbol.type_code in ("QĐi", "QyĐ") or (
            symbol.system == "party" and symbol.type_code == "QĐ"
        )
    if code == "QĐ":
        return symbol.type_code in ("QĐ", "QĐNS")  # a personnel decision is a decision
    return code == symbol.type_code


def _kind_word_before(text: str, lo: int, at: int, symbol: ParsedSymbol) -> tuple[int, str] | None:
    """(start, canonical kind word) of the kind word that introduces the symbol at `at`."""
    window_start = max(lo, at - _LOOKBACK)
    for m in reversed(list(_KIND_ANY_CASE.finditer(text, window_start, at))):
        key = matching_key(m.group())
        gap = text[m.end() : at]
        adjacent = _GAP_ADJACENT.fullmatch(gap)
        named = key in _NAMED_KINDS and _GAP_NAMED.fullmatch(gap)
        if adjacent or named:
            return (m.start(), _WORD_OF_KEY[key]) if _word_fits(key, symbol) else None
    return None


# ----------------------------------------------------------------- citation tails

# What a date opens with, besides a digit ("Ngày 16/3/2023", "tháng 4/2025").
_DATE_OPENINGS = ("Ngày", "ngày", "Tháng", "tháng")
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
_MAX_TOPICAL_ISSUER_WORDS = 24  # "Ban Chỉ đạo Trung ương về phòng, chống tham nhũng, ..."
_JOINT = re.compile(r"\s+và\s+(?=[A-ZĐ])")
_ABOUT = re.compile(r"\s*,?\s*về\s+")
_CLAUSE_END = re.compile(r"[,;:]|\.(?!\w)")
_MAX_SUMMARY_WORDS = 40
_IMPLEMENTS = re.compile(
    rf"\s*,?\s*(?:về\s+)?(?:việc\s+)?(?:ban hành\s+(?:(?:{_KIND_ALTERNATION})\s+)?)?"
    r"(?:tiếp tục\s+)?(?:triển khai\s+)?(?:thi hành|thực hiện)\s+",
    re.IGNORECASE,
)


@dataclass
class Citation:
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
    # A law's name ("Công an nhân dân" in "Luật Công an nhân dân 2018"), when cited by name.
    title: str = ""
    implements: list[Citation] = field(default_factory=list)
    key: str = ""


def _read_date(text: str, pos: int, limit: int) -> tuple[PartialDate, int] | None:
    lead = _BEFORE_DATE.match(text, pos, limit)
    at = lead.end() if lead else pos
    if not (text[at : at + 1].isdigit() or text.startswith(_DATE_OPENINGS, at, limit)):
        return None  # no date starts right here (see `dates._date_starts`): nothing to read
    for start, end, date in find_dates(text[at : min(limit, at + 40)]):
        return (date, at + end) if start == 0 else None
    return None


def _read_issuer(text: str, pos: int, limit: int) -> tuple[str, int] | None:
    of = _OF.match(text, pos, limit)
    if not of:
        return None
    stop = _ISSUER_STOP.search(text, of.end(), limit)
    end = stop.start() if stop else limit
    most = _MAX_ISSUER_WORDS
    if stop and stop.group().strip() == "về":
        topical = _topic_name_end(text, of.end(), end, limit)
        if topical != end:
            end, most = topical, _MAX_TOPICAL_ISSUER_WORDS
    first = text[of.end() : end].split()[:1]
    joint = _JOINT.match(text, end, limit)
    if first and joint and text[joint.end() :].startswith(first[0] + " "):
        # "của Bộ Công an và Bộ Quốc phòng": issued jointly. Both bodies make
        # the issuer's name; the first is the one the issuer key points at.
        stop = _ISSUER_STOP.search(text, joint.end(), limit)
        end = stop.start() if stop else limit
    name = text[of.end() : end].strip()
    if not name or len(name.split()) > most:
        return None
    return name, of.start() + len(text[of.start() : end].rstrip())


def _topic_name_end(text: str, start: int, end: int, limit: int) -> int:
    """Where a body's name ends when "về" follows its first words: past the topic
    for a body named by it ("Ban Chỉ đạo Trung ương về phòng, chống tham nhũng,
    lãng phí, tiêu cực"), else at "về" (the document's subject)."""
    if not text.startswith("Ban Chỉ đạo", start):
        return end
    tokens = tokenize(text, start, min(limit, start + 200))
    match = parse_organisation_at(tokens, 0, in_post=False) if tokens else None
    if match is None or tokens[match.end - 1].end <= end:
        return end
    return tokens[match.end - 1].end


def _read_tail(cite: Citation, text: str) -> None:
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
            summary = _AND_NEXT_KIND.split(summary)[0]
        cite.summary = " ".join(summary.split()[:_MAX_SUMMARY_WORDS]).strip()


# ----------------------------------------------------------------- short references


def _word_start(word: str) -> str:
    """`word` as a pattern that matches only where no word character precedes it."""
    first = re.escape(word[0])
    return f"{first}(?<!\\w{first}){re.escape(word[1:])}"


_SHORT_REF = re.compile(
    rf"(?P<kind>{'|'.join(_word_start(w) for w, c in _KIND_WORDS if c)})\s+{_SO}?"
    r"(?P<num>\d{1,4})(?![\w/\-–]|[.,]\d)"
    # "Kế hoạch 5 năm" (five-year plan): a count, not a number.
    r"(?!\s*(?:%|năm|tháng|tuần|người|đại biểu|lần|nội dung|nhiệm vụ)(?!\w))"
)


_DIGIT = re.compile(r"\d")


def _may_name_law(text: str, lo: int, hi: int) -> bool:
    """Whether text[lo:hi] has "luật" or "lệnh", which every kind word of a named law ends with."""
    return text.find("uật", lo, hi) >= 0 or text.find("háp lệnh", lo, hi) >= 0


def citations(structure: ArticleStructure) -> list[Citation]:
    text = structure.text
    cites: list[Citation] = []
    for lo, hi in extractable_spans(structure):
        taken: list[tuple[int, int]] = []
        for start, end, symbol in find_symbols(text, lo, hi):
            word = _kind_word_before(text, lo, start, symbol)
            kind = word[1] if word else kind_of_symbol(symbol)
            cite_start = word[0] if word else start
            cite = Citation(cite_start, end, hi, kind, symbol.type_code, symbol.number, symbol)
            if word and matching_key(word[1]) in _NAMED_KINDS:
                # "Luật Lưu trữ số 33/2024/QH15": the name, for a later "Luật Lưu trữ".
                gap = text[word[0] + len(word[1]) : start]
                cite.title = re.sub(rf"\s*{_SO}$", "", gap).strip()
            cites.append(cite)
            taken.append((cite_start, end))
        # Each pass below needs a literal that most spans lack: skip the pass then.
        letters = (
            _LETTER_WORD.finditer(text, lo, hi)
            if text.find("ông văn", lo, hi) >= 0 or text.find("ăn bản", lo, hi) >= 0
            else ()
        )
        for m in letters:
            letter = find_letter_symbol(text, m.end(), hi)
            if letter is None or any(s < letter[0] and m.start() < e for s, e in taken):
                continue
            end, symbol = letter
            kind = "Văn bản" if m.group().lower().startswith("v") else "Công văn"
            cites.append(Citation(m.start(), end, hi, kind, "", symbol.number, symbol))
            taken.append((m.start(), end))
        laws = named_laws(text, lo, hi) if _may_name_law(text, lo, hi) else []
        for law in laws:
            if any(s < law.end and law.start < e for s, e in taken):
                continue
            issued = PartialDate(year=law.year) if law.year else None
            cites.append(
                Citation(law.start, law.end, hi, law.kind, "", "", issued=issued, title=law.name)
            )
            taken.append((law.start, law.end))
        for m in _SHORT_REF.finditer(text, lo, hi) if _DIGIT.search(text, lo, hi) else ():
            if any(s < m.end() and m.start() < e for s, e in taken):
                continue
            key = matching_key(m.group("kind"))
            cites.append(
                Citation(m.start(), m.end(), hi, _WORD_OF_KEY[key], _CODE_OF_WORD[key],
                          m.group("num"))
            )  # fmt: skip
    cites.sort(key=lambda c: c.start)
    for cite in cites:
        _read_tail(cite, text)
    _share_issuers(cites, text)
    _link_implementations(cites, text)
    return cites


_COORDINATION = re.compile(r"\s*(?:,\s*(?:và\s+)?|và\s+)")


def _share_issuers(cites: list[Citation], text: str) -> None:
    # "Nghị quyết số 57-NQ/TW và Nghị quyết số 66-NQ/TW của Bộ Chính trị":
    # coordinated citations with one issuer code share the issuer named last.
    for first, second in reversed(list(pairwise(cites))):
        gap = _COORDINATION.fullmatch(text, first.tail_end, second.start)
        same_code = (first.symbol is None or second.symbol is None) or (
            first.symbol.issuer == second.symbol.issuer
        )
        if gap and same_code and not first.issuer_name and first.tail_end == first.end:
            first.issuer_name = second.issuer_name


def _link_implementations(cites: list[Citation], text: str) -> None:
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
