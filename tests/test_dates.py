"""Date normalisation against the publication date: one test per rule (dateparser gets these wrong)."""
from __future__ import annotations

import pytest

from kg.extract.dates import deadline_date, days_after, resolve_date

FRIDAY = "2025-11-28"  # a Friday


@pytest.mark.parametrize(
    ("expression", "published", "context", "tense", "expected"),
    [
        ("on Friday", FRIDAY, "", None, "2025-11-28"),  # the publication day itself, not a week earlier
        ("early Friday", FRIDAY, "", None, "2025-11-28"),
        ("on Wednesday", FRIDAY, "", "past", "2025-11-26"),
        ("Sunday", "2023-09-16", "She will travel Sunday to the island.", None, "2023-09-17"),
        ("tomorrow, Friday", "2023-09-14", "", None, "2023-09-15"),
        ("Dec. 14", FRIDAY, "", None, "2025-12-14"),  # the coming December, not the past one
        ("last Feb. 27", "2019-04-03", "", None, "2019-02-27"),
        ("November 1", "2023-10-31", "", None, "2023-11-01"),
        ("in 2023", FRIDAY, "", None, "2023"),
        ("October 2022", "2024-05-23", "", None, "2022-10"),
        ("In April", "2024-05-23", "", "past", "2024-04"),
        ("in November", "2023-07-25", "", "past", "2022-11"),  # past tense: the last November
        ("an October summit", "2023-09-16", "", None, "2023-10"),  # no tense: the nearest October
        ("for July", "2024-05-23", "the flights are booked for July", None, "2024-07"),
        ("earlier this month", "2024-05-23", "", None, "2024-05"),
        ("this week", "2023-09-16", "", None, "2023-09"),
        ("last year", "2023-09-16", "", None, "2022"),
        ("yesterday", FRIDAY, "", None, "2025-11-27"),
        ("last night", FRIDAY, "", None, "2025-11-27"),  # the evening before the day of writing
        ("Friday evening", FRIDAY, "", None, "2025-11-28"),
        ("1830 GMT", FRIDAY, "", None, None),  # a clock time, not a year
    ],
)
def test_resolve_date(expression, published, context, tense, expected):
    assert resolve_date(expression, published, context, tense) == expected


def test_no_date_without_a_time_expression():
    assert resolve_date("the border", FRIDAY) is None
    assert resolve_date("Friday", None) is None  # nothing to anchor a weekday on


def test_days_left_count_from_publication():
    assert deadline_date("To the irregular immigrants, you have 103 days left to leave our homeland", FRIDAY) == ("2026-03-11", 103, "days")
    assert days_after(FRIDAY, 103) == "2026-03-11"


def test_within_days_of_an_earlier_announcement_is_not_counted_from_publication():
    # "within 28 days" runs from the announcement, not from the day of writing
    assert deadline_date("The ministry announced on October 3 that migrants had to leave within 28 days.", "2023-10-31") is None


@pytest.mark.parametrize(
    ("expression", "expected"),
    [("two weeks ago", "2025-11-14"), ("3 days ago", "2025-11-25"), ("2023-10-03", "2023-10-03"), ("10/03/2023", "2023-10-03")],
)
def test_numeric_dates_and_offsets_go_to_dateparser(expression, expected):
    assert resolve_date(expression, FRIDAY) == expected
