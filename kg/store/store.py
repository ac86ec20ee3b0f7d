"""The embedded, persistent graph store: an Oxigraph database in a folder.

One named graph per article, exactly as in a TriG file. Writing an article replaces its named
graph, so running the same corpus twice leaves the same quads.

SPARQL queries see the union of the named graphs as their default graph. Oxigraph 0.5 can do that
on the fly (``use_default_graph_as_union``), but as a *bag*: a triple that 500 articles assert
(a country's label) matches 500 times, so joins through shared entities blow up and COUNTs are
inflated (oxigraph issue #1919). So a kg store keeps the union *materialised* in its default
graph, as a set: each article's triples are copied there when it is written, and a triple is
removed from it when no named graph holds it any more. The marker file ``kg-store.json`` says
the default graph is kept this way; a store without it (made by other tools, or left by a
killed ``kg serve --allow-update``) is queried with the on-the-fly union until kg writes to it,
which rebuilds the copy.

Only ``pyoxigraph`` is imported here (it loads in milliseconds); no spaCy, so ``kg query
--store`` starts fast.
"""
from __future__ import annotations

import io
import json
import time
from pathlib import Path
from typing import Iterable

from ..errors import KgError

#: Graph file formats (graphio's names) that Oxigraph parses natively.
OX_FORMATS = {"turtle": "TURTLE", "trig": "TRIG", "nt": "N_TRIPLES", "nquads": "N_QUADS"}
MARKER = "kg-store.json"
#: Rewritten by a kg writer each time it has committed writes to table files (a flush, a bulk
#: load): ``kg serve``'s read-only workers reopen the store when it changes, and not when RocksDB
#: merely compacts or appends to its write-ahead log (see docs/endpoint.md).
COMMITTED = "kg-committed"
#: A writer replacing graphs flushes RocksDB's memory tables to table files at least this often:
#: a running ``kg serve`` reopens its read-only views when that happens (new articles appear), and
#: the write-ahead log, which every read-only open replays, stays small (tens of MB at most) instead of growing by
#: about 0.6 MB per replaced article until the batch ends (see docs/endpoint.md).
FLUSH_SECONDS = 5.0


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


class GraphStore:
    """An open store: the pyoxigraph ``Store`` (``db``) and the folder it lives in."""

    def __init__(self, path: Path, db, read_only: bool):
        self.path = Path(path)
        self.db = db
        self.read_only = read_only
        self.flushed_at = time.monotonic()

    # -- the materialised union -------------------------------------------------------------
    @property
    def union_kept(self) -> bool:
        """Is the default graph kept as the union of the named graphs (see the module doc)?"""
        return (self.path / MARKER).is_file()

    def _marker(self) -> dict:
        try:
            return json.loads((self.path / MARKER).read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return {}

    def _mark(self, kept: bool, direct: bool | None = None) -> None:
        """Write (or remove) the marker; ``direct``: triples were written straight to the default graph."""
        marker = self.path / MARKER
        if kept:
            info = self._marker()
            info["default_graph"] = "union of the named graphs, kept by kg"
            if direct is not None:
                info["direct_default_triples"] = direct or bool(info.get("direct_default_triples"))
            marker.write_text(json.dumps(info) + "\n", encoding="utf-8")
        else:
            marker.unlink(missing_ok=True)

    @property
    def may_have_direct_default(self) -> bool:
        """Could the default graph hold triples of its own (from a .ttl file, or a client's update)?"""
        return not self.union_kept or bool(self._marker().get("direct_default_triples", True))

    def ensure_union(self) -> None:
        """Before writing: rebuild the default-graph copy of every named graph if it is not kept."""
        if not self.union_kept:
            direct = next(iter(self.db.quads_for_pattern(None, None, None, _default_graph())), None) is not None
            for name in list(self.db.named_graphs()):
                self._copy_to_default(name)
            self.flush()
            self._mark(True, direct=direct)

    def drop_union(self) -> None:
        """Remove the copy (for a server that lets clients write named graphs: it then uses the
        on-the-fly union, and :meth:`ensure_union` rebuilds the copy afterwards)."""
        if self.union_kept:
            self._mark(False)
            for name in list(self.db.named_graphs()):
                self.db.update(f"DELETE {{ ?s ?p ?o }} WHERE {{ GRAPH {name} {{ ?s ?p ?o }} }}")
            self.flush()

    def _copy_to_default(self, name) -> None:
        self.db.update(f"INSERT {{ ?s ?p ?o }} WHERE {{ GRAPH {name} {{ ?s ?p ?o }} }}")

    # -- writing ----------------------------------------------------------------------------
    def replace_graph(self, graph_name: str, ntriples: bytes) -> None:
        """Replace named graph ``graph_name`` with the triples in ``ntriples`` (N-Triples) and keep
        the default graph the union of all named graphs.

        One SPARQL update request, so one transaction: a reader that opens the store meanwhile
        (``kg serve``'s workers replay the write-ahead log) sees the article before or after, never
        half-replaced or missing, and a killed writer leaves it whole."""
        g = f"<{graph_name}>"
        operations = [
            # triples only this article asserted leave the union (the new version puts back its own)
            f"DELETE {{ ?s ?p ?o }} WHERE {{ GRAPH {g} {{ ?s ?p ?o }} "
            f"FILTER NOT EXISTS {{ GRAPH ?other {{ ?s ?p ?o }} FILTER (?other != {g}) }} }}",
            f"DROP SILENT GRAPH {g}",
        ]
        if ntriples:
            operations.append(f"INSERT DATA {{ GRAPH {g} {{ {ntriples.decode('utf-8')} }} }}")
            operations.append(f"INSERT {{ ?s ?p ?o }} WHERE {{ GRAPH {g} {{ ?s ?p ?o }} }}")
        self.db.update(" ;\n".join(operations))
        if time.monotonic() - self.flushed_at >= FLUSH_SECONDS:
            self.flush()

    def has_graph(self, graph_name: str) -> bool:
        import pyoxigraph as ox

        return self.db.contains_named_graph(ox.NamedNode(graph_name))

    def add_new_graphs(self, graphs: list[tuple[str, bytes]]) -> None:
        """Write named graphs the store does not hold yet, given as (IRI, N-Triples), with their
        default-graph copies: one bulk load, several times cheaper than a transaction per graph
        (not atomic: a crash in the middle leaves part of them, which the next run replaces).

        A triple that several of the graphs assert (an entity's label, a country's code) goes to
        the default graph once: on 10,000 articles that is 12% fewer lines to load and 15% less
        CPU for the loads."""
        import pyoxigraph as ox

        parts = [ntriples_in_graph(nt, name) for name, nt in graphs if nt]
        if parts:
            union = dict.fromkeys(line for _, nt in graphs for line in nt.splitlines(keepends=True))
            parts.append(b"".join(union))
            self.db.bulk_load(io.BufferedReader(ChunkReader(parts), 1 << 20), format=ox.RdfFormat.N_QUADS)
            self._committed()

    def load_file(self, path: Path) -> tuple[int, int]:
        """Load graph file ``path``: each named graph it holds replaces the store's graph of that
        name; triples outside named graphs (a .ttl file) are added to the default graph.

        Returns (named graphs, quads) read.
        """
        import pyoxigraph as ox

        scratch = parse_file(path)
        graphs = list(scratch.named_graphs())
        fresh: list[tuple[str, bytes]] = []
        size = 0
        for name in graphs:
            triples = (q.triple for q in scratch.quads_for_pattern(None, None, None, name))
            data = ox.serialize(triples, format=ox.RdfFormat.N_TRIPLES) or b""
            if isinstance(name, ox.NamedNode) and not self.db.contains_named_graph(name):
                fresh.append((name.value, data))
                size += len(data)
                if size > 32_000_000:
                    self.add_new_graphs(fresh)
                    fresh, size = [], 0
            else:
                self.replace_graph(name.value, data)
        self.add_new_graphs(fresh)
        default = [q for q in scratch.quads_for_pattern(None, None, None, ox.DefaultGraph())]
        if default:
            self.db.extend(default)
            self._mark(True, direct=True)
        quads = len(scratch)
        self.flush()
        if quads >= 100_000:
            self.db.optimize()  # compacts the bulk-loaded files: queries get about twice as fast
        return len(graphs), quads

    def flush(self) -> None:
        """Write the memory tables to table files: what readers (kg serve's workers) see next."""
        if not self.read_only:
            self.db.flush()
            self.flushed_at = time.monotonic()
            self._committed()

    def _committed(self) -> None:
        """Tell readers that what was written so far is in table files (see COMMITTED)."""
        (self.path / COMMITTED).write_text(f"{time.time_ns()}\n", encoding="utf-8")

    def close(self) -> None:
        self.flush()
        self.db = None

    # -- reading ----------------------------------------------------------------------------
    def query(self, text: str, allow_service: bool | None = None):
        return query_store(self.db, text, union_kept=self.union_kept, allow_service=allow_service)

    def named_graphs(self) -> list[str]:
        return named_graphs(self.db)

    def direct_default_triples(self) -> int:
        """Triples of the default graph that are not a copy of some named graph's triple."""
        if not self.may_have_direct_default:
            return 0
        if not self.union_kept:
            return sum(1 for _ in self.db.quads_for_pattern(None, None, None, _default_graph()))
        rows = self.db.query("SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o FILTER NOT EXISTS { GRAPH ?g { ?s ?p ?o } } }")
        return int(next(iter(rows))[0].value)

    def __len__(self) -> int:
        return len(self.db)


def _default_graph():
    import pyoxigraph as ox

    return ox.DefaultGraph()


def open_store(path: Path, *, create: bool = False, read_only: bool = False, keep_union: bool = True) -> GraphStore:
    """Open the store in folder ``path``.

    ``create``: make a new store when the folder is missing or empty (never inside a folder that
    holds something else). ``read_only``: open without taking the writer's lock, so that many
    readers (and a read-only server) can share the store. A store opened for writing keeps its
    default graph the union of the named graphs, unless ``keep_union`` is False (the writer of
    ``kg serve --allow-update``, which has dropped that copy; see :meth:`GraphStore.drop_union`).
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
        db = pyoxigraph.Store.read_only(str(path)) if read_only else pyoxigraph.Store(str(path))
    except OSError as exc:
        raise _open_error(path, exc) from None
    store = GraphStore(path, db, read_only)
    if not read_only and keep_union:
        store.ensure_union()
    return store


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


_NT_FORMS: dict = {}  # rdflib term -> its N-Triples form
_NT_FORMS_MAX = 200_000


def triples_to_ntriples(triples: Iterable) -> bytes:
    """N-Triples for rdflib ``triples`` (IRIs are checked: a bad one raises ValueError).

    Each distinct term goes through pyoxigraph once, which checks it and writes its N-Triples
    form; the lines are then joined as text (an article repeats its terms many times, and a
    corpus its predicates, classes and well-known entities: the forms are kept across calls).
    """
    cache = _NT_FORMS
    if len(cache) > _NT_FORMS_MAX:
        cache.clear()

    def term(t) -> str:
        found = cache.get(t)
        if found is None:
            found = cache[t] = str(to_ox(t))
        return found

    return "".join(f"{term(s)} {term(p)} {term(o)} .\n" for s, p, o in triples).encode("utf-8")


def ntriples_in_graph(ntriples: bytes, graph_name: str) -> bytes:
    """N-Triples lines (as pyoxigraph writes them: `` .\n`` at the end) as N-Quads lines in a graph.

    Only a line's end can read `` .\n``: N-Triples escapes the line breaks inside literals.
    """
    if not ntriples:
        return b""
    return ntriples.replace(b" .\n", b" <" + graph_name.encode("utf-8") + b"> .\n")


class ChunkReader(io.RawIOBase):
    """A binary file over a list of byte strings, read in turn: Oxigraph reads a bulk load from
    it without the parts first being joined into one buffer of hundreds of MB (which glibc maps
    and zero-fills page by page, each load anew).

    >>> io.BufferedReader(ChunkReader([b"ab", b"", b"cde"])).read()
    b'abcde'
    """

    def __init__(self, parts: list[bytes]):
        self.parts = [memoryview(p) for p in parts if p]
        self.index = 0
        self.offset = 0

    def readable(self) -> bool:
        return True

    def readinto(self, buffer) -> int:
        if self.index >= len(self.parts):
            return 0
        part = self.parts[self.index]
        n = min(len(buffer), len(part) - self.offset)
        buffer[:n] = part[self.offset : self.offset + n]
        self.offset += n
        if self.offset == len(part):
            self.index, self.offset = self.index + 1, 0
        return n


def named_graphs(db) -> list[str]:
    """IRIs of a pyoxigraph store's named graphs, sorted."""
    return sorted(g.value for g in db.named_graphs())


# -- graph files ---------------------------------------------------------------------------------

def parse_file(path: Path):
    """A graph file parsed into an in-memory pyoxigraph Store (Oxigraph's parsers; rdflib for JSON-LD)."""
    import pyoxigraph as ox

    from ..graph.graphio import check_graph_path

    path = Path(path)
    fmt = check_graph_path(path)
    scratch = ox.Store()
    if fmt not in OX_FORMATS:
        from ..graph.graphio import load_graph

        scratch.load(dataset_to_nquads(load_graph(path)), format=ox.RdfFormat.N_QUADS)
        return scratch
    try:
        scratch.load(path=str(path), format=getattr(ox.RdfFormat, OX_FORMATS[fmt]))
    except (SyntaxError, ValueError) as exc:
        raise KgError(f"{path}: does not parse as {fmt}: {' '.join(str(exc).split())[:300]}") from None
    return scratch


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


def graph_as_ntriples(db, graph_iri: str | None) -> bytes:
    """One graph of a pyoxigraph store (None: the default graph) as N-Triples, sorted for stable output."""
    import pyoxigraph as ox

    g = ox.DefaultGraph() if graph_iri is None else ox.NamedNode(graph_iri)
    triples = [q.triple for q in db.quads_for_pattern(None, None, None, g)]
    data = ox.serialize(triples, format=ox.RdfFormat.N_TRIPLES) or b""
    return b"".join(sorted(data.splitlines(keepends=True)))


# -- queries -------------------------------------------------------------------------------------

def _text(term) -> str:
    value = getattr(term, "value", None)
    return str(term) if value is None else value


def _prefixes() -> dict[str, str]:
    from ..graph.prefixes import PREFIX_IRIS

    return dict(PREFIX_IRIS)


def query_store(db, text: str, *, union_kept: bool = False, allow_service: bool | None = None):
    """Run a SELECT or ASK over a pyoxigraph store -> :class:`kg.store.query.Answer`.

    The default graph is the union of the named graphs: the kept copy when ``union_kept``, else
    Oxigraph's on-the-fly union. The project's prefixes (mig:, schema:, ...) need no PREFIX lines.
    """
    import pyoxigraph as ox

    from ..errors import QueryError
    from .query import Answer, refuse_service

    if not text.strip():
        raise QueryError("the query is empty; give SPARQL text or a .rq file")
    refuse_service(text, allow_service)
    try:
        result = db.query(text, use_default_graph_as_union=not union_kept, prefixes=_prefixes())
    except SyntaxError as exc:
        message = " ".join(str(exc).split())[:400]
        raise QueryError(f"malformed SPARQL: {message}; check the query's syntax (kg query answers SELECT and ASK)") from None
    if isinstance(result, ox.QueryBoolean):
        return Answer(["ask"], [[str(bool(result)).lower()]])
    if not isinstance(result, ox.QuerySolutions):
        raise QueryError("only SELECT and ASK queries are answered here")
    columns = [v.value for v in result.variables]
    rows = [[None if sol[i] is None else _text(sol[i]) for i in range(len(columns))] for sol in result]
    return Answer(columns, rows)
