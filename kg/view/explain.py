"""Explain a node: what the graph says about it, and which rule and sentence each fact came from.

A developer tracing a wrong fact, or a user deciding whether to trust it, needs the same three
things: the fact, the rule that produced it with its confidence, and the sentence it was read from.

>>> from kg.view.explain import find_nodes                                     # doctest: +SKIP
find_nodes(dataset, "Ruiz")                                          # doctest: +SKIP
"""
from __future__ import annotations

from dataclasses import dataclass, field

from rdflib import Literal, URIRef
from rdflib.namespace import PROV, RDF, RDFS

from ..errors import KgError
from ..graph.vocab import MIG, NIF

HIDDEN = {NIF.isString, NIF.anchorOf, NIF.beginIndex, NIF.endIndex, NIF.referenceContext}


@dataclass
class FactLine:
    """One fact about the node: its own properties plus where it came from."""

    fact: str
    kind: str
    details: list[tuple[str, str]]
    rule: str | None
    confidence: str | None
    sentence: str | None
    article: str | None


@dataclass
class Explanation:
    node: str
    label: str
    classes: list[str]
    properties: list[tuple[str, str]] = field(default_factory=list)
    facts: list[FactLine] = field(default_factory=list)


def _label(graph, term) -> str:
    if isinstance(term, Literal):
        return str(term)
    label = graph.value(term, RDFS.label)
    return str(label) if label is not None else _local(term)


def _local(term) -> str:
    text = str(term)
    return text.rsplit("#", 1)[-1].rsplit("/", 1)[-1]


def find_nodes(graph, query: str) -> list[URIRef]:
    """Nodes whose IRI is ``query`` or whose label contains it (case-insensitive), entities first."""
    if query.startswith(("http://", "https://")):
        node = URIRef(query)
        return [node] if (node, None, None) in graph else []
    low = query.casefold()
    found = {s for s, label in graph.subject_objects(RDFS.label) if isinstance(s, URIRef) and low in str(label).casefold()}
    facts = {s for s in found if (s, RDF.type, MIG.Fact) in graph}
    return sorted(found - facts, key=str) + sorted(facts, key=str)


def _fact_line(graph, fact) -> FactLine:
    kinds = [_local(c) for c in graph.objects(fact, RDF.type) if c != MIG.Fact]
    details = []
    for p, o in sorted(graph.predicate_objects(fact), key=lambda po: (str(po[0]), str(po[1]))):
        if p in (RDF.type, RDFS.label, MIG.rule, MIG.confidence, PROV.wasDerivedFrom, PROV.hadPrimarySource):
            continue
        details.append((_local(p), _label(graph, o)))
    sentence = graph.value(fact, PROV.wasDerivedFrom)
    article = graph.value(fact, PROV.hadPrimarySource)
    return FactLine(
        fact=_label(graph, fact),
        kind=", ".join(sorted(kinds)),
        details=details,
        rule=str(graph.value(fact, MIG.rule) or "") or None,
        confidence=str(graph.value(fact, MIG.confidence) or "") or None,
        sentence=str(graph.value(sentence, NIF.anchorOf)) if sentence is not None else None,
        article=_label(graph, article) if article is not None else None,
    )


def explain(graph, node: URIRef) -> Explanation:
    """Everything the graph says about ``node`` and the facts that mention it."""
    classes = sorted(_local(c) for c in graph.objects(node, RDF.type))
    out = Explanation(str(node), _label(graph, node), classes)
    for p, o in sorted(graph.predicate_objects(node), key=lambda po: (str(po[0]), str(po[1]))):
        if p in HIDDEN or p == RDF.type:
            continue
        out.properties.append((_local(p), _label(graph, o)))
    facts = set()
    if (node, RDF.type, MIG.Fact) in graph:
        facts.add(node)
    for s, p in graph.subject_predicates(node):
        if (s, RDF.type, MIG.Fact) in graph:
            facts.add(s)
    out.facts = [_fact_line(graph, f) for f in sorted(facts, key=str)]
    return out


def explain_query(graph, query: str) -> list[Explanation]:
    nodes = find_nodes(graph, query)
    if not nodes:
        raise KgError(f"no node has the label or IRI {query!r}; try part of a name, e.g. a surname")
    return [explain(graph, n) for n in nodes[:5]]
