"""Only real things are shared across articles: a generic group ("migrants") is a node of its
own article, while countries, people and national groups keep one IRI for the whole corpus."""
from __future__ import annotations

from rdflib import URIRef
from rdflib.namespace import RDF

from kg.extract.articles import article_from_text
from kg.graph.rdf import add_article, new_dataset
from kg.extract.records import ArticleFacts, Entity, Evidence, Kind, MovementFact, Span
from kg.graph.vocab import MIG


def _facts(slug: str, *groups: Entity) -> ArticleFacts:
    article = article_from_text("Migrants crossed into Chile.", slug=slug, published="2025-01-01")
    chile = Entity("country:CL", Kind.COUNTRY, "Chile", iso_code="CL")
    evidence = Evidence(Span(0, 28, "Migrants crossed into Chile."), "movement.test", 0.7)
    entities = {e.key: e for e in (chile, *groups)}
    return ArticleFacts(article, entities, [MovementFact(g.key, None, chile.key, evidence) for g in groups])


def _group_nodes(ds) -> set[URIRef]:
    return {s for s, _, _, _ in ds.quads((None, RDF.type, MIG.MigrantGroup, None))}


def test_generic_group_is_one_node_per_article():
    ds = new_dataset()
    for slug in ("story-one", "story-two"):
        add_article(ds, _facts(slug, Entity("group:migrants", Kind.GROUP, "migrants")))
    nodes = _group_nodes(ds)
    assert len(nodes) == 2
    assert all("/story-" in str(n) for n in nodes)
    movers = {o for _, _, o, _ in ds.quads((None, MIG.group, None, None))}
    assert movers == nodes  # the facts point at their own article's group


def test_national_and_named_groups_stay_shared():
    ds = new_dataset()
    for slug in ("story-one", "story-two"):
        add_article(ds, _facts(slug, Entity("group:venezuelan-migrants", Kind.GROUP, "Venezuelan migrants", country="country:CL"),
                               Entity("group:rohingya-refugees", Kind.GROUP, "Rohingya refugees")))
    assert {str(n).rsplit("/", 1)[1] for n in _group_nodes(ds)} == {"venezuelan-migrants", "rohingya-refugees"}
    assert len(_group_nodes(ds)) == 2
