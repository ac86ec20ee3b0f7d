"""Namespaces and terms the graph uses, in one place so that no module spells an IRI twice.

The project's own terms live in ``MIG`` (see ``ontology/migration.ttl``); everything else is a
standard vocabulary reused as is (schema.org, PROV-O, SEM, NIF, SKOS, OWL-Time, GeoNames, Wikidata).

>>> from kg.vocab import MIG, SCHEMA
>>> str(MIG.Measure)
'https://w3id.org/migration-kg/ontology#Measure'
"""
from __future__ import annotations

from rdflib import Namespace
from rdflib.namespace import DCTERMS, OWL, PROV, RDF, RDFS, SKOS, XSD

MIG = Namespace("https://w3id.org/migration-kg/ontology#")
ID = Namespace("https://w3id.org/migration-kg/id/")
SCHEMA = Namespace("https://schema.org/")
SEM = Namespace("http://semanticweb.cs.vu.nl/2009/11/sem/")
NIF = Namespace("http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#")
ITSRDF = Namespace("http://www.w3.org/2005/11/its/rdf#")
GN = Namespace("http://www.geonames.org/ontology#")
WD = Namespace("http://www.wikidata.org/entity/")
TIME = Namespace("http://www.w3.org/2006/time#")

PREFIXES: dict[str, Namespace] = {
    "mig": MIG,
    "id": ID,
    "schema": SCHEMA,
    "sem": SEM,
    "nif": NIF,
    "itsrdf": ITSRDF,
    "gn": GN,
    "wd": WD,
    "time": TIME,
    "prov": PROV,
    "skos": SKOS,
    "owl": OWL,
    "rdfs": RDFS,
    "rdf": RDF,
    "xsd": XSD,
    "dcterms": DCTERMS,
}

# Named concept schemes (SKOS) for event and measure types.
EVENT_TYPE = Namespace(str(ID) + "event-type/")
MEASURE_TYPE = Namespace(str(ID) + "measure-type/")


def bind_prefixes(graph) -> None:
    """Bind the project's prefixes so that serialisations are readable."""
    for prefix, ns in PREFIXES.items():
        graph.bind(prefix, ns, override=True)
