"""The embedded, persistent graph store: an Oxigraph database in a folder.

One named graph per article, exactly as in a TriG file; SPARQL queries see the union of the
named graphs as their default graph. Writing an article replaces its named graph, so running the
same corpus twice leaves the same quads.

Only ``pyoxigraph`` is imported here (it loads in milliseconds); no spaCy, so ``kg query
--store`` starts fast.

Beware: Oxigraph 0.5 evaluates the union default graph as a *bag* (a triple asserted by two
articles matches twice; oxigraph issue #1919). Queries over a store should say ``DISTINCT`` /
``COUNT(DISTINCT ...)`` where an entity's triples can come from several articles.
"""
from __future__ import annotations

from pathlib import Path
from typing import Iterable

from .errors import KgError

#: Graph file formats (graphio's names) that Oxigraph parses natively.
OX_FORMATS = {"turtle": "TURTLE", "trig": "TRIG", "nt": "N_TRIPLES", "nquads": "N_QUADS"}


def is_store(path: Path) -> bool:
    """Does ``path`` hold an Oxigraph (RocksDB) database?"""
    return (Path(path) / "CURRENT").is_file()


def _open_error(path: Path, exc: OSError) -> KgError:
    text = " ".join(str(exc).split())
    if "lock" in text.lower():
        return KgError(
            f"{path}: the store is in use by another process (a running `kg extract --store`, "
            "`kg load` or `kg serve --allow-update`?); wait for it or stop it"
        )
    return KgError(f"{path}: cannot open the store: {text[:300]}")


def open_store(path: Path, *, create: bool = False, read_only: bool = False):
    """Open the store in folder ``path``.

    ``create``: make a new store when the folder is missing or empty (never inside a folder that
    holds something else). ``read_only``: open without taking the writer's lock, so that many
    readers (and a read-only server) can share the store.
    """
    import pyoxigraph

    path = Path(path)
    if path.exists() and not path.is_dir():
        raise KgError(f"{path}: is a file, not a store folder")
    if not is_store(path):
        if not create:
            raise KgError(
                f"{path}: no graph store here; make one with `kg extract ARTICLES --store {path}` "
                f"or `kg load GRAPH --store {path}`"
            )
        if path.exists() and any(path.iterdir()):
            raise KgError(f"{path}: this folder holds other files and no graph store; give a new or empty folder")
        try:
            path.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise KgError(f"{path}: cannot create the store folder: {exc.strerror}") from None
    try:
        if read_only:
            return pyoxigraph.Store.read_only(str(path))
        return pyoxigraph.Store(str(path))
    except OSError as exc:
        raise _open_error(path, exc) from None


# -- converting rdflib terms ---------------------------------------------------------------------

def to_ox(term):
    """An rdflib term as a pyoxigraph term."""
    import pyoxigraph as ox
    from rdflib import BNode, Literal, URIRef

    if isinstance(term, URIRef):
        return ox.NamedNode(str(term))
    if isinstance(term, Literal):
        if term.language:
            return ox.Literal(str(term), language=term.language)
        if term.datatype is not None:
            return ox.Literal(str(term), datatype=ox.NamedNode(str(term.datatype)))
        return ox.Literal(str(term))
    if isinstance(term, BNode):
        return ox.BlankNode(str(term))
    raise TypeError(f"cannot store RDF term {term!r}")


def triples_to_nquads(triples: Iterable, graph_name) -> bytes:
    """N-Quads for rdflib ``triples`` in the named graph ``graph_name`` (an rdflib URIRef)."""
    import pyoxigraph as ox

    g = ox.NamedNode(str(graph_name))
    quads = [ox.Quad(to_ox(s), to_ox(p), to_ox(o), g) for s, p, o in triples]
    return ox.serialize(quads, format=ox.RdfFormat.N_QUADS) or b""


def replace_graph(store, graph_name: str, nquads: bytes) -> None:
    """Replace named graph ``graph_name`` with the quads in ``nquads`` (all in that graph)."""
    import pyoxigraph as ox

    store.remove_graph(ox.NamedNode(graph_name))
    if nquads:
        store.load(nquads, format=ox.RdfFormat.N_QUADS)


def count_quads(store) -> int:
    return len(store)


def named_graphs(store) -> list[str]:
    """IRIs of the store's named graphs, sorted."""
    return sorted(g.value for g in store.named_graphs())


# -- loading graph files -------------------------------------------------------------------------

def load_file(store, path: Path) -> tuple[int, int]:
    """Load graph file ``path`` into ``store``; each named graph it holds replaces the store's graph
    of that name (triples outside named graphs are added to the default graph).

    Returns (named graphs replaced, quads read).
    """
    import pyoxigraph as ox

    from .graphio import format_for

    path = Path(path)
    if not path.exists():
        raise KgError(f"{path}: no such graph file")
    if path.is_dir():
        raise KgError(f"{path}: is a folder; give a graph file")
    fmt = format_for(path)
    if fmt not in OX_FORMATS:
        # JSON-LD: parse with rdflib (as every other command does), then hand over quads.
        from .graphio import load_graph

        ds = load_graph(path)
        data = dataset_to_nquads(ds)
        rdf_format = ox.RdfFormat.N_QUADS
        source = {"input": data}
    else:
        rdf_format = getattr(ox.RdfFormat, OX_FORMATS[fmt])
        source = {"path": str(path)}
    scratch = ox.Store()  # parse once in memory (in Rust) to learn the graph names
    try:
        scratch.load(format=rdf_format, **source)
    except (SyntaxError, ValueError) as exc:
        raise KgError(f"{path}: does not parse as {fmt}: {' '.join(str(exc).split())[:300]}") from None
    graphs = list(scratch.named_graphs())
    quads = len(scratch)
    del scratch
    for g in graphs:
        store.remove_graph(g)
    store.load(format=rdf_format, **source)
    store.flush()
    return len(graphs), quads


def dataset_to_nquads(ds) -> bytes:
    """Every quad of an rdflib Dataset as N-Quads (default-graph triples without a graph name)."""
    import pyoxigraph as ox
    from rdflib.graph import DATASET_DEFAULT_GRAPH_ID

    quads = []
    for s, p, o, g in ds.quads((None, None, None, None)):
        name = getattr(g, "identifier", g)
        if name is None or name == DATASET_DEFAULT_GRAPH_ID:
            quads.append(ox.Quad(to_ox(s), to_ox(p), to_ox(o)))
        else:
            quads.append(ox.Quad(to_ox(s), to_ox(p), to_ox(o), to_ox(name)))
    return ox.serialize(quads, format=ox.RdfFormat.N_QUADS) or b""


def graphs_of_file(path: Path) -> tuple[object, list[str], int]:
    """A graph file parsed into an in-memory Oxigraph store: (store, named graph IRIs, default-graph triples)."""
    import pyoxigraph as ox

    store = ox.Store()
    load_file(store, path)
    default = sum(1 for _ in store.quads_for_pattern(None, None, None, ox.DefaultGraph()))
    return store, named_graphs(store), default


def graph_as_ntriples(store, graph_iri: str | None) -> bytes:
    """One graph of ``store`` (None: the default graph) as N-Triples, sorted for stable output."""
    import pyoxigraph as ox

    g = ox.DefaultGraph() if graph_iri is None else ox.NamedNode(graph_iri)
    triples = [q.triple for q in store.quads_for_pattern(None, None, None, g)]
    data = ox.serialize(triples, format=ox.RdfFormat.N_TRIPLES) or b""
    return b"".join(sorted(data.splitlines(keepends=True)))


# -- queries -------------------------------------------------------------------------------------

def _text(term) -> str:
    value = getattr(term, "value", None)
    return str(term) if value is None else value


def query_store(store, text: str):
    """Run a SELECT or ASK over the store (union of named graphs as default graph) -> query.Answer."""
    import pyoxigraph as ox

    from .query import Answer, refuse_service

    refuse_service(text)
    try:
        result = store.query(text, use_default_graph_as_union=True)
    except SyntaxError as exc:
        raise KgError(f"malformed SPARQL: {' '.join(str(exc).split())[:400]}") from None
    if isinstance(result, ox.QueryBoolean):
        return Answer(["ask"], [[str(bool(result)).lower()]])
    if not isinstance(result, ox.QuerySolutions):
        raise KgError("only SELECT and ASK queries are answered here")
    columns = [v.value for v in result.variables]
    rows = [[None if sol[i] is None else _text(sol[i]) for i in range(len(columns))] for sol in result]
    return Answer(columns, rows)

