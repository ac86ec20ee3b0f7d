"""kg.store.results writes SPARQL results itself (to check the row cap before anything is sent): its
JSON, XML, CSV and TSV must say what Oxigraph's own writers say."""
from __future__ import annotations

import json
import xml.etree.ElementTree as ET

import pyoxigraph as ox
import pytest

from kg.store.querypool import Job
from kg.store.results import _boolean, _csv, _json, _tsv, _xml

DATA = b"""
<urn:a> <urn:p> "plain" , "tagged"@es , "12"^^<http://www.w3.org/2001/XMLSchema#integer> , _:b1 , <urn:b> .
<urn:b> <urn:p> "quote \\" and \\n line" , true , 1.5 , 1.0e3 , "x"^^<http://www.w3.org/2001/XMLSchema#integer> .
"""
QUERY = "SELECT ?s ?o ?missing WHERE { ?s <urn:p> ?o OPTIONAL { ?o <urn:none> ?missing } } ORDER BY ?s ?o"


@pytest.fixture(scope="module")
def store():
    db = ox.Store()
    db.load(DATA, format=ox.RdfFormat.TURTLE)
    return db


def ours_and_theirs(store, fmt):
    result = store.query(QUERY)
    columns = [v.value for v in result.variables]
    rows = [[s[i] for i in range(len(columns))] for s in result]
    writer = {"json": _json, "xml": _xml, "csv": _csv, "tsv": _tsv}[fmt]
    theirs = store.query(QUERY).serialize(format=getattr(ox.QueryResultsFormat, fmt.upper()))
    return writer(columns, rows), theirs


def _bnodes_renamed(bindings):
    return [{k: (dict(v, value="_") if v["type"] == "bnode" else v) for k, v in b.items()} for b in bindings]


def test_json_matches_oxigraph(store):
    ours, theirs = (json.loads(x) for x in ours_and_theirs(store, "json"))
    assert ours["head"] == theirs["head"]
    assert _bnodes_renamed(ours["results"]["bindings"]) == _bnodes_renamed(theirs["results"]["bindings"])


def test_xml_matches_oxigraph(store):
    ours, theirs = ours_and_theirs(store, "xml")
    ns = "{http://www.w3.org/2005/sparql-results#}"

    def cells(body):
        root = ET.fromstring(body)
        return [sorted((b.get("name"), b[0].tag, b[0].attrib.get("datatype"), b[0].text if b[0].tag != ns + "bnode" else "_")
                       for b in r) for r in root.iter(ns + "result")]

    assert cells(ours) == cells(theirs)


@pytest.mark.parametrize("fmt", ["csv", "tsv"])
def test_csv_and_tsv_match_oxigraph(store, fmt):
    ours, theirs = ours_and_theirs(store, fmt)
    strip = lambda body: [ln for ln in body.decode().replace("\r\n", "\n").split("\n") if "_:" not in ln]  # noqa: E731
    assert strip(ours) == strip(theirs)


def test_ask_json():
    reply = _boolean(True, Job("ASK {}", [], 10))
    assert reply.status == 200 and json.loads(reply.body) == {"head": {}, "boolean": True}
