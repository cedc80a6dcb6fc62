"""How values read on the pages: partial dates, organisation kinds, directive names."""

from __future__ import annotations

import datetime
from types import SimpleNamespace

import pytest

from archive.display import article_date, directive_name, kind_label
from archive.extraction.lexicon import HEAD_KINDS, STANDALONE_BODIES
from archive.models import Organisation


def article(**fields) -> SimpleNamespace:
    values = {
        "published_on": None,
        "published_year": None,
        "published_month": None,
        "published_day": None,
        "published_precision": "unknown",
        "published_year_inferred": False,
    }
    return SimpleNamespace(**(values | fields))


@pytest.mark.parametrize(
    ("fields", "label"),
    [
        (
            {"published_on": datetime.date(2025, 1, 24), "published_precision": "full"},
            "24/01/2025",
        ),
        (
            {
                "published_on": datetime.date(2025, 11, 11),
                "published_precision": "full",
                "published_year_inferred": True,
            },
            "11/11/2025 (năm suy ra)",
        ),
        (
            {"published_year": 2025, "published_month": 4, "published_precision": "month"},
            "tháng 4/2025",
        ),
        (
            {"published_month": 11, "published_day": 9, "published_precision": "day_month"},
            "09/11 (không rõ năm)",
        ),
        ({}, "không rõ ngày"),
    ],
)
def test_a_date_says_only_what_is_known(fields, label):
    assert article_date(article(**fields)) == label


def test_organisation_kinds_read_as_vietnamese_head_nouns():
    assert kind_label("ministry") == "Bộ"
    assert kind_label("steering_committee") == "Ban Chỉ đạo, Ban Chỉ huy"
    assert kind_label("something_new") == "something_new"
    assert kind_label("") == ""


def test_directive_names_use_the_symbol_or_the_number():
    def name(**fields):
        return directive_name(SimpleNamespace(**({"kind": "Nghị quyết"} | fields)))

    assert name(symbol="59-NQ/TW", number="59") == "Nghị quyết 59-NQ/TW"
    assert name(symbol=None, number="59") == "Nghị quyết số 59"
    assert name(symbol=None, number="") == "Nghị quyết"


@pytest.mark.parametrize(
    ("kind", "head"),
    [
        ("department", "Vụ"),
        ("command", "Bộ Chỉ huy"),
        ("division", "Sư đoàn"),
        ("service_branch", "Binh chủng"),
        ("steering_committee", "Ban Chỉ huy"),
    ],
)
def test_a_kind_shared_by_several_head_nouns_names_each_of_them(kind, head):
    # A "Vụ" listed under the label "Cục" would be misnamed.
    assert head in kind_label(kind).split(", ")


def test_every_kind_the_extractor_assigns_has_a_label_on_the_model():
    # extraction.lexicon maps head nouns to kinds; the organisation grammar adds
    # "steering_committee". A kind missing from Organisation.Kind would read as
    # its English code on the pages and fail the admin form's choice check.
    assigned = {*HEAD_KINDS.values(), *STANDALONE_BODIES.values(), "steering_committee"}
    assert assigned - set(Organisation.Kind.values) == set()


def test_the_admin_form_offers_the_kinds_by_their_labels():
    field = Organisation._meta.get_field("kind").formfield()
    assert ("ministry", "Bộ") in field.choices
