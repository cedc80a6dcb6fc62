"""A small invented corpus whose import order used to matter, and a dump that compares results.

Each article says something about shared records in its own way: one spells
a name in the old tone style ("Hòa") and another in the new ("Hoà"), two
give a directive different summaries, one cites a plan in full and another
only by a short reference ("Kế hoạch 88") that the full citation resolves.
"""

from __future__ import annotations

from archive.models import Article, Directive, Organisation, Person, PersonRank, Position
from tests.factories import MENTION_MODELS

ORDER_CORPUS = {
    "hoa-cu.txt": (
        "Công an tỉnh Bình Khê sơ kết công tác quý I\n\n"
        "Sáng 2/4/2025, Công an tỉnh Bình Khê tổ chức hội nghị sơ kết công tác quý I.\n\n"
        "Đại tá Lò Văn Hòa, Giám đốc Công an tỉnh Bình Khê chủ trì hội nghị.\n\n"
        "Hội nghị quán triệt Kế hoạch số 88/KH-CAT ngày 2/1/2025 của Công an tỉnh Bình Khê "
        "về bảo đảm an ninh nông thôn.\n\n"
        "Minh Anh\n"
    ),
    "hoa-moi.txt": (
        "Công an tỉnh Bình Khê tập huấn nghiệp vụ\n\n"
        "Ngày 9/5/2025, Công an tỉnh Bình Khê mở lớp tập huấn nghiệp vụ.\n\n"
        "Đại tá Lò Văn Hoà, Giám đốc Công an tỉnh Bình Khê phát biểu khai mạc.\n\n"
        "Lớp học triển khai Kế hoạch số 88/KH-CAT ngày 2/1/2025 của Công an tỉnh Bình Khê "
        "về tuần tra kiểm soát vùng biên giới đất liền.\n\n"
        "Thu Hà\n"
    ),
    "ngan.txt": (
        "Công an tỉnh Bình Khê kiểm tra địa bàn\n\n"
        "Ngày 20/6/2025, đoàn công tác của Công an tỉnh Bình Khê kiểm tra xã Tân Lạc.\n\n"
        "Thượng tá Mạc Đình Sính, Phó Giám đốc Công an tỉnh Bình Khê dẫn đầu đoàn.\n\n"
        "Đoàn đánh giá việc thực hiện Kế hoạch 88 của Công an tỉnh Bình Khê tại cơ sở.\n\n"
        "Minh Anh\n"
    ),
    "chi-thi.txt": (
        "Công an tỉnh Sơn Lâm học tập chỉ thị\n\n"
        "Chiều 3/7/2025, Công an tỉnh Sơn Lâm tổ chức học tập Chỉ thị số 41-CT/TW "
        "ngày 5/6/2024 của Ban Bí thư về tăng cường phòng cháy.\n\n"
        "Thượng tá Mạc Đình Sính dự và phát biểu.\n\n"
        "Thu Hà\n"
    ),
    "chi-bo.txt": (
        "Chi bộ Phòng Cảnh sát giao thông sinh hoạt chuyên đề\n\n"
        "Ngày 15/8/2025, Chi bộ Phòng Cảnh sát giao thông Công an tỉnh Sơn Lâm sinh hoạt "
        "chuyên đề.\n\n"
        "Chi bộ thống nhất tiếp tục thực hiện Chỉ thị 41 trong toàn đơn vị.\n\n"
        "Minh Anh\n"
    ),
}


def _entity(record) -> str:
    if record is None:
        return ""
    if isinstance(record, Directive):
        return record.symbol or record.key
    return record.key


def canonical_dump() -> dict[str, list]:
    """Everything an import decides, by natural keys only (no ids, no times)."""
    people = [
        (
            p.key,
            p.name,
            p.rank,
            p.academic_titles,
            p.foreign,
            sorted(a.key for a in p.aliases.all()),
        )
        for p in Person.objects.prefetch_related("aliases")
    ]
    organisations = [
        (
            o.key,
            o.name,
            o.abbreviation,
            o.kind,
            _entity(o.parent),
            sorted(a.key for a in o.aliases.all()),
        )
        for o in Organisation.objects.select_related("parent").prefetch_related("aliases")
    ]
    directives = [
        (
            d.symbol or "",
            d.key,
            d.kind,
            d.number,
            d.summary,
            str(d.issued_on),
            _entity(d.issuer),
            sorted(_entity(t) for t in d.implements.all()),
        )
        for d in Directive.objects.select_related("issuer").prefetch_related("implements")
    ]
    mentions = []
    for model, attribute in MENTION_MODELS.values():
        for m in model.objects.select_related("article", attribute):
            mentions.append(
                (m.article.origin, attribute, _entity(getattr(m, attribute)), m.start, m.end)
            )
    positions = [
        (p.article.origin if p.article else "", p.person.key, p.title, p.role,
         _entity(p.organisation))
        for p in Position.objects.select_related("article", "person", "organisation")
    ]  # fmt: skip
    ranks = [
        (r.article.origin, r.person.key, r.rank, r.former)
        for r in PersonRank.objects.select_related("article", "person")
    ]
    articles = [(a.origin, a.title, a.sha256, str(a.published_on)) for a in Article.objects.all()]
    return {
        name: sorted(rows, key=repr)
        for name, rows in {
            "articles": articles,
            "people": people,
            "organisations": organisations,
            "directives": directives,
            "mentions": mentions,
            "positions": positions,
            "ranks": ranks,
        }.items()
    }
