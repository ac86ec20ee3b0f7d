"""Countries, demonyms, capitals and regions come from libraries (pycountry, countryinfo) and the
shipped Wikidata table, not from a hand list."""
from __future__ import annotations

import pycountry

from kg.extract.gazetteer import gazetteer


def test_every_iso_country_is_known_with_its_wikidata_iri():
    gaz = gazetteer()
    for country in pycountry.countries:
        assert country.alpha_2 in gaz.countries
    assert gaz.countries["PE"].wikidata == "Q419"
    assert gaz.countries["PK"].wikidata == "Q843"
    missing = [c for c, info in gaz.countries.items() if not info.wikidata]
    assert missing == [], missing


def test_names_demonyms_capitals_and_regions():
    gaz = gazetteer()
    assert gaz.country_code("Dominican Republic") == "DO"
    assert gaz.country_code("U.S.") == "US"
    assert gaz.demonym_code("Venezuelans") == "VE"
    assert gaz.demonym_code("Pakistani") == "PK"
    assert gaz.capital_code("Islamabad") == "PK"
    assert gaz.region_code("Texas") == "US"
    assert gaz.region_code("Bolivar") is None  # a province name in two countries is ambiguous


def test_land_neighbours():
    gaz = gazetteer()
    assert "HT" in gaz.neighbours["DO"]
    assert "CL" in gaz.neighbours["PE"]
    assert "FR" not in gaz.neighbours["PE"]
