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
    import pyoxigraph as ox
    from rdflib import URIRef

    from .rdf import new_dataset
    from ..store.store import open_store

    db = open_store(path, read_only=True)
    ds = new_dataset()
    try:
        names = db.named_graphs()
        if not names:
            raise KgError(f"{path}: the store holds no articles yet; extract some with kg extract ARTICLES --store {path}")
        for name in names:
            triples = [_restore_offset(q.triple) for q in db.db.quads_for_pattern(None, None, None, ox.NamedNode(name))]
            data = ox.serialize(triples, format=ox.RdfFormat.N_TRIPLES) or b""
            ds.graph(URIRef(name)).parse(data=data.decode("utf-8"), format="nt")
    finally:
        db.close()
    return ds


_XSD = PREFIX_IRIS["xsd"]
_OFFSETS = {PREFIX_IRIS["nif"] + "beginIndex", PREFIX_IRIS["nif"] + "endIndex"}


def _restore_offset(triple):
    """Oxigraph stores derived integer types as xsd:integer; NIF's character offsets are
    xsd:nonNegativeInteger (and the shapes check it), so they get their type back."""
    import pyoxigraph as ox

    obj = triple.object
    if triple.predicate.value in _OFFSETS and isinstance(obj, ox.Literal) and obj.datatype.value == _XSD + "integer":
        return ox.Triple(triple.subject, triple.predicate, ox.Literal(obj.value, datatype=ox.NamedNode(_XSD + "nonNegativeInteger")))
    return triple
