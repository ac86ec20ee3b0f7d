from __future__ import annotations

import pytest

from kg.extract.amounts import Amount, parse_amount


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("between 70 and 80", Amount(None, 70, 80, False)),
        ("10 to 12", Amount(None, 10, 12, False)),
        ("close to 337,000", Amount(337000, None, None, True)),
        ("about 3,800", Amount(3800, None, None, True)),
        ("more than 1.7 million", Amount(1_700_000, None, None, True)),
        ("20", Amount(20, None, None, False)),
        ("three", Amount(3, None, None, False)),
    ],
)
def test_parse_amount(text, expected):
    assert parse_amount(text) == expected


def test_words_without_numbers_are_not_amounts():
    assert parse_amount("dozens") is None
