"""Directive symbols: the grammars of DOMAIN §3 with the noise real text carries.

What belongs here: Party NUMBER-TYPE/ISSUER, state NUMBER/TYPE-ISSUER[-UNIT],
legal NUMBER/YEAR/TYPE-ISSUER and laws NUMBER/YEAR/QH<term>; their canonical
spelling; and the issuer each issuer code stands for. `parse_symbol` /
`canonical_symbol` also serve the API to validate symbols typed by people.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from archive.extraction.normalize import normalize_text

# Type abbreviations in their canonical spelling, keyed by upper case. QĐNS
# is the Party's personnel decision (quyết định nhân sự).
_TYPES = {
    t.upper(): t
    for t in ("TTLT", "NQLT", "CTr", "TTr", "QĐNS", "QĐi", "QyĐ", "QĐ", "NQ", "KL", "CT", "NĐ",
              "TT", "HD", "KH", "TB", "BC", "QC", "ĐA", "CĐ")
}  # fmt: skip
_TYPE = "(?P<type>" + "|".join(sorted(_TYPES.values(), key=len, reverse=True)) + ")"
# The look-behind follows the first digit ("not preceded by a word character
# or a separator", checked one character back) so that the pattern starts with
# a digit and the regex engine skips straight to digits instead of trying
# every position of the text.
_NUM = r"(?P<num>\d(?<![\w/.\-–]\d)\d{0,4})"
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
# A joint circular or resolution names every issuer, hyphen-joined, sometimes
# after a slash: "05/2012/TTLT/BCA-BQP-VKSNDTC", "01/2017/TTLT-BCA-BQP-BTC-BNN&PTNT",
# "01/2024/NQLT-CP-ĐCTUBTWMTTQVN".
_JOINT_CODE = r"[A-ZĐ][A-ZĐ0-9]*(?:&[A-ZĐ][A-ZĐ0-9]*)?"
_JOINT_SYMBOL = re.compile(
    _NUM + rf"{_SLASH}(?:(?P<year>(?:19|20)\d\d){_SLASH})?(?P<type>TTLT|NQLT)(?:{_DASH}|{_SLASH})"
    rf"(?P<issuer>{_JOINT_CODE})(?P<unit>(?:[-–]{_JOINT_CODE})+){_END}",
    re.IGNORECASE,
)
# An administrative letter has no type code: NUMBER/ISSUER[-UNIT] ("1842/UBND-KT").
# Only a kind word before it ("Công văn số") makes such a string a symbol.
_LETTER = re.compile(
    _NUM + rf"{_SLASH}(?P<issuer>{_CODE})(?:[-–](?P<unit>{_CODE}))?{_END}",
    re.IGNORECASE,
)
_LAW = re.compile(
    _NUM + rf"{_SLASH}(?P<year>(?:19|20)\d\d){_SLASH}(?P<issuer>(?:UBTVQH|QH)\d{{1,2}}){_END}",
    re.IGNORECASE,
)

# Compiled once here rather than at every call.
_UNIT_SEPARATOR = re.compile("[-–]")
_TRAILING_DIGITS = re.compile(r"\d+$")


Identity = tuple[str, int, str, str, int | None, str]


@dataclass(frozen=True)
class ParsedSymbol:
    """A directive symbol taken apart; `canonical` is how the archive stores it."""

    # "party", "state" (administrative), "legal" (with year), "law" (QH),
    # "letter" (an administrative letter, no type code)
    system: str
    number: str  # as written, leading zeros kept ("08")
    type_code: str  # canonical abbreviation ("QĐi"); "" for laws
    issuer: str  # canonical issuer code ("TW", "TTg", "QH15")
    year: int | None = None
    unit: str = ""  # "X11" in 03/CT-BCA-X11; the other issuers of a joint circular

    @property
    def issuers(self) -> tuple[str, ...]:
        """Every issuer code, the primary first: a joint circular lists them all."""
        if self.type_code in ("TTLT", "NQLT") and self.unit:
            return (self.issuer, *self.unit.split("-"))
        return (self.issuer,)

    @property
    def canonical(self) -> str:
        if self.system == "party":
            return f"{self.number}-{self.type_code}/{self.issuer}"
        if self.system == "law":
            return f"{self.number}/{self.year}/{self.issuer}"
        if self.system == "letter":
            return f"{self.number}/{self.issuer}" + (f"-{self.unit}" if self.unit else "")
        head = f"{self.number}/{self.year}/" if self.system == "legal" else f"{self.number}/"
        return head + f"{self.type_code}-{self.issuer}" + (f"-{self.unit}" if self.unit else "")

    @property
    def identity(self) -> Identity:
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
    unit = (groups.get("unit") or "").upper()
    if system == "joint":
        system = "legal" if year else "state"
        unit = "-".join(_issuer_code(code) for code in _UNIT_SEPARATOR.split(unit) if code)
    if system == "letter" and _issuer_code(m.group("issuer")).upper() in _TYPES:
        return None  # "05/CĐ" is a typed symbol cut short, not a letter
    return ParsedSymbol(
        system=system,
        number=m.group("num"),
        type_code=_TYPES[raw_type.upper()] if raw_type else "",
        issuer=_issuer_code(m.group("issuer")),
        year=int(year) if year else None,
        unit=unit,
    )


_GRAMMARS = ((_JOINT_SYMBOL, "joint"), (_LAW, "law"), (_STATE, "state"), (_PARTY, "party"))
# Every grammar's symbol has a slash followed by a code's letter ("/TW", "/ NĐ", "/QH15"):
# spans without one, dates and all ("13/8/2025"), are passed without running the four.
_SYMBOL_HINT = re.compile(r"/ ?[A-ZĐ]", re.IGNORECASE)


def parse_symbol(s: str) -> ParsedSymbol | None:
    """Parse a string that is exactly one symbol ("59-NQ/TW", "08- QĐi/tw"), else None."""
    stripped = normalize_text(s).strip()
    for grammar, system in (*_GRAMMARS, (_LETTER, "letter")):
        m = grammar.fullmatch(stripped)
        if m:
            return _symbol_from_match(m, system)
    return None


def canonical_symbol(s: str) -> str | None:
    """The canonical spelling of a symbol ("15-NQ/tw" -> "15-NQ/TW"), None if not a symbol."""
    parsed = parse_symbol(s)
    return parsed.canonical if parsed else None


def find_symbols(text: str, start: int, end: int) -> list[tuple[int, int, ParsedSymbol]]:
    found: list[tuple[int, int, ParsedSymbol]] = []
    if _SYMBOL_HINT.search(text, start, end) is None:
        return found  # most paragraphs cite nothing; their dates have slashes, not codes
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


def find_letter_symbol(text: str, start: int, end: int) -> tuple[int, ParsedSymbol] | None:
    """(end, symbol) of the letter symbol ("1842/UBND-KT") standing exactly at start."""
    m = _LETTER.match(text, start, end)
    symbol = _symbol_from_match(m, "letter") if m else None
    return (m.end(), symbol) if m and symbol else None


def issuer_names(symbol: ParsedSymbol) -> tuple[str, ...]:
    """Names of the issuers the symbol's codes stand for, in order, where known."""
    codes = symbol.issuers
    if len(codes) == 1:
        name = issuer_from_code(symbol)
        return (name,) if name else ()
    table = _PARTY_ISSUERS if symbol.system == "party" else _STATE_ISSUERS
    return tuple(table[c] for c in codes if c in table)


def issuer_from_code(symbol: ParsedSymbol) -> str:
    code = _TRAILING_DIGITS.sub("", symbol.issuer)
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
