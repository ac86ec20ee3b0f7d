"""General geographic knowledge: countries, their names, demonyms, capitals and regions.

Built at first use from two libraries, pycountry (ISO 3166 names and codes) and countryinfo
(demonyms, capitals, provinces, alternative spellings), plus the shipped table
``kg/data/country_wikidata.tsv`` (ISO code -> Wikidata Q-id; its source is named in
``kg/data/README.md``). Nothing here is about a particular article.

>>> gaz = gazetteer()
>>> gaz.country_code("Peru"), gaz.demonym_code("Peruvians"), gaz.capital_code("Lima")
('PE', 'PE', 'PE')
"""
from __future__ import annotations

import csv
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

DATA = Path(__file__).parent / "data"

# Only what the libraries lack or get wrong for English news: abbreviations and short forms,
# demonym variants (countryinfo has one demonym per country), and the EU. Everything else —
# ISO names, alternative spellings, demonyms, capitals, provinces — comes from the libraries.
EXTRA_NAMES: dict[str, str] = {
    "U.S.": "US", "U.S.A.": "US", "America": "US", "the United States": "US", "U.K.": "GB", "Britain": "GB",
    "England": "GB", "Scotland": "GB", "Wales": "GB", "Congo": "CD", "DR Congo": "CD", "DRC": "CD", "Gaza": "PS",
    "Macedonia": "MK", "European Union": "EU", "EU": "EU", "E.U.": "EU",
    "UK": "GB", "US": "US", "USA": "US",  # the libraries lack the bare abbreviations
}
EXTRA_DEMONYMS: dict[str, str] = {
    "U.S.": "US", "Briton": "GB", "English": "GB", "Scottish": "GB", "European": "EU", "Congolese": "CD",
    "Rohingya": "MM", "Chinese": "CN", "Ecuadorian": "EC", "Argentine": "AR", "Argentinian": "AR",
    "Saudi": "SA", "Korean": "KR", "Nepali": "NP", "Tajik": "TJ", "Uzbek": "UZ", "Kazakh": "KZ",
    "Kyrgyz": "KG", "French": "FR", "Bosnian": "BA", "Norwegian": "NO",
}
# Ambiguous demonyms or names that are far more often something else in news text.
NOT_COUNTRY_WORDS = {"Chad", "Jordan", "Georgia", "Guinea", "Niger", "Turkey", "China"}  # checked with context
SUPRANATIONAL = {"EU": ("European Union", "Q458")}


@dataclass
class Country:
    code: str
    name: str
    wikidata: str | None = None
    demonym: str | None = None
    capital: str | None = None


@dataclass
class Gazetteer:
    countries: dict[str, Country] = field(default_factory=dict)
    names: dict[str, str] = field(default_factory=dict)  # lower-cased name -> code
    demonyms: dict[str, str] = field(default_factory=dict)  # lower-cased demonym (sg. and pl.) -> code
    capitals: dict[str, str] = field(default_factory=dict)
    regions: dict[str, str] = field(default_factory=dict)  # unambiguous province names -> code
    neighbours: dict[str, set[str]] = field(default_factory=dict)  # code -> codes it shares a land border with

    def country_code(self, text: str) -> str | None:
        return self.names.get(_norm(text))

    def demonym_code(self, text: str) -> str | None:
        return self.demonyms.get(_norm(text))

    def capital_code(self, text: str) -> str | None:
        return self.capitals.get(_norm(text))

    def region_code(self, text: str) -> str | None:
        return self.regions.get(_norm(text))

    def place_code(self, text: str) -> str | None:
        """Country of a capital or a province, when the name is unambiguous."""
        return self.capital_code(text) or self.region_code(text)


@lru_cache(maxsize=65536)
def _norm(text: str) -> str:
    """Lookup key of a name (the rules ask about the same few words hundreds of times per article)."""
    text = text.strip().replace("’", "'")
    if text.lower().startswith("the "):
        text = text[4:]
    return " ".join(text.split()).lower()


def _plural(demonym: str) -> list[str]:
    if demonym.endswith(("ese", "ish", "ch", "ss", "s")):
        return [demonym]
    return [demonym, demonym + "s"]


def _read_wikidata() -> dict[str, str]:
    path = DATA / "country_wikidata.tsv"
    if not path.exists():
        return {}
    with path.open(encoding="utf-8") as fh:
        return {row["iso2"]: row["wikidata"] for row in csv.DictReader(fh, delimiter="\t") if row.get("wikidata")}


@lru_cache(maxsize=1)
def gazetteer() -> Gazetteer:
    """The process-wide gazetteer, built once."""
    import countryinfo
    import pycountry

    gaz = Gazetteer()
    qids = _read_wikidata()
    for c in pycountry.countries:
        name = getattr(c, "common_name", None) or c.name
        gaz.countries[c.alpha_2] = Country(c.alpha_2, name, qids.get(c.alpha_2))
        for variant in {c.name, name, getattr(c, "official_name", c.name)}:
            gaz.names.setdefault(_norm(variant), c.alpha_2)
    for code, (name, qid) in SUPRANATIONAL.items():
        gaz.countries[code] = Country(code, name, qid)
    region_seen: dict[str, set[str]] = {}
    demonym_claims: dict[str, list[tuple[int, str]]] = {}
    alpha3 = {c.alpha_3: c.alpha_2 for c in pycountry.countries}
    for info in (ci.info() for ci in countryinfo.all_countries()):
        code = (info.get("ISO") or {}).get("alpha2")
        if code not in gaz.countries:
            continue
        country = gaz.countries[code]
        for alt in [info.get("name", "")] + [a for a in info.get("altSpellings", []) if len(a) > 3]:
            if alt:
                gaz.names.setdefault(_norm(alt), code)
        if info.get("demonym"):
            country.demonym = info["demonym"]
            for form in _plural(info["demonym"]):
                demonym_claims.setdefault(_norm(form), []).append((info.get("population") or 0, code))
        capitals = info.get("capital") or []
        for capital in [capitals] if isinstance(capitals, str) else capitals:
            country.capital = country.capital or capital
            gaz.capitals.setdefault(_norm(capital), code)
        gaz.neighbours[code] = {alpha3[b] for b in info.get("borders") or [] if b in alpha3}
        provinces = info.get("provinces") or []
        if isinstance(provinces, list):
            for province in provinces:
                region_seen.setdefault(_norm(province), set()).add(code)
    for form, claims in demonym_claims.items():
        # "Dominican" names both Dominica and the Dominican Republic, "American" the US and American
        # Samoa: in the news the word means the most populous of them
        gaz.demonyms[form] = max(claims)[1]
    for name, code in EXTRA_NAMES.items():
        if code in gaz.countries:
            gaz.names[_norm(name)] = code
    for demonym, code in EXTRA_DEMONYMS.items():
        if code not in gaz.countries:
            continue
        for form in _plural(demonym):
            gaz.demonyms[_norm(form)] = code
        if code in gaz.countries:
            gaz.countries[code].demonym = gaz.countries[code].demonym or demonym
    for name, codes in region_seen.items():
        if len(codes) == 1 and name not in gaz.names and name not in gaz.capitals:
            gaz.regions[name] = next(iter(codes))
    return gaz
