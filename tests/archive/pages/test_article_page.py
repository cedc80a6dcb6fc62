"""The article page: the text with every mention marked and linked, captions as captions."""

from __future__ import annotations

import re

import pytest

from archive.models import Organisation, Person
from tests.archive.pages.builders import build_article

pytestmark = pytest.mark.django_db


def page_html(client, article) -> str:
    response = client.get(f"/articles/{article.pk}/")
    assert response.status_code == 200
    return response.content.decode()


def test_every_mention_is_marked_and_links_to_its_entity(client, archive_data):
    html = page_html(client, archive_data.first)
    bao, so = archive_data.bao.pk, archive_data.so.pk
    person_links = re.findall(
        rf'<a class="mention mention-person" href="/people/{bao}/"[^>]*><mark>([^<]+)</mark></a>',
        html,
    )
    assert person_links == ["Đại tá Trần Quốc Bảo", "Trần Quốc Bảo"]
    assert html.count(f'class="mention mention-organisation" href="/organisations/{so}/"') == 2
    assert (
        f'<a class="mention mention-directive" href="/directives/{archive_data.action.pk}/"' in html
    )


def test_captions_are_figures_and_a_repeated_caption_is_shown_once(client, archive_data):
    html = page_html(client, archive_data.first)
    assert html.count("phát biểu tại hội nghị.") == 1
    figure = re.search(r"<figure class=\"caption\"><figcaption>(.*?)</figcaption></figure>", html)
    assert figure and "Trần Quốc Bảo" in figure.group(1)


def test_source_link_dateline_and_date_are_shown(client, archive_data):
    html = page_html(client, archive_data.first)
    assert 'href="https://example.test/thu-vien"' in html
    assert "14/05/2024" in html
    assert "<dt>Nơi đưa tin</dt><dd>Hải Lâm</dd>" in html


def test_the_side_lists_the_entities_with_the_posts_the_article_states(client, archive_data):
    html = page_html(client, archive_data.first)
    aside = html[html.index("<aside") :]
    assert "Giám đốc Sở Văn hoá tỉnh Hải Lâm" in aside
    assert "Kế hoạch 45-KH/SVH" in aside


def test_text_is_escaped_everywhere(client, db):
    person = Person.objects.create(name="Nguyễn <b>Văn</b> Thử")
    article = build_article(
        blocks=[
            ("title", "Tiêu đề <script>alert(1)</script>"),
            ("lead", "Ông Nguyễn <b>Văn</b> Thử nói: a < b & c > d."),
        ],
        mentions=[(person, "Nguyễn <b>Văn</b> Thử")],
    )
    html = page_html(client, article)
    assert "<script>alert" not in html and "<b>Văn</b>" not in html
    assert "&lt;script&gt;" in html and "a &lt; b &amp; c &gt; d" in html


def test_overlapping_mentions_do_not_break_the_markup(client, db):
    person = Person.objects.create(name="Đỗ Minh Tâm")
    organisation = Organisation.objects.create(name="Ban Tuyên giáo Hải Lâm")
    article = build_article(
        blocks=[("lead", "Trưởng Ban Tuyên giáo Hải Lâm Đỗ Minh Tâm phát biểu.")],
        mentions=[
            (organisation, "Ban Tuyên giáo Hải Lâm"),
            (person, "Hải Lâm Đỗ Minh Tâm"),  # overlaps the organisation's end
        ],
    )
    html = page_html(client, article)
    lead = re.search(r'<p class="lead">(.*?)</p>', html).group(1)
    assert lead.count("<a ") == lead.count("</a>") == 1
    assert re.sub(r"<[^>]+>", "", lead) == "Trưởng Ban Tuyên giáo Hải Lâm Đỗ Minh Tâm phát biểu."


def test_an_article_without_blocks_is_shown_as_paragraphs(client, db):
    article = build_article(blocks=[("lead", "Đoạn một."), ("paragraph", "Đoạn hai.")])
    article.blocks = []
    article.save()
    html = page_html(client, article)
    assert '<p class="paragraph">Đoạn một.</p>' in html
    assert '<p class="paragraph">Đoạn hai.</p>' in html


def test_a_missing_article_is_not_found(client, db):
    assert client.get("/articles/424242/").status_code == 404


def test_a_title_corrected_by_an_editor_is_the_pages_heading(client, archive_data):
    article = archive_data.first
    article.title = "Hải Lâm mở rộng mạng lưới thư viện cộng đồng"
    article.mark_edited("title")
    article.save()
    html = page_html(client, article)
    heading = re.search(r'<h1 id="article-title">(.*?)</h1>', html, re.S).group(1)
    assert heading == "Hải Lâm mở rộng mạng lưới thư viện cộng đồng"
    # The title as written in the text keeps its marks when no one corrected it.
    heading = re.search(
        r'<h1 id="article-title">(.*?)</h1>', page_html(client, archive_data.second), re.S
    ).group(1)
    assert 'class="mention mention-organisation"' in heading
