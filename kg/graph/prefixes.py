"""The project's SPARQL prefixes as plain strings.

Kept apart from :mod:`kg.graph.vocab` (which builds rdflib namespaces from them) so that ``kg query
--store`` can give them to Oxigraph without importing rdflib (about 50 ms of its start-up).
"""
from __future__ import annotations

PREFIX_IRIS: dict[str, str] = {
    "mig": "https://w3id.org/migration-kg/ontology#",
    "id": "https://w3id.org/migration-kg/id/",
    "schema": "https://schema.org/",
    "sem": "http://semanticweb.cs.vu.nl/2009/11/sem/",
    "nif": "http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#",
    "itsrdf": "http://www.w3.org/2005/11/its/rdf#",
    "gn": "http://www.geonames.org/ontology#",
    "wd": "http://www.wikidata.org/entity/",
    "time": "http://www.w3.org/2006/time#",
    "prov": "http://www.w3.org/ns/prov#",
    "skos": "http://www.w3.org/2004/02/skos/core#",
    "owl": "http://www.w3.org/2002/07/owl#",
    "rdfs": "http://www.w3.org/2000/01/rdf-schema#",
    "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
    "xsd": "http://www.w3.org/2001/XMLSchema#",
    "dcterms": "http://purl.org/dc/terms/",
}
