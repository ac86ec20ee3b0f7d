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
import math
import re
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

DATA = Path(__file__).parent.parent / "data"

# Only what the libraries lack or get wrong for English news: abbreviations and short forms,
# demonym variants (countryinfo has one demonym per country), and the EU. Everything else —
# ISO names, alternative spellings, demonyms, capitals, provinces — comes from the libraries.
EXTRA_NAMES: dict[str, str] = {
    "U.S.": "US", "U.S.A.": "US", "America": "US", "the United States": "US", "U.K.": "GB", "Britain": "GB",
    "England": "GB", "Scotland": "GB", "Wales": "GB", "Congo": "CD", "DR Congo": "CD", "DRC": "CD", "Gaza": "PS",
    "Macedonia": "MK", "European Union": "EU", "EU": "EU", "E.U.": "EU",
}
EXTRA_DEMONYMS: dict[str, str] = {
    "U.S.": "US", "Briton": "GB", "English": "GB", "Scottish": "GB", "European": "EU", "Congolese": "CD",
    "Rohingya": "MM", "Chinese": "CN", "Ecuadorian": "EC", "Argentine": "AR", "Argentinian": "AR",
    "Saudi": "SA", "Korean": "KR", "Nepali": "NP", "Tajik": "TJ", "Uzbek": "UZ", "Kazakh": "KZ",
    "Kyrgyz": "KG", "French": "FR", "Bosnian": "BA", "Norwegian": "NO",
}
# Combining forms that stand for a country in front of a hyphen ("Sino-Russian", "Indo-Pak
# border", "Franco-British"): general English word formation, and "Pak" of South Asian usage.
COMBINING_FORMS: dict[str, str] = {
    "sino": "CN", "indo": "IN", "pak": "PK", "franco": "FR", "anglo": "GB", "russo": "RU", "turco": "TR",
    "italo": "IT", "hispano": "ES", "luso": "PT", "greco": "GR", "austro": "AT", "germano": "DE", "afghan": "AF",
}
# Ambiguous demonyms or names that are far more often something else in news text.
NOT_COUNTRY_WORDS = {"Chad", "Jordan", "Georgia", "Guinea", "Niger", "Turkey", "China"}  # checked with context
SUPRANATIONAL = {"EU": ("European Union", "Q458")}
# Upper-case abbreviations, matched with their case only ("US" the country, "us" the pronoun).
ABBREVIATIONS: dict[str, str] = {"US": "US", "USA": "US", "UK": "GB", "UAE": "AE", "DRC": "CD"}
# Seats of government that stand for their country in news prose ("White House spokesman").
SEATS_OF_GOVERNMENT: dict[str, str] = {
    "white house": "US", "pentagon": "US", "kremlin": "RU", "downing street": "GB", "elysee": "FR",
    "élysée": "FR", "elysee palace": "FR", "quai d'orsay": "FR", "zhongnanhai": "CN",
}

# Intergovernmental bodies whose officials hold office for the body, not for a country
# ("UN chief", "IOM Chief of Mission"): lower-cased names and abbreviations.
INTERNATIONAL_BODIES = {
    "un", "u.n.", "united nations", "unhcr", "un refugee agency", "u.n. refugee agency", "iom",
    "international organization for migration", "unicef", "who", "world health organization", "nato",
    "african union", "osce", "council of europe", "frontex", "ecowas", "asean", "world bank", "imf",
    "international monetary fund", "wfp", "world food programme", "ocha", "unrwa", "ohchr", "interpol",
    "european commission", "european parliament", "icrc", "international committee of the red cross",
}


def international_body(text: str) -> bool:
    """True for the name or abbreviation of an intergovernmental body ("UN", "IOM", "Frontex");
    a short one only in capitals ("WHO", not "who")."""
    text = text.strip()
    if not text[:1].isupper() or (len(text) <= 4 and not text.isupper()):
        return False
    return _norm(text).replace("’s", "").replace("'s", "") in INTERNATIONAL_BODIES


# Waters that migrants cross and the countries on their two shores; border rivers likewise
# (general geography). Name -> (pattern of its spellings in news text, ISO codes).
SEA_CROSSINGS: dict[str, tuple[str, tuple[str, ...]]] = {
    "English Channel": (r"\bEnglish Channel\b|(?<=the )Channel\b(?!\s+(?:Islands|Tunnel|\d))|\bChannel(?=\s+crossings?\b)",
                        ("FR", "GB")),
    "Strait of Dover": (r"\bStraits? of Dover\b", ("FR", "GB")),
    "Strait of Gibraltar": (r"\bStraits? of Gibraltar\b", ("ES", "MA")),
    "Strait of Sicily": (r"\b(?:Strait|Channel) of Sicily\b|\bSicilian Channel\b", ("IT", "TN")),
    "Strait of Otranto": (r"\bStraits? of Otranto\b", ("IT", "AL")),
    "Bab el-Mandeb Strait": (r"\bBab[ -]?(?i:[ae]l)[ -]Mand[ae]b\b(?:[ -]Strait\b)?", ("DJ", "YE")),
    "Darién Gap": (r"\bDari[eé]n Gap\b", ("CO", "PA")),
    "Rio Grande": (r"\bRio Grande\b(?! do)", ("US", "MX")),
    "Suchiate River": (r"\bSuchiate(?: River)?\b", ("GT", "MX")),
    "Evros River": (r"\b(?:Evros|Maritsa|Meriç)(?: River)?\b", ("GR", "TR")),
    "Prut River": (r"\bPrut(?: River)?\b", ("MD", "RO")),
    "Drina River": (r"\bDrina(?: River)?\b", ("BA", "RS")),
    "Moei River": (r"\bMoei(?: River)?\b", ("TH", "MM")),
}


def _sea_crossing_patterns() -> dict[str, tuple[re.Pattern, tuple[str, ...]]]:
    return {name: (re.compile(pattern), codes) for name, (pattern, codes) in SEA_CROSSINGS.items()}


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
    sea_crossings: dict[str, tuple[re.Pattern, tuple[str, ...]]] = field(default_factory=_sea_crossing_patterns)

    def country_code(self, text: str) -> str | None:
        return ABBREVIATIONS.get(text.strip()) or self.names.get(_norm(text))

    def demonym_code(self, text: str) -> str | None:
        return self.demonyms.get(_norm(text))

    def combining_code(self, text: str) -> str | None:
        """Country of a combining form written before a hyphen ("Sino" in "Sino-Russian")."""
        return COMBINING_FORMS.get(_norm(text))

    def capital_code(self, text: str) -> str | None:
        return self.capitals.get(_norm(text))

    def region_code(self, text: str) -> str | None:
        """Country of a province; only for a capitalised name ("the coast guard" is no province)."""
        if not text.strip()[:1].isupper():
            return None
        return self.regions.get(_norm(text))

    def seat_code(self, text: str) -> str | None:
        """Country a seat of government stands for ("White House" -> US)."""
        return SEATS_OF_GOVERNMENT.get(_norm(text))

    def place_code(self, text: str) -> str | None:
        """Country of a capital or a province, when the name is unambiguous."""
        return self.capital_code(text) or self.region_code(text)


@lru_cache(maxsize=1)
def _city_points() -> dict[str, tuple[str, float, float]]:
    """Folded city name -> (ISO code, latitude, longitude) of its largest city
    (``kg/data/cities.tsv``: GeoNames cities of 15,000 people or more, only names whose largest
    city outweighs every homonym in another country five times, so "Valencia", Venezuelan and
    Spanish, gives no country; see kg/data/README.md)."""
    path = DATA / "cities.tsv"
    if not path.exists():
        return {}
    with path.open(encoding="utf-8") as fh:
        next(fh)
        rows = (line.rstrip("\n").split("\t") for line in fh)
        return {name: (code, float(lat), float(lon)) for name, code, _, lat, lon in rows}


@lru_cache(maxsize=1)
def _points_by_country() -> dict[str, list[tuple[float, float]]]:
    out: dict[str, list[tuple[float, float]]] = {}
    for code, lat, lon in _city_points().values():
        out.setdefault(code, []).append((lat, lon))
    return out


def neighbour_across(text: str, code: str, within_km: float = 60.0) -> str | None:
    """The land neighbour of country ``code`` that a border town named ``text`` faces: the one with
    a city within ``within_km`` of it (the nearest, if several). A crossing point at a town of one
    country leads to that neighbour; a town far from every border gives None.

    >>> neighbour_across("Irun", "ES")
    'FR'
    """
    point = _city_points().get(city_key(text))
    if point is None or point[0] != code:
        return None
    _, lat, lon = point
    best = None
    for other in gazetteer().neighbours.get(code, set()):
        for la, lo in _points_by_country().get(other, []):
            km = _distance_km(lat, lon, la, lo)
            if km <= within_km and (best is None or km < best[0]):
                best = (km, other)
    return best[1] if best else None


def _distance_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance (haversine)."""
    p1, p2, dlat, dlon = map(math.radians, (lat1, lat2, lat2 - lat1, lon2 - lon1))
    a = math.sin(dlat / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dlon / 2) ** 2
    return 2 * 6371.0 * math.asin(math.sqrt(a))


def city_code(text: str) -> str | None:
    """Country of a city named ``text`` ('Tampere' -> FI), None when homonyms make it ambiguous."""
    text = text.strip()
    if not text[:1].isupper() or text in NOT_COUNTRY_WORDS:
        return None
    gaz = gazetteer()
    if gaz.country_code(text) or gaz.demonym_code(text):
        return None  # "Jordan" is the country, not a district of Hong Kong
    point = _city_points().get(city_key(text))
    return point[0] if point else None


def city_key(name: str) -> str:
    """A city's lookup key in ``cities.tsv``: the name folded to lower-case ASCII."""
    return unicodedata.normalize("NFKD", _norm(name)).encode("ascii", "ignore").decode()


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
