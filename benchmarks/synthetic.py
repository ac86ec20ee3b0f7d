"""Generate a synthetic corpus of migration and border news: ``ARTICLE.txt`` + ``ARTICLE.json``.

A small fixed "world" (countries from pycountry with their regions, people with offices and
political orientations, media outlets) is drawn once from the seed; each article then combines
templates about it: roles, measures (state of emergency, border closure, troops), a crossing
blocked on a date, quotes through a medium, a group of migrants moving between countries,
numbers (exact, approximate, ranges), an election runoff with its candidates, orientations. So
every competency question has answers, and the same people and countries recur across articles
(one node per real thing).

    python benchmarks/synthetic.py OUT_DIR --count 1000 [--seed 7]
"""
from __future__ import annotations

import argparse
import json
import random
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

FIRST = (
    "José Luis Ana María Carlos Sofía Miguel Lucía Javier Elena Andrés Paula Diego Carmen Mateo Valeria "
    "Daniel Laura Gabriel Isabel Ricardo Teresa Fernando Patricia Alejandro Gloria Raúl Marta Eduardo "
    "Rosa Pablo Silvia Héctor Natalia Ahmed Fatima Omar Leila Yusuf Amina Piotr Katarzyna Viktor Olena "
    "Mark Sarah James Emma Thomas Claire Jonas Ingrid Henrik Astrid Kwame Ama Tendai Nomvula"
).split()
LAST = (
    "Torres Ramírez Castillo Herrera Morales Vargas Mendoza Rojas Salazar Navarro Guerrero Delgado "
    "Cabrera Fuentes Paredes Aguilar Ortega Contreras Medina Valdés Peralta Soto Bravo Campos Quiroga "
    "Benítez Serrano Ibáñez Acosta Molina Haddad Karimi Nasser Rahman Kowalski Nowak Petrenko Shevchenko "
    "Whitaker Holloway Brennan Fletcher Lindqvist Halvorsen Mensah Okafor Moyo Dlamini"
).split()
OFFICES = [
    ("President", "president"), ("Prime Minister", "prime minister"), ("Interior Minister", "interior minister"),
    ("Foreign Minister", "foreign minister"), ("Defense Minister", "defense minister"),
]
ORIENTATIONS = ["conservative", "arch-conservative", "leftist", "centrist", "liberal", "far-right",
                "socialist", "populist", "centre-left", "nationalist"]
MEDIA = ["Reuters", "RPP Noticias", "Canal N", "El Comercio", "BBC News", "Al Jazeera", "La Tercera",
         "Radio Caracol", "Deutsche Welle", "France 24", "The Guardian", "Associated Press"]
PLATFORMS = ["X", "Facebook", "Telegram", "Instagram"]
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
MONTHS = ["Jan.", "Feb.", "March", "April", "May", "June", "July", "Aug.", "Sept.", "Oct.", "Nov.", "Dec."]
MEASURES = [
    ("declare a state of emergency in the border region", "declared a state of emergency in the border region"),
    ("close the border with {other}", "closed the border with {other}"),
    ("deploy troops along the border with {other}", "deployed troops along the border with {other}"),
    ("step up identity checks at the border", "stepped up identity checks at the border"),
    ("suspend asylum applications", "suspended asylum applications"),
    ("build a fence along the border with {other}", "built a fence along the border with {other}"),
]
QUOTES = [
    "Our borders must be respected",
    "We will not allow the border to become a place of chaos",
    "Migrants must be treated with dignity",
    "The migration crisis continues to escalate at the border",
    "We are working with our neighbours to find a humane solution",
    "Security at the frontier is our first duty",
]
# Countries whose English names read naturally in running text (plenty of them, with regions).
COUNTRY_CODES = (
    "PE CL BO AR BR CO EC VE PY UY MX GT HN SV NI CR PA CU HT DO US CA ES IT GR TR PL DE FR AT HU HR RS "
    "BG RO UA MD LT LV EE FI NO SE DK NL BE PT MA DZ TN LY EG SD ER ET SO KE UG TZ NG NE ML SN GH CM TD "
    "IQ JO LB IR AF PK IN BD NP LK MM TH MY ID PH VN KH AU NZ JP GE AM AZ KZ UZ"
).split()
SHORT_NAMES = {"BO": "Bolivia", "VE": "Venezuela", "IR": "Iran", "TZ": "Tanzania", "VN": "Vietnam",
               "MD": "Moldova", "US": "the United States", "TR": "Turkey"}


@dataclass
class Person:
    name: str
    office: str
    country: str  # code
    orientation: str

    @property
    def surname(self) -> str:
        return self.name.split()[-1]


class World:
    """Countries, regions, people and outlets; every article is written about them."""

    def __init__(self, seed: int = 7, people: int = 400):
        import pycountry

        rng = random.Random(seed)
        self.countries: dict[str, str] = {}
        self.regions: dict[str, list[str]] = {}
        for code in COUNTRY_CODES:
            c = pycountry.countries.get(alpha_2=code)
            self.countries[code] = SHORT_NAMES.get(code) or getattr(c, "common_name", None) or c.name
            subs = [s.name for s in (pycountry.subdivisions.get(country_code=code) or [])
                    if s.name.replace(" ", "").replace("-", "").isalpha() and len(s.name) < 16]
            self.regions[code] = sorted(set(subs))[:12] or [self.countries[code] + " North"]
        names: set[str] = set()
        self.people: list[Person] = []
        codes = list(self.countries)
        while len(self.people) < people:
            name = f"{rng.choice(FIRST)} {rng.choice(LAST)}"
            if name in names:
                continue
            names.add(name)
            self.people.append(Person(name, rng.choice(OFFICES)[0], rng.choice(codes), rng.choice(ORIENTATIONS)))

    def name(self, code: str) -> str:
        return self.countries[code]


def _date_text(d: date) -> str:
    return f"{MONTHS[d.month - 1]} {d.day}"


def article(world: World, n: int, rng: random.Random) -> tuple[str, dict]:
    """Article number ``n``: its text and sidecar metadata."""
    codes = list(world.countries)
    i = rng.randrange(len(codes))
    here = codes[i]
    there = codes[(i + rng.choice((-2, -1, 1, 2))) % len(codes)]  # the list runs by region: a neighbour
    origin = rng.choice([c for c in codes if c not in (here, there)])
    published = date(2024, 1, 1) + timedelta(days=rng.randrange(700))
    weekday = WEEKDAYS[published.weekday()]
    leader = rng.choice([p for p in world.people if p.country == here] or world.people)
    leader.country = here  # an unplaced person becomes this country's
    while True:  # distinct surnames: a bare "Torres" must name one person of the article
        rival_a, rival_b, former = rng.sample([p for p in world.people if p is not leader], 3)
        if len({leader.surname, rival_a.surname, rival_b.surname, former.surname}) == 4:
            break
    medium, outlet = rng.choice(PLATFORMS), rng.choice(MEDIA)
    measure_future, measure_past = rng.choice(MEASURES)
    other = world.name(there)
    region_a, region_b = rng.choice(world.regions[here]), rng.choice(world.regions[there])
    low = rng.randrange(20, 400, 10)
    total = rng.randrange(5_000, 900_000, 1_000)
    year = published.year - rng.randrange(0, 3)
    runoff = published + timedelta(days=rng.randrange(10, 60))
    H, T, O = world.name(here), other, world.name(origin)
    sentences = [
        f"{H}'s {leader.office} {leader.name} said on {weekday} that the government would "
        f"{measure_future.format(other=T)} as migrants gathered at the border with {T}.",
        f"“{rng.choice(QUOTES)},” {leader.surname} said in a {medium} post on {weekday}.",
        f"According to {outlet}, dozens of migrants blocked the {region_a}–{region_b} border crossing "
        f"between {H} and {T} on {_date_text(published)}.",
        f"The group, mostly from {O}, demanded entry into {H} to travel on to their home countries.",
        f"Migrants leaving {T} for {H} prompted fears of a broader exodus, the outlet reported.",
        f"Earlier, the regional governor of {region_a}, {rival_a.name}, told {outlet} that there were between "
        f"{low} and {low + rng.choice((10, 20, 50))} migrants stranded on the {T} side of the border.",
        f"Close to {total:,} undocumented migrants were in {T} in {year}, according to the country's migration agency.",
        f"{T} heads into a {_date_text(runoff)} runoff between {rival_a.orientation} {rival_a.name} and "
        f"{rival_b.orientation} rival {rival_b.name}.",
        f"Former {former.office} {former.name}, a {former.orientation}, {measure_past.format(other=O)} in {year}.",
        f"“{rng.choice(QUOTES)},” {rival_b.surname} told {rng.choice(MEDIA)} on {weekday}.",
    ]
    tail = sentences[3:]
    rng.shuffle(tail)  # vary the order after the lead paragraph
    sentences[3:] = tail
    text = "\n".join(sentences) + "\n"
    meta = {
        "url": f"https://news.example.org/{published.isoformat()}/article-{n:05d}",
        "title": f"Migrants block {region_a}–{region_b} crossing as {H} moves to act",
        "source": outlet,
        "published": published.isoformat(),
    }
    return text, meta


def generate(out: Path, count: int, seed: int = 7) -> list[Path]:
    """Write ``count`` articles (``article-00000.txt`` + ``.json``) into ``out``; returns the text files."""
    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    world = World(seed)
    rng = random.Random(seed * 1_000_003 + count)
    paths = []
    for n in range(count):
        text, meta = article(world, n, rng)
        path = out / f"article-{n:05d}.txt"
        path.write_text(text, encoding="utf-8")
        path.with_suffix(".json").write_text(json.dumps(meta, ensure_ascii=False, indent=1), encoding="utf-8")
        paths.append(path)
    return paths


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--count", type=int, default=100)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    paths = generate(args.out, args.count, args.seed)
    print(f"wrote {len(paths)} articles to {args.out}")


if __name__ == "__main__":
    main()
