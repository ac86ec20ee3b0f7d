"""Where a command reads its graph from: a graph file or a graph store, alike for every command.

A store keeps each article's named graph (and, for fast queries, a copy of their union in its
default graph). Read into rdflib, only the named graphs are taken, so a store and the file it was
loaded from give the same Dataset, with the union as its default graph.
"""
from __future__ import annotations

from pathlib import Path

from ..errors import KgError
from .prefixes import PREFIX_IRIS


def read_graph(graph: Path | None, store: Path | None):
    """The rdflib Dataset of a graph file or of a store (exactly one of them must be given)."""
    if (graph is None) == (store is None):
        raise KgError("give a graph file or --store DIR (one of them)")
    if graph is not None:
        from .graphio import load_graph

        return load_graph(Path(graph))
    return store_dataset(Path(store))


def store_dataset(path: Path):
    """Every named graph of the store at ``path`` (opened read-only) in an rdflib Dataset."""
    from rdflib import URIRef

    from ..store.store import graph_as_ntriples, open_store
    from .rdf import new_dataset

    db = open_store(path, read_only=True)
    ds = new_dataset()
    try:
        names = db.named_graphs()
        if not names:
            raise KgError(f"{path}: the store holds no articles yet; extract some with kg extract ARTICLES --store {path}")
        for name in names:
            graph = ds.graph(URIRef(name))
            graph.parse(data=graph_as_ntriples(db.db, name).decode("utf-8"), format="nt")
            _restore_offsets(graph)
    finally:
        db.close()
    return ds


def _restore_offsets(graph) -> None:
    """Oxigraph stores derived integer types as xsd:integer; NIF's character offsets are
    xsd:nonNegativeInteger (and the shapes check it), so they get their type back."""
    from rdflib import Literal, URIRef
    from rdflib.namespace import XSD

    nif = PREFIX_IRIS["nif"]
    for predicate in (URIRef(nif + "beginIndex"), URIRef(nif + "endIndex")):
        typed = [(s, o) for s, o in graph.subject_objects(predicate) if getattr(o, "datatype", None) == XSD.integer]
        for subject, value in typed:
            graph.remove((subject, predicate, value))
            graph.add((subject, predicate, Literal(str(value), datatype=XSD.nonNegativeInteger)))
