# ruff: noqa: E501  (article lines are long by nature)
"""Datelines without a year, each with the year a careful reader would give (None: cannot tell).

Written for the archive's tests: the people, bodies and documents are
invented; only the shapes of dates, symbols and periods are the genre's.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class DatedCase:
    name: str
    text: str
    year: int | None


CASES = [
    DatedCase(
        "lead-year",
        "Sáng 20/8, tại Huế, Công an tỉnh Hòa Vang diễn tập phòng cháy năm 2025.\n\nBuổi diễn tập an toàn.\n",
        2025,
    ),
    DatedCase(
        "review-names-previous-year",
        "Sáng 20/1, tại Huế, Công an tỉnh Hòa Vang tổng kết công tác năm 2025.\n\nHội nghị thành công.\n",
        None,
    ),
    DatedCase(
        "same-day-full-date",
        "Ngày 9/9, tại Hải Phòng, lực lượng cảnh sát biển diễn tập.\n\nKế hoạch diễn tập được phê duyệt để thực hiện vào ngày 9/9/2024 theo lịch.\n",
        2024,
    ),
    DatedCase(
        "anniversary-span",
        "Lễ kỷ niệm của lực lượng Công an huyện Sông Mây\n\nSáng 12/5, tại Sông Mây, Công an huyện tổ chức Lễ kỷ niệm 60 năm Ngày thành lập (12/5/1965 - 12/5/2025).\n\nBuổi lễ diễn ra trang trọng.\n",
        2025,
    ),
    DatedCase(
        # The resolution's own date falls on the same day: an anniversary, not the year.
        "anniversary-of-a-resolution",
        "Ngày 22/10, tại Hà Nội, Học viện Lê Trạch tổ chức hội thảo đúng dịp tròn 7 năm Ban Thường vụ ban hành Nghị quyết số 35-NQ/TW ngày 22/10/2018 về công tác tư tưởng.\n\nHội thảo nhận được nhiều tham luận.\n",
        2025,
    ),
    DatedCase(
        "congress-term",
        "Đại hội Đảng bộ Phòng Cảnh sát cơ động lần thứ III, nhiệm kỳ 2025-2030\n\nNgày 4/6, tại Bình Giang, Đảng bộ Phòng Cảnh sát cơ động tổ chức Đại hội đại biểu lần thứ III, nhiệm kỳ 2025-2030.\n\nĐại hội bầu Ban Chấp hành gồm 9 đồng chí.\n",
        2025,
    ),
    DatedCase(
        "six-months-report",
        "Chiều 8/7, tại Lạc Sơn, Công an tỉnh Lạc Sơn họp báo.\n\nTrong 6 tháng đầu năm 2025, lực lượng đã triệt phá 40 đường dây đánh bạc.\n",
        2025,
    ),
    DatedCase(
        "source-url",
        "Sáng 14/8, tại Hà Nội, Bộ trưởng Phan Quốc Vinh tiếp đoàn đại biểu nước bạn.\n\nHai bên trao đổi về hợp tác.\n\nNguồn: https://tin.example.vn/thoi-su/2025/08/14/bo-truong-tiep-doan.html\n",
        2025,
    ),
    DatedCase(
        # A decision issued three days earlier, announced at once.
        "fresh-decision",
        "Chiều 14/10, tại Hà Nội, Ban Tổ chức công bố quyết định về công tác cán bộ.\n\nĐồng chí Hà Minh Đạo được bổ nhiệm theo Quyết định số 2210/QĐ-TTg ngày 11/10/2025 của Thủ tướng Chính phủ.\n",
        2025,
    ),
    DatedCase(
        # Directives of 2025 and a review of the 2021–2025 period: late 2025.
        "review-of-a-period-with-directives",
        "Ngày 11/11, tại Hà Nội, Đảng ủy Cục Tân Lập tổ chức hội nghị.\n\nHội nghị quán triệt Nghị quyết số 59-NQ/TW ngày 24/01/2025 và đánh giá kết quả công tác giai đoạn 2021–2025.\n",
        2025,
    ),
    DatedCase(
        # A directive of 2019 gives only a lower bound: any later year fits.
        "old-directive-only",
        "Ngày 1.7, tại Hà Nội, Bộ Công an và Bộ Quốc phòng sơ kết 5 năm thực hiện Nghị định số 03/2019/NĐ-CP của Chính phủ.\n\nHội nghị đánh giá cao sự phối hợp.\n",
        None,
    ),
    DatedCase(
        "no-evidence",
        "Chiều 9-6, tại Vĩnh Hà, Công an tỉnh khen thưởng 5 người dân dũng cảm bắt cướp.\n\nĐại tá Lê Văn Khang trao giấy khen.\n",
        None,
    ),
    DatedCase(
        # The anniversary says 2025, the same-day full date says 2024: they disagree.
        "evidence-disagrees",
        "Sáng 19/8, tại Hà Nội, Công an tỉnh Bảo Lạc tổ chức Lễ kỷ niệm 80 năm Ngày truyền thống (19/8/1945 - 19/8/2025).\n\nBáo cáo nhắc lại hội nghị ngày 19/8/2024 của đơn vị.\n",
        None,
    ),
    DatedCase(
        # Birth years of the accused say nothing of when the trial is.
        "birth-years-only",
        "Ngày 18/9, tại Thái Hòa, Tòa án nhân dân tỉnh xét xử bị cáo Đỗ Văn Tám (sinh năm 1986).\n\nBị cáo bị tuyên phạt 12 năm tù.\n",
        None,
    ),
    DatedCase(
        "eleven-months-report",
        "Sáng 2/12, tại Hà Nội, Cục Cảnh sát giao thông ra quân cao điểm.\n\nTrong 11 tháng năm 2025, toàn quốc giảm 18% số vụ tai nạn giao thông.\n",
        2025,
    ),
    DatedCase(
        # A plan for 2026–2030 signed now: any of the years before it fits.
        "plan-for-a-coming-period",
        "Ngày 14/8, tại Mát-xcơ-va, hai Bộ trưởng ký Kế hoạch hợp tác giai đoạn 2026–2030.\n\nHai bên nhất trí tăng cường trao đổi đoàn.\n",
        None,
    ),
    DatedCase(
        # The resolution of 10/3/2025 is older than the meeting, so 20/2 is
        # not in 2025; a review of 2021–2025 comes by early 2026.
        "directive-after-the-dateline-day",
        "Sáng 20/2, tại Hà Nội, Đảng ủy Cục Phú An quán triệt Nghị quyết số 12-NQ/ĐU ngày 10/3/2025 và tổng kết công tác giai đoạn 2021-2025.\n\nHội nghị thành công.\n",
        2026,
    ),
    DatedCase(
        "anniversary-of-one-year",
        "Ngày 3/2, tại Hà Nội, Hội Cựu chiến binh Phường Tây Hồ gặp mặt kỷ niệm 10 năm thành lập (2016).\n\nBuổi gặp mặt thân mật.\n",
        2026,
    ),
    DatedCase(
        "this-year-named",
        "Chiều 15/7, tại Cao Bằng, Công an tỉnh Bắc Sơn ra quân cao điểm tấn công trấn áp tội phạm.\n\nĐây là đợt cao điểm thứ hai của năm nay (2024) trên địa bàn.\n",
        2024,
    ),
    DatedCase(
        "same-period-of-last-year",
        "Sáng 9/10, tại Lạng Sơn, Công an tỉnh Mai Sơn họp báo về tình hình tội phạm.\n\nSố vụ phạm tội về ma túy giảm 14% so với cùng kỳ năm 2023.\n",
        2024,
    ),
    DatedCase(
        # In January a year's review compares that year with the one before.
        "same-period-in-a-january-review",
        "Sáng 12/1, tại Lạng Sơn, Công an tỉnh Mai Sơn họp báo về tình hình tội phạm.\n\nSố vụ phạm tội về ma túy giảm 14% so với cùng kỳ năm 2023.\n",
        None,
    ),
    DatedCase(
        "since-the-start-of-the-year",
        "Ngày 2/11, tại Điện Biên, Bộ đội Biên phòng tỉnh Nậm Pồ sơ kết đợt tuần tra chung.\n\nTừ đầu năm 2022 đến nay, hai bên đã tuần tra chung 18 lần.\n",
        2022,
    ),
    DatedCase(
        # "hai năm trước" counts years back: it names no offset of one.
        "years-ago-counted",
        "Ngày 6/6, tại Đà Lạt, Hội Luật gia tỉnh Lâm Hà gặp mặt hội viên.\n\nHai năm trước (2021), hội mới có 40 hội viên.\n",
        None,
    ),
    DatedCase(
        "last-year-named-disagrees-with-this-year",
        "Ngày 6/6, tại Đà Lạt, Hội Luật gia tỉnh Lâm Hà gặp mặt hội viên.\n\nNăm ngoái (2021), hội có 40 hội viên; năm nay (2024) đã có 65.\n",
        None,
    ),
]
