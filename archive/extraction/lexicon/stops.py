"""Lower-case words that end a name (function words, verbs of the genre, syllables
that start a verb) and the few phrases that continue one despite them.
"""

from __future__ import annotations

from archive.extraction.lexicon.keys import keys, words

# Lower-case function words that always end a name: and, with, of, at, in,
# on, about, by, for, to, is, has, aspect and modal words, quantifiers,
# demonstratives. The grammar lets "về", "của", "tại", "và" continue
# committee, mission and ministry names where the structure says so.
FUNCTION_WORDS: frozenset[str] = keys(
    words(
        "và với cùng của tại trong trên dưới về theo cho để là có đã đang sẽ vừa mới "
        "cũng vẫn luôn đều không chưa được bị các những mọi từ đến tới sau trước khi "
        "nhằm bằng do vì nên thì mà như nhưng hoặc hay này đó ấy nay cần phải hãy còn "
        "rất nhất lần năm ngày tháng qua nhau lại ra vào lên xuống một hai ba bốn năm "
        "nhiều toàn cả mỗi hơn gần khoảng đây kia ở kiêm gồm thuộc cùng tiếp nếu dù "
        "song nhiệm khóa khoá giai đợt"
    )
)
# Function words that are also the second syllable of common compounds and
# stay in a name right after a capitalised syllable: "Hậu cần" (logistics),
# "Cải cách mới"..., "Tiền trước", "Sau", "An toàn" (safety): need, new,
# after, before, again, ..., whole, first ("Thống nhất": united).
COMPOUND_FUNCTION_WORDS: frozenset[str] = keys(
    words("cần mới sau trước lại ra vào lên xuống qua nay tới toàn nhất")
)
# Two-syllable verbs of the genre that end a name wherever they stand: chair,
# speak, attend, organise, issue, acknowledge, assess, request, propose,
# affirm, stress, report, deploy, implement, coordinate, advise, lead, direct,
# present, congratulate, receive, sign, visit, ...
VERB_PHRASES: frozenset[str] = keys(
    (
        "chủ trì",
        "dẫn đầu",
        "phát biểu",
        "tham dự",
        "tham gia",
        "tổ chức",
        "ban hành",
        "ghi nhận",
        "đánh giá",
        "yêu cầu",
        "đề nghị",
        "đề xuất",
        "khẳng định",
        "nhấn mạnh",
        "cho biết",
        "thông báo",
        "báo cáo",
        "triển khai",
        "quán triệt",
        "thực hiện",
        "phối hợp",
        "tham mưu",
        "lãnh đạo",
        "chỉ đạo",
        "trình bày",
        "chúc mừng",
        "tiếp nhận",
        "tiếp đón",
        "tiếp kiến",
        "hội đàm",
        "hội kiến",
        "làm việc",
        "ký kết",
        "thăm",
        "trao tặng",
        "biểu dương",
        "tuyên dương",
        "bày tỏ",
        "cảm ơn",
        "mong muốn",
        "tin tưởng",
        "đồng ý",
        "nhận định",
        "giới thiệu",
        "xem xét",
        "quyết định",
        "kết luận",
        "khai mạc",
        "bế mạc",
        "phát động",
        "tăng cường",
        "bảo đảm",
        "bảo vệ",
        "xử lý",
        "điều hành",
        "kiểm tra",
        "mở rộng",
        "đưa ra",
        "nêu rõ",
        "chỉ rõ",
        "nỗ lực",
        "góp phần",
        "hoàn thành",
        "hướng dẫn",
        "tạo điều",
        "hỗ trợ",
        "phục vụ",
        "đấu tranh",
        "ngăn chặn",
        "bắt giữ",
        "khởi tố",
        "điều tra",
        "phát hiện",
        "tiếp tục",
        "đạt được",
        "trao đổi",
        "thống nhất",
        "cam kết",
        "kêu gọi",
        "ủng hộ",
        "đóng góp",
        "chủ động",
        "trân trọng",
        "gửi",
        "dự",
        "thông qua",
        "thẩm tra",
        "giải trình",
        "tiếp thu",
        "nói riêng",
        "nói chung",
        "trao",
        "tặng",
        "thăm",
        "ký",
        "gặp",
        "nói",
        "nêu",
        "mời",
        "bầu",
        "giữ",
        "đạt",
        "chúc",
        # research, trace, pursue, investigate (a case), prosecute, try,
        # sentence, accept (a case), seize, detain, check, handle
        "nghiên cứu",
        "truy vết",
        "truy bắt",
        "truy xét",
        "truy tố",
        "xét xử",
        "tuyên án",
        "thụ lý",
        "thu giữ",
        "tạm giữ",
        "rà soát",
        "giải quyết",
        "quy định",  # regulate
        # bust, prepare, be ready, operate, meet, prosecute, arrest, try (a case)
        # mobilise, respond, remedy, warn, advise, publish, dispatch, arrange,
        # appropriate (money), verify, campaign
        "huy động",
        "ứng phó",
        "khắc phục",
        "cảnh báo",
        "khuyến cáo",
        "công bố",
        "điều động",
        "bố trí",
        "chiếm đoạt",
        "xác minh",
        "vận động",
        "triệt phá",
        "chuẩn bị",
        "sẵn sàng",
        "vận hành",
        "họp phiên",
        "họp",
        "truy tố",
        "bắt giữ",
        "xét xử",
    )
)
# Syllables that start a predicate (chair-, take part-, speak-, note-, ...):
# they end a name except as the second syllable of a compound whose first
# syllable is capitalised ("Bộ Giao thông vận tải" keeps "thông").
VERB_STARTS: frozenset[str] = keys(
    words(
        "chủ tham phát nhấn ghi đánh yêu đề khẳng triển quán thực tổ ban lãnh chỉ dự làm "
        "biểu chúc tuyên bày cảm mong hy hi nhận xem quyết chịu giữ đạt tiến đón tiễn họp "
        "tăng giảm phối bắt xử điều kiểm mở đóng nghe nhìn đưa nêu nói trao tặng thăm ký "
        "gặp thay nỗ góp hoàn hướng tạo giúp hỗ phục đấu ngăn khởi gửi cam kêu ủng trân "
        "nghiên truy thụ rà"
    )
)
NAME_STOP_WORDS: frozenset[str] = FUNCTION_WORDS | VERB_STARTS
# Lower-case phrases that continue a name although they start with a stop
# syllable: people's ("Ủy ban nhân dân"), investigation ("Cơ quan Cảnh sát
# điều tra"), integration ("hội nhập quốc tế").
NAME_CONTINUATIONS: frozenset[str] = keys(
    # ... "qua biên giới" (cross-border): "Văn phòng Liên lạc phòng, chống ma túy qua biên
    # giới"; "dự án" (project): "Ban Quản lý dự án đầu tư xây dựng tỉnh".
    ("nhân dân", "hội nhập", "đổi mới", "thời đại", "qua biên giới", "dự án")
)
# "điều tra" (investigate) is a verb except right after the forces that
# investigate: "Cơ quan Cảnh sát điều tra", "Cơ quan An ninh điều tra".
INVESTIGATION_AFTER: frozenset[str] = keys(("Cảnh sát", "An ninh"))
