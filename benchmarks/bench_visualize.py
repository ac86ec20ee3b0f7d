"""How long ``kg visualize`` takes and how big the page gets, on synthetic corpora of the project's shape.

Run: ``.venv/bin/python benchmarks/bench_visualize.py`` (optionally with node counts:
``... bench_visualize.py 100 1000 5000 2000``). Prints a table; it is not a test.

The graphs are built the way the extractor's output is: :class:`kg.extract.records.ArticleFacts` per
article (people, countries, places, organisations, migrant groups, with mentions that are real
substrings of the text, and role, quote, event, measure, movement, number and orientation facts
whose evidence is a real sentence), turned into RDF by :func:`kg.graph.rdf.add_article`. Entities are drawn
from pools, so they recur across articles as in a real corpus; about 2.5 edges per node.
"""
from __future__ import annotations

import random
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from kg.extract.records import (  # noqa: E402
    Article,
    ArticleFacts,
    Entity,
    EventFact,
    Evidence,
    Kind,
    MeasureFact,
    MovementFact,
    OrientationFact,
    QuantityFact,
    QuoteFact,
    RoleFact,
    Span,
)

COUNTRIES = [("PE", "Peru"), ("CL", "Chile"), ("BO", "Bolivia"), ("VE", "Venezuela"), ("CO", "Colombia"),
             ("EC", "Ecuador"), ("AR", "Argentina"), ("BR", "Brazil"), ("MX", "Mexico"), ("GT", "Guatemala"),
             ("HN", "Honduras"), ("US", "United States"), ("PA", "Panama"), ("CR", "Costa Rica"),
             ("ES", "Spain"), ("IT", "Italy"), ("GR", "Greece"), ("TR", "Turkey"), ("LY", "Libya"),
             ("TN", "Tunisia"), ("PL", "Poland"), ("BY", "Belarus"), ("DE", "Germany"), ("FR", "France")]
FIRST = ["Ana", "Luis", "Maria", "Jorge", "Elena", "Pedro", "Sofia", "Carlos", "Lucia", "Diego", "Irene", "Marco"]
LAST = ["Torres", "Rojas", "Vargas", "Castro", "Molina", "Ortega", "Silva", "Reyes", "Navarro", "Herrera",
        "Campos", "Fuentes", "Salazar", "Paredes", "Ibarra", "Quiroga"]


class _Text:
    """An article text built sentence by sentence, handing out real spans."""

    def __init__(self):
        self.parts: list[str] = []
        self.length = 0

    def sentence(self, *pieces: str) -> tuple[Span, dict[str, Span]]:
        """Append a sentence made of ``pieces``; returns its span and the span of each piece."""
        start = self.length + (1 if self.parts else 0)
        at, spans = start, {}
        for piece in pieces:
            spans.setdefault(piece, Span(at, at + len(piece), piece))
            at += len(piece)
        text = "".join(pieces)
        self.parts.append(text)
        self.length = start + len(text)
        return Span(start, start + len(text), text), spans

    @property
    def text(self) -> str:
        return " ".join(self.parts)


def synthetic_corpus(nodes: int, seed: int = 1) -> list[ArticleFacts]:
    """Articles whose union draws about ``nodes`` entity and fact nodes."""
    rng = random.Random(seed)
    pool = max(6, nodes // 7)
    people = [f"{FIRST[i % len(FIRST)]} {LAST[(i // len(FIRST)) % len(LAST)]} {i}" for i in range(pool)]
    places = [f"Town {i}" for i in range(max(3, nodes // 25))]
    orgs = [f"Agency {i}" for i in range(max(3, nodes // 30))]
    groups = [f"Group {i}" for i in range(max(2, nodes // 60))]
    drawn: set[str] = set()
    articles: list[ArticleFacts] = []
    n = 0
    while len(drawn) < nodes:
        n += 1
        t = _Text()
        ents: dict[str, Entity] = {}

        def ent(key: str, kind: Kind, name: str, span: Span, **kw) -> str:
            if key not in ents:
                ents[key] = Entity(key, kind, name, **kw)
            ents[key].mentions.append(span)
            drawn.add(key)
            return key

        (c1, n1), (c2, n2) = rng.sample(COUNTRIES, 2)
        p1, p2, p3 = rng.sample(people, 3)
        place, org, group = rng.choice(places), rng.choice(orgs), rng.choice(groups)
        facts = []

        s, sp = t.sentence(p1, ", the interior minister of ", n1, ", announced a state of emergency in ", place, ".")
        k1 = ent(f"person:p{people.index(p1)}", Kind.PERSON, p1, sp[p1], country=f"country:{c1}")
        kc1 = ent(f"country:{c1}", Kind.COUNTRY, n1, sp[n1], iso_code=c1)
        kpl = ent(f"place:{places.index(place)}", Kind.PLACE, place, sp[place], country=f"country:{c1}")
        ev = Evidence(s, "role.appositive", 0.9)
        facts.append(RoleFact(k1, "interior minister", kc1, "holds", ev))
        facts.append(MeasureFact(k1, "state of emergency", "state of emergency", "announced", kc1,
                                 Evidence(s, "measure.verb-object", 0.85)))
        facts.append(EventFact(f"state of emergency in {place}", "state of emergency", kpl, "2025-11-28",
                               Evidence(s, "event.declaration", 0.8),
                               actors=(k1, kc1, f"organization:{orgs.index(org)}")))  # org: mentioned next

        s, sp = t.sentence("\u201cThe border must be respected,\u201d ", p2, " told ", org, ".")
        k2 = ent(f"person:p{people.index(p2)}", Kind.PERSON, p2, sp[p2], country=f"country:{c2}")
        ko = ent(f"organization:{orgs.index(org)}", Kind.ORGANIZATION, org, sp[org], country=f"country:{c1}")
        facts.append(QuoteFact(k2, f"The border must be respected ({n})", ko, "2025-11-28", True,
                               Evidence(s, "quote.direct", 0.95)))

        s, sp = t.sentence("About ", str(50 + n), " people of ", group, " left ", n2, " for ", n1,
                           ", said ", p3, ".")
        kg_ = ent(f"group:{groups.index(group)}", Kind.GROUP, group, sp[group], country=f"country:{c2}")
        kc2 = ent(f"country:{c2}", Kind.COUNTRY, n2, sp[n2], iso_code=c2)
        ent(kc1, Kind.COUNTRY, n1, sp[n1], iso_code=c1)
        k3 = ent(f"person:p{people.index(p3)}", Kind.PERSON, p3, sp[p3], country=f"country:{c2}")
        facts.append(MovementFact(kg_, kc2, kc1, Evidence(s, "movement.from-to", 0.7)))
        facts.append(QuantityFact(f"people of {group}", 50 + n, None, None, True, "people", kc2, "2025-11",
                                  k3, Evidence(s, "number.count", 0.8)))

        s, sp = t.sentence(p3, ", a conservative, is a candidate against ", p2, " in the election in ", n2, ".")
        ent(k3, Kind.PERSON, p3, sp[p3])
        ent(k2, Kind.PERSON, p2, sp[p2])
        ent(kc2, Kind.COUNTRY, n2, sp[n2], iso_code=c2)
        facts.append(OrientationFact(k3, "conservative", Evidence(s, "orientation.appositive", 0.7)))
        facts.append(EventFact(f"election in {n2} ({n})", "election", kc2, "2026", Evidence(s, "event.election", 0.75),
                               actors=(ko,), candidates=(k3, k2)))

        slug = f"synthetic-{n:05d}"
        article = Article(slug=slug, text=t.text, title=f"Synthetic article {n}", source="Bench Wire",
                          url=f"https://news.example.org/{slug}", published="2025-11-28")
        for e in ents.values():
            e.mentions = sorted(set(e.mentions))
        drawn.update(f"{slug}:{i}" for i in range(len(facts)))
        articles.append(ArticleFacts(article=article, entities=ents, facts=facts))
    return articles


def synthetic_dataset(nodes: int, seed: int = 1):
    """The RDF dataset (one named graph per article) of :func:`synthetic_corpus`."""
    from kg.graph.rdf import add_article, new_dataset

    ds = new_dataset()
    for facts in synthetic_corpus(nodes, seed):
        add_article(ds, facts)
    return ds


def measure(nodes: int) -> dict:
    from kg.view.analytics import view_graph
    from kg.view.visualize import write_html

    ds = synthetic_dataset(nodes)
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "graph.html"
        start = time.perf_counter()
        write_html(ds, out)
        seconds = time.perf_counter() - start
        size = out.stat().st_size
    view = view_graph(ds)
    return {"target": nodes, "nodes": view.graph.number_of_nodes(), "edges": view.graph.number_of_edges(),
            "articles": len(view.articles), "triples": len(ds), "seconds": seconds, "bytes": size}


def main(argv: list[str]) -> None:
    sizes = [int(a) for a in argv] or [100, 1000, 5000]
    header = f"{'target':>7} {'nodes':>7} {'edges':>7} {'articles':>8} {'triples':>8} {'write_html s':>12} {'file MB':>8}"
    print(header)
    print("-" * len(header))
    for size in sizes:
        r = measure(size)
        print(f"{r['target']:>7} {r['nodes']:>7} {r['edges']:>7} {r['articles']:>8} {r['triples']:>8} "
              f"{r['seconds']:>12.2f} {r['bytes'] / 1e6:>8.2f}", flush=True)


if __name__ == "__main__":
    main(sys.argv[1:])
