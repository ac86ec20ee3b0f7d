"""Read and write graph files; the format comes from the file's extension.

Writes go to a temporary file in the same folder and are renamed into place, so a failed run
never leaves a half-written or clobbered output.

Reading refuses, with the file, line and reason, anything that is not a usable graph: a missing,
empty or binary file, a syntax error, or a JSON-LD document whose ``@context`` is remote (``kg``
never fetches anything from the network). Every command that reads a graph file goes through
:func:`load_graph`.
"""
from __future__ import annotations

import json
import logging
import os
import re
import stat
import tempfile
from contextlib import contextmanager
from pathlib import Path

from rdflib import Dataset, URIRef
from rdflib.graph import DATASET_DEFAULT_GRAPH_ID, Graph
from rdflib.namespace import XSD, NamespaceManager, split_uri

from ..errors import GraphFileError, KgError, warn
from .vocab import bind_prefixes

FORMATS: dict[str, str] = {
    ".ttl": "turtle",
    ".trig": "trig",
    ".nt": "nt",
    ".nq": "nquads",
    ".jsonld": "json-ld",
    ".json": "json-ld",
}
QUAD_FORMATS = {"trig", "nquads", "json-ld"}
FORMAT_NAMES = {"turtle": "Turtle", "trig": "TriG", "nt": "N-Triples", "nquads": "N-Quads", "json-ld": "JSON-LD"}


def format_for(path: Path) -> str:
    """rdflib format name for a file, from its extension."""
    path = Path(path)
    fmt = FORMATS.get(path.suffix.lower())
    if fmt is None:
        known = ", ".join(sorted(FORMATS))
        raise KgError(f"{path}: unknown graph format {path.suffix or '(none)'!r}; use one of {known}")
    return fmt


# -- reading ----------------------------------------------------------------------------------


def check_graph_path(path: Path) -> str:
    """The rdflib format of an existing graph file; a clear error if it is missing or a folder."""
    if not path.exists():
        raise GraphFileError(f"{path}: no such graph file; check the path (kg extract writes one)")
    if path.is_dir():
        raise GraphFileError(f"{path}: is a folder; give a graph file (or use --store for a store folder)")
    return format_for(path)


def load_graph(path: Path, allow_empty: bool = False) -> Dataset:
    """Parse a graph file into a Dataset whose default graph is the union of its named graphs.

    Raises :class:`~kg.errors.GraphFileError` naming the file (and the line, for syntax errors)
    when the file is missing, empty, binary, has no triples (unless ``allow_empty``), does not
    parse, or is JSON-LD with a remote ``@context``.
    """
    path = Path(path)
    fmt = check_graph_path(path)
    name = FORMAT_NAMES[fmt]
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise GraphFileError(f"{path}: cannot read: {exc.strerror or exc}") from None
    if not raw.strip():
        if allow_empty:
            return _new_dataset()
        raise GraphFileError(f"{path}: the graph file is empty; run kg extract to write one")
    from ..extract.articles import binary_kind

    kind = binary_kind(raw)
    if kind:
        raise GraphFileError(f"{path}: looks like {kind}, not a {name} file")
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line, col = _line_col(raw, exc.start)
        raise GraphFileError(
            f"{path}: line {line}, column {col}: not UTF-8 text (byte 0x{raw[exc.start]:02x}); "
            f"{name} files must be UTF-8"
        ) from None
    if fmt == "json-ld":
        _check_jsonld(path, text)
    ds = _new_dataset()
    with _quiet_literal_warnings() as bad_literals:
        try:
            ds.parse(data=text, format=fmt, publicID=path.resolve().as_uri())
        except Exception as exc:  # rdflib raises many types; all mean the same to the user
            raise GraphFileError(f"{path}: does not parse as {name}: {_parse_problem(exc, text, fmt)}") from exc
    if bad_literals:
        example = bad_literals[0]
        more = f" (and {len(bad_literals) - 1} more)" if len(bad_literals) > 1 else ""
        warn(f"{path}: a literal does not match its datatype: {example}{more}")
    if not allow_empty and len(ds) == 0:
        raise GraphFileError(f"{path}: the graph is empty (no triples); extract articles into it first with kg extract")
    return ds


def _new_dataset() -> Dataset:
    ds = Dataset(default_union=True)
    bind_prefixes(ds)
    return ds


def _line_col(data, offset: int) -> tuple[int, int]:
    """1-based line and column of ``offset`` in ``data`` (str or bytes)."""
    nl = b"\n" if isinstance(data, bytes) else "\n"
    offset = max(0, min(offset, len(data)))
    line = data.count(nl, 0, offset) + 1
    start = data.rfind(nl, 0, offset) + 1
    prefix = data[start:offset]
    col = len(prefix.decode("utf-8", "replace")) if isinstance(prefix, bytes) else len(prefix)
    return line, col + 1


def _short(text: str, limit: int = 200) -> str:
    text = " ".join(str(text).split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _parse_problem(exc: Exception, text: str, fmt: str) -> str:
    """'line N, column C: reason' for a parser exception, as precisely as the parser allows."""
    from rdflib.plugins.parsers.notation3 import BadSyntax

    if isinstance(exc, BadSyntax):
        why = exc._why
        if exc._i is not None and 0 <= exc._i <= len(exc._str):
            line, col = _line_col(exc._str, exc._i)
            return f"line {line}, column {col}: {why}"
        return f"line {exc.lines + 1}: {why}" if "EOF" not in why else f"at the end of the file: {why}"
    if isinstance(exc, json.JSONDecodeError):
        return f"line {exc.lineno}, column {exc.colno}: {exc.msg}"
    if fmt in ("nt", "nquads"):
        located = _locate_line_error(text, fmt)
        if located:
            return located
    return _short(str(exc).strip() or type(exc).__name__)


def _locate_line_error(text: str, fmt: str) -> str | None:
    """N-Triples/N-Quads have one statement per line: parse line by line to find the bad one."""
    for number, line in enumerate(text.split("\n"), 1):  # not splitlines(): \x0b or \u2028 may be in a literal
        stripped = line.strip()
        if not stripped or stripped.startswith("#"):
            continue
        try:
            Dataset().parse(data=line + "\n", format=fmt)
        except Exception as exc:
            reason = _short(str(exc).strip() or type(exc).__name__, 120)
            return f"line {number}: {reason} in {_short(stripped, 80)!r}"
    return None


_REMOTE = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*:")


def _check_jsonld(path: Path, text: str) -> None:
    """Refuse JSON that does not parse, and any @context/@import that would be fetched remotely."""
    try:
        doc = json.loads(text)
    except json.JSONDecodeError as exc:
        raise GraphFileError(
            f"{path}: does not parse as JSON-LD: line {exc.lineno}, column {exc.colno}: {exc.msg}"
        ) from None
    for ref in _context_refs(doc):
        if _REMOTE.match(ref) and not ref.lower().startswith("file:"):
            raise GraphFileError(
                f"{path}: the JSON-LD @context {ref!r} is remote and kg never fetches from the network; "
                "replace it with the context itself (an inline object)"
            )


def _context_refs(node):
    """Every string given as an @context (or @import inside one), anywhere in a JSON-LD document."""
    stack = [node]
    while stack:
        item = stack.pop()
        if isinstance(item, list):
            stack.extend(item)
        elif isinstance(item, dict):
            for key, value in item.items():
                if key in ("@context", "@import"):
                    for ctx in value if isinstance(value, list) else [value]:
                        if isinstance(ctx, str):
                            yield ctx
                        else:
                            stack.append(ctx)
                else:
                    stack.append(value)


class _Collect(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.found: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        message = record.getMessage()
        match = re.search(r"Datatype=(\S+?),", message)
        value = ""
        if record.exc_info and record.exc_info[1] is not None:
            value = _short(str(record.exc_info[1]), 100)
        self.found.append(
            f"{value} (datatype {match.group(1).replace(str(XSD), 'xsd:')})" if match else _short(message, 120)
        )


@contextmanager
def _quiet_literal_warnings():
    """rdflib logs a traceback for each ill-typed literal; collect them for one warning instead."""
    logger = logging.getLogger("rdflib.term")
    handler = _Collect()
    saved = logger.propagate, logger.handlers[:], logger.level
    logger.handlers[:] = [handler]
    logger.propagate = False
    logger.setLevel(logging.WARNING)
    try:
        yield handler.found
    finally:
        logger.propagate, logger.handlers[:] = saved[0], saved[1]
        logger.setLevel(saved[2])


# -- writing ----------------------------------------------------------------------------------


class LinearNamespaceManager(NamespaceManager):
    """rdflib's NamespaceManager with the same prefixed names, found in time linear in the graph.

    Turtle and TriG ask for the prefixed name of every IRI. rdflib files the "namespace" of each
    IRI it is asked about in a trie whose levels it searches one entry at a time, and an offset
    IRI such as ``...#char=1002,1013`` splits into a namespace of its own (``...#char=1002,``):
    a text with 30,000 offsets made 30,000 siblings, and writing the TriG of a 300 KB text took
    160 s of CPU (of 170 s for everything else). Here the namespaces seen are a set, and the
    longest one an IRI starts with is found by probing the IRI's own prefixes, which gives what
    rdflib's trie walk gives (``compute_qname`` of rdflib 7.6, otherwise unchanged).
    """

    def __init__(self, graph, bind_namespaces="rdflib"):
        self._seen: set[str] = set()  # rdflib's trie, flat: every namespace bound or met
        self._qnames: dict[str, tuple] = {}
        super().__init__(graph, bind_namespaces)

    def bind(self, prefix, namespace, override: bool = True, replace: bool = False) -> None:
        super().bind(prefix, namespace, override=override, replace=replace)
        self._seen.add(str(namespace))

    def compute_qname(self, uri: str, generate: bool = True) -> tuple:
        found = self._qnames.get(uri)
        if found is not None:
            return found
        from rdflib.namespace import _is_valid_uri

        if not _is_valid_uri(uri):
            raise ValueError(f'"{uri}" does not look like a valid URI, cannot serialize this. Did you want to urlencode it?')
        try:
            namespace, name = split_uri(uri)
        except ValueError:
            namespace, name = URIRef(uri), ""
            if not self.store.prefix(namespace):
                raise
        self._seen.add(str(namespace))
        longer = self._longest_seen(uri, len(namespace))
        if longer is not None:
            namespace, name = longer, uri[len(longer):]
        namespace = URIRef(namespace)
        prefix = self.store.prefix(namespace)
        if prefix is None:
            if not generate:
                raise KeyError(f"No known prefix for {namespace} and generate=False")
            num = 1
            while self.store.namespace(f"ns{num}"):
                num += 1
            prefix = f"ns{num}"
            self.bind(prefix, namespace)
        found = self._qnames[uri] = (prefix, namespace, name)
        return found

    def _longest_seen(self, uri: str, shorter_than: int) -> str | None:
        """The longest namespace seen that ``uri`` starts with and that is longer than ``shorter_than``."""
        for end in range(len(uri), shorter_than, -1):
            if uri[:end] in self._seen:
                return uri[:end]
        return None


def writable(graph):
    """``graph`` (a new Graph or Dataset) with the project's prefixes and a namespace manager that
    serialises in linear time (:class:`LinearNamespaceManager`)."""
    graph.namespace_manager = LinearNamespaceManager(graph, graph._bind_namespaces)
    bind_prefixes(graph)
    return graph


def serialize(ds: Dataset, fmt: str) -> bytes:
    """Serialise deterministically: rdflib sorts subjects for Turtle/TriG; N-Triples/N-Quads get sorted lines."""
    if fmt in ("turtle", "nt"):
        # Turtle and N-Triples have no graphs: write the union of every article's graph.
        union = writable(Graph())
        for triple in ds.triples((None, None, None)):
            union.add(triple)
        data = union.serialize(format=fmt, encoding="utf-8")
        if fmt == "nt":
            data = b"".join(sorted(set(data.splitlines(keepends=True))))
    elif fmt == "nquads":
        data = ds.serialize(format="nquads", encoding="utf-8")
        data = b"".join(sorted(set(data.splitlines(keepends=True))))
    elif fmt == "json-ld":
        # expanded JSON-LD: no @context at all, so nothing to fetch when it is read back
        data = ds.serialize(format="json-ld", encoding="utf-8", auto_compact=False)
    elif fmt == "trig":
        data = _trig_sorted(ds)
    else:
        data = ds.serialize(format=fmt, encoding="utf-8")
    return data


def _trig_sorted(ds: Dataset) -> bytes:
    """TriG with its named graphs in IRI order, so several articles always give the same bytes
    (rdflib writes graphs in store order, which can follow the hash seed)."""
    named = sorted((g for g in ds.graphs() if len(g) and g.identifier != DATASET_DEFAULT_GRAPH_ID), key=lambda g: str(g.identifier))
    if not named:
        return ds.serialize(format="trig", encoding="utf-8")
    return b"\n".join(_trig_of(graph.identifier, graph) for graph in named)


class GraphFileWriter:
    """Collects named graphs one at a time and gives the bytes of a graph file in ``fmt``, the
    same bytes as :func:`serialize` of a Dataset holding them all.

    N-Quads and N-Triples keep only each graph's lines (as rdflib's own serialisers write them),
    TriG only each graph's TriG text: one rdflib graph at a time is alive, never the whole
    Dataset and a second copy of it in the serialiser (a 1 MB article's 0.3 million quads took
    0.5 GB that way). Turtle and JSON-LD are written by rdflib from one Dataset of every graph
    (their output mixes the graphs), built in the order the graphs were given.
    """

    STREAMED = ("nquads", "nt", "trig")

    def __init__(self, fmt: str):
        self.fmt = fmt
        self.lines: set[bytes] = set()  # N-Quads / N-Triples lines, sorted at the end
        self.trig: dict[str, bytes] = {}  # graph IRI -> its TriG
        self.kept: dict[int, tuple] = {}  # order -> (graph IRI, triples), for Turtle and JSON-LD

    def add(self, order: int, name, triples: list) -> None:
        """Add the named graph ``name`` (an IRI) of distinct ``triples``; ``order``: its place in the input."""
        self.add_part(order, name, graph_part(self.fmt, name, triples))

    def add_part(self, order: int, name, part) -> None:
        """Add what :func:`graph_part` made of a graph (cheap: the work was done there)."""
        if self.fmt in ("nquads", "nt"):
            self.lines.update(part)
        elif self.fmt == "trig":
            self.trig[str(name)] = part
        else:
            self.kept[order] = (URIRef(str(name)), part)

    def data(self) -> bytes:
        """The file's bytes; graphs are sorted by IRI (TriG) or lines sorted (N-Quads, N-Triples)."""
        if self.fmt == "nquads":
            return b"".join(sorted(self.lines | {b"\n"}))  # rdflib ends N-Quads with an empty line
        if self.fmt == "nt":
            return b"".join(sorted(self.lines))
        if self.fmt == "trig":
            graphs = [self.trig[name] for name in sorted(self.trig) if self.trig[name]]
            if not graphs:
                return serialize(_new_dataset(), "trig")
            return b"\n".join(graphs)
        return serialize(self.dataset(), self.fmt)

    def dataset(self) -> Dataset:
        """The Turtle / JSON-LD graphs as one Dataset (the union as its default graph)."""
        ds = _new_dataset()
        for order in sorted(self.kept):
            name, triples = self.kept[order]
            graph = ds.graph(name)
            for triple in triples:
                graph.add(triple)
        return ds


def graph_part(fmt: str, name, triples: list):
    """What a graph file in ``fmt`` keeps of one named graph: its N-Quads or N-Triples lines (as
    rdflib's own serialisers write them), its TriG, or (Turtle, JSON-LD) the triples themselves.
    A function of its arguments only, so that it can run where the article was extracted (a
    worker process, or while Ctrl-C may still drop the article)."""
    name = URIRef(str(name))
    if fmt == "nquads":
        from rdflib.plugins.serializers.nquads import _nq_row  # rdflib's own line writer

        return [_nq_row(t, name).encode("utf-8", "replace") for t in triples]
    if fmt == "nt":
        from rdflib.plugins.serializers.nt import _nt_row

        return [_nt_row(t).encode("utf-8") for t in triples]
    if fmt == "trig":
        return _trig_of(name, triples) if triples else b""
    return triples


def _trig_of(name, triples) -> bytes:
    """TriG of one named graph (a Dataset of its own, so that no other graph's prefixes or
    namespaces are in the way)."""
    single = writable(Dataset())
    target = single.graph(name)
    for triple in triples:
        target.add(triple)
    return single.serialize(format="trig", encoding="utf-8")


def check_new_output(path: Path, force: bool = False) -> str:
    """``check_output_path``, and an existing file is an error unless ``force`` (no output is
    ever replaced without being asked)."""
    fmt = check_output_path(path)
    if Path(path).exists() and not force:
        raise KgError(f"{path}: already exists; give another -o FILE, or --force to replace it")
    return fmt


def check_output_path(path: Path) -> str:
    """Check an output path before any work is done; returns its rdflib format.

    Call this first so that a wrong extension or a folder given as the output fails in a second,
    not after the whole extraction.
    """
    path = Path(path)
    if path.is_dir():
        raise KgError(f"{path}: is a folder; give an output file name such as {path / 'graph.trig'}")
    fmt = format_for(path)
    for parent in [path.parent, *path.parent.parents]:
        if parent.exists():
            if not parent.is_dir():
                raise KgError(f"{parent}: is a file, so {path} cannot be created; choose another output path")
            if not os.access(parent, os.W_OK | os.X_OK):
                raise KgError(f"{parent}: no permission to write there; choose another output path")
            break
    return fmt


def write_atomic(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` via a temporary file and rename, creating the folder if needed.

    If anything fails (or the user presses Ctrl-C) the previous file at ``path``, if any, is left
    exactly as it was and no temporary file is left behind.
    """
    path = Path(path)
    if path.is_dir():
        raise KgError(f"{path}: is a folder; give an output file name such as {path / 'graph.trig'}")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise KgError(f"{path.parent}: cannot create output folder: {exc.strerror or exc}") from None
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    except OSError as exc:
        raise KgError(f"{path.parent}: cannot write there: {exc.strerror or exc}") from None
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.chmod(tmp, _mode_for(path))
        os.replace(tmp, path)
    except OSError as exc:
        Path(tmp).unlink(missing_ok=True)
        kept = "; the existing file is unchanged" if path.exists() else ""
        raise KgError(f"{path}: cannot write: {exc.strerror or exc}{kept}") from None
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def _mode_for(path: Path) -> int:
    """Keep an existing file's permissions; a new file gets the usual 0666 minus the umask."""
    try:
        return stat.S_IMODE(path.stat().st_mode)
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask


def save_graph(ds: Dataset, path: Path) -> None:
    """Serialise ``ds`` in the format named by ``path``'s extension, atomically."""
    path = Path(path)
    write_atomic(path, serialize(ds, check_output_path(path)))
