"""Read and write graph files; the format comes from the file's extension.

Writes go to a temporary file in the same folder and are renamed into place, so a failed run
never leaves a half-written or clobbered output.
"""
from __future__ import annotations

import os
import tempfile
from pathlib import Path

from rdflib import Dataset

from .errors import KgError
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


def format_for(path: Path) -> str:
    """rdflib format name for a file, from its extension."""
    fmt = FORMATS.get(path.suffix.lower())
    if fmt is None:
        known = ", ".join(sorted(FORMATS))
        raise KgError(f"{path}: unknown graph format {path.suffix or '(none)'!r}; use one of {known}")
    return fmt


def load_graph(path: Path) -> Dataset:
    """Parse a graph file into a Dataset whose default graph is the union of its named graphs."""
    path = Path(path)
    if not path.exists():
        raise KgError(f"{path}: no such graph file")
    if path.is_dir():
        raise KgError(f"{path}: is a folder; give a graph file (or use --store for a store folder)")
    fmt = format_for(path)
    ds = Dataset(default_union=True)
    bind_prefixes(ds)
    try:
        ds.parse(path, format=fmt)
    except Exception as exc:  # rdflib raises many types; all mean the same to the user
        raise KgError(f"{path}: does not parse as {fmt}: {_first_line(exc)}") from exc
    return ds


def _first_line(exc: Exception) -> str:
    text = str(exc).strip() or type(exc).__name__
    return " ".join(text.split())[:400]


def serialize(ds: Dataset, fmt: str) -> bytes:
    """Serialise deterministically: rdflib sorts subjects for Turtle/TriG; N-Triples/N-Quads get sorted lines."""
    if fmt == "turtle":
        # Turtle has no graphs: write the union of every article's graph.
        from rdflib import Graph

        union = Graph()
        bind_prefixes(union)
        for triple in ds.triples((None, None, None)):
            union.add(triple)
        data = union.serialize(format="turtle", encoding="utf-8")
    elif fmt == "nt":
        lines = {f"{s.n3()} {p.n3()} {o.n3()} .\n" for s, p, o in ds.triples((None, None, None))}
        data = "".join(sorted(lines)).encode("utf-8")
    elif fmt == "nquads":
        data = ds.serialize(format="nquads", encoding="utf-8")
        data = b"".join(sorted(set(data.splitlines(keepends=True))))
    else:
        data = ds.serialize(format=fmt, encoding="utf-8")
    return data


def write_atomic(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` via a temporary file and rename, creating the folder if needed."""
    path = Path(path)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise KgError(f"{path.parent}: cannot create output folder: {exc.strerror}") from exc
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def save_graph(ds: Dataset, path: Path) -> None:
    """Serialise ``ds`` in the format named by ``path``'s extension, atomically."""
    path = Path(path)
    write_atomic(path, serialize(ds, format_for(path)))
