"""Namespaces and terms the graph uses, in one place so that no module spells an IRI twice.

The project's own terms live in ``MIG`` (see ``ontology/migration.ttl``); everything else is a
standard vocabulary reused as is (schema.org, PROV-O, SEM, NIF, SKOS, OWL-Time, GeoNames, Wikidata).

>>> from kg.graph.vocab import MIG, SCHEMA
>>> str(MIG.Measure)
'https://w3id.org/migration-kg/ontology#Measure'
"""
from __future__ import annotations

from rdflib import Namespace, URIRef

from .prefixes import PREFIX_IRIS


class CachedNamespace(Namespace):
    """A Namespace that makes each ``NS.term`` once: rdflib's builds a new URIRef on every access
    (about 1 µs), and the RDF layer asks for the same few dozen terms hundreds of times per article.

    >>> ns = CachedNamespace("https://example.org/")
    >>> ns.a is ns.a, str(ns.a)
    (True, 'https://example.org/a')
    """

    def __getattr__(self, name: str) -> URIRef:
        term = super().__getattr__(name)
        self.__dict__[name] = term  # found as a plain attribute from now on
        return term


#: prefix -> namespace, for binding in serialisations and for SPARQL (the strings: kg.graph.prefixes).
PREFIXES: dict[str, Namespace] = {name: CachedNamespace(iri) for name, iri in PREFIX_IRIS.items()}

MIG = PREFIXES["mig"]
ID = PREFIXES["id"]
SCHEMA = PREFIXES["schema"]
SEM = PREFIXES["sem"]
NIF = PREFIXES["nif"]
ITSRDF = PREFIXES["itsrdf"]
GN = PREFIXES["gn"]
WD = PREFIXES["wd"]
TIME = PREFIXES["time"]

# Named concept schemes (SKOS) for event and measure types.
EVENT_TYPE = CachedNamespace(str(ID) + "event-type/")
MEASURE_TYPE = CachedNamespace(str(ID) + "measure-type/")


def bind_prefixes(graph) -> None:
    """Bind the project's prefixes so that serialisations are readable."""
    for prefix, ns in PREFIXES.items():
        graph.bind(prefix, ns, override=True)
