"""Regression tests for places, offices and their countries (cq01, cq02, cq09): for each class of
error fixed, a short invented text and the facts it must (and must not) yield."""
from __future__ import annotations

import pytest

from kg.articles import article_from_text
from kg.records import OrientationFact, RoleFact


@pytest.fixture(scope="module")
def extract():
    from kg.pipeline import Extractor

    extractor = Extractor()

    def run(text: str, published: str = "2024-03-08"):
        return extractor.extract(article_from_text(text, slug="t", published=published))

    return run


def name(facts, key):
    return facts.entities[key].name if key else None


def roles(facts):
    return {(name(facts, f.person), f.role, name(facts, f.country)) for f in facts.of_type(RoleFact)}


def role_countries(facts, person):
    return {c for p, _, c in roles(facts) if p == person}


def orientations(facts):
    return {(name(facts, f.person), f.orientation) for f in facts.of_type(OrientationFact)}


def test_lowercase_word_is_no_province(extract):
    # "coast" is also the name of a province elsewhere: a lower-case common noun names no place
    facts = extract("A fishing boat sank off the coast of Portugal on Monday. The coast guard said 40 people "
                    "were rescued. President Tomas Leal declared three days of mourning.")
    assert role_countries(facts, "Tomas Leal") == {"Portugal"}


def test_upper_case_abbreviation_is_a_country(extract):
    facts = extract("Lawyers asked for a delay in Honduras. US District Judge Paul Hendry issued an order on Saturday.")
    assert role_countries(facts, "Paul Hendry") == {"United States"}


def test_seat_of_government_gives_country(extract):
    facts = extract("Officials in Honduras welcomed the flights. The post was shared by White House "
                    "communications director Dana Pollock.")
    assert role_countries(facts, "Dana Pollock") == {"United States"}


def test_country_in_hyphenated_adjective_is_no_office_country(extract):
    facts = extract("Tobruk is under the control of the Iran-backed warlord and military leader Omar Falaj, "
                    "who has ruled eastern Libya for years. Libya remains divided.")
    assert "Iran" not in role_countries(facts, "Omar Falaj")


def test_nearest_country_before_a_bare_title(extract):
    facts = extract("Facing arrivals from Belarus, Estonia's interior minister Mari Tamm proposed a curfew on "
                    "Monday and was backed by prime minister Jaan Kask.")
    assert role_countries(facts, "Jaan Kask") == {"Estonia"}


def test_two_word_capital_in_title(extract):
    facts = extract("Forty workers were arrested in a raid on Tuesday, said Kuala Lumpur Immigration director "
                    "Amir Rahman.")
    assert role_countries(facts, "Amir Rahman") == {"Malaysia"}


def test_one_word_province_inside_longer_name(extract):
    # "York" alone is an English county; "New York State" is in the United States
    facts = extract("Migrants have been entering Canada from New York State. Public Safety Minister Paul Girard "
                    "said the crossing would close.")
    assert "United Kingdom" not in role_countries(facts, "Paul Girard")
