"""Answer one SPARQL query over a pyoxigraph store as a complete HTTP body (runs in a worker).

SELECT and ASK answers are written here as SPARQL 1.1 Query Results JSON, XML, CSV or TSV from
a materialised list of rows, so that the row cap is checked before anything is sent;
CONSTRUCT and DESCRIBE triples go through Oxigraph's own RDF serialisers (Turtle, N-Triples,
RDF/XML).
"""
from __future__ import annotations

import csv
import io
import json
import re
from xml.sax.saxutils import escape, quoteattr

from .querypool import Job, Reply, error_reply

RESULT_TYPES = {
    "application/sparql-results+json": "json",
    "application/json": "json",
    "application/sparql-results+xml": "xml",
    "application/xml": "xml",
    "text/xml": "xml",
    "text/csv": "csv",
    "text/tab-separated-values": "tsv",
}
GRAPH_TYPES = {
    "text/turtle": "TURTLE",
    "application/x-turtle": "TURTLE",
    "application/n-triples": "N_TRIPLES",
    "text/plain": "N_TRIPLES",
    "application/rdf+xml": "RDF_XML",
    "application/n-quads": "N_TRIPLES",
    "application/trig": "TURTLE",
}
DEFAULT_RESULT = "application/sparql-results+json"
DEFAULT_GRAPH = "text/turtle"
MEDIA = {"json": "application/sparql-results+json", "xml": "application/sparql-results+xml",
         "csv": "text/csv", "tsv": "text/tab-separated-values"}
XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"
RDF_LANG_STRING = "http://www.w3.org/1999/02/22-rdf-syntax-ns#langString"


def pick(formats: list[str], known: dict[str, str], default: str) -> str | None:
    """The first of the client's media types (best first) that ``known`` has; ``*/*`` or no
    preference gives ``default``; None when the client accepts nothing we can write."""
    if not formats:
        return default
    for media in formats:
        if media in known:
            return media
        if media in ("*/*", "application/*", "text/*"):
            return default
    return None


def _prefixes() -> dict[str, str]:
    from ..graph.prefixes import PREFIX_IRIS

    return dict(PREFIX_IRIS)


def answer(view, job: Job) -> Reply:
    """Run ``job`` on the worker's current view of the store."""
    import time

    from .querypool import is_transient

    timings: dict[str, float] = {}
    began = time.monotonic()
    for attempt in range(3):
        try:
            reply = _answer(view, job, timings)
            timings["worker"] = time.monotonic() - began
            if attempt:
                timings["retries"] = float(attempt)
            reply.timings.update(timings)
            return reply
        except SyntaxError as exc:
            return error_reply(400, f"malformed SPARQL: {' '.join(str(exc).split())[:500]}")
        except ValueError as exc:  # e.g. a bad IRI in default-graph-uri
            return error_reply(400, f"bad request: {' '.join(str(exc).split())[:500]}")
        except Exception as exc:  # noqa: BLE001
            if attempt == 2 or not is_transient(exc):
                raise
            view.reset()  # a writer replaced files under this view: reopen and run it again
    raise AssertionError("unreachable")


def _answer(view, job: Job, timings: dict[str, float]) -> Reply:
    import pyoxigraph as ox

    db = view.current(timings)
    if job.kind == "graph":
        return _graph_get(db, job)
    result = db.query(job.text, prefixes=_prefixes(), **_dataset(job, view.union_kept))
    if isinstance(result, ox.QueryBoolean):
        return _boolean(bool(result), job)
    if isinstance(result, ox.QuerySolutions):
        return _solutions(result, job)
    return _triples(result, job)


def _dataset(job: Job, union_kept: bool) -> dict:
    """The query's dataset: the protocol's default-graph-uri / named-graph-uri when given, else
    the union of the named graphs as the default graph (kept by kg, or formed on the fly)."""
    import pyoxigraph as ox

    if not job.default_graphs and not job.named_graphs:
        return {"use_default_graph_as_union": not union_kept}
    out: dict = {}
    if job.default_graphs:
        out["default_graph"] = [ox.NamedNode(iri) for iri in job.default_graphs]
    elif not union_kept:
        out["use_default_graph_as_union"] = True
    if job.named_graphs:
        out["named_graphs"] = [ox.NamedNode(iri) for iri in job.named_graphs]
    return out


def _too_many(job: Job) -> Reply:
    return error_reply(
        413, f"the answer has more than {job.max_rows} rows, the limit of this endpoint (--max-rows); "
        "add a LIMIT (and OFFSET to page through it)"
    )


def _not_acceptable(job: Job, known: dict[str, str]) -> Reply:
    return error_reply(406, f"cannot answer as {', '.join(job.formats)}; ask for one of {', '.join(sorted(set(known)))}")


# -- SELECT / ASK ------------------------------------------------------------------------------

def _term_json(term) -> dict:
    import pyoxigraph as ox

    if isinstance(term, ox.NamedNode):
        return {"type": "uri", "value": term.value}
    if isinstance(term, ox.BlankNode):
        return {"type": "bnode", "value": term.value}
    if isinstance(term, ox.Literal):
        out = {"type": "literal", "value": term.value}
        if term.language:
            out["xml:lang"] = term.language
        elif term.datatype.value != XSD_STRING:
            out["datatype"] = term.datatype.value
        return out
    if isinstance(term, ox.Triple):
        return {"type": "triple", "value": {"subject": _term_json(term.subject),
                                            "predicate": _term_json(term.predicate),
                                            "object": _term_json(term.object)}}
    return {"type": "literal", "value": str(term)}


def _term_xml(term) -> str:
    import pyoxigraph as ox

    if isinstance(term, ox.NamedNode):
        return f"<uri>{escape(term.value)}</uri>"
    if isinstance(term, ox.BlankNode):
        return f"<bnode>{escape(term.value)}</bnode>"
    if isinstance(term, ox.Literal):
        if term.language:
            return f"<literal xml:lang={quoteattr(term.language)}>{escape(term.value)}</literal>"
        if term.datatype.value != XSD_STRING:
            return f"<literal datatype={quoteattr(term.datatype.value)}>{escape(term.value)}</literal>"
        return f"<literal>{escape(term.value)}</literal>"
    return f"<literal>{escape(str(term))}</literal>"


def _term_csv(term) -> str:
    import pyoxigraph as ox

    if term is None:
        return ""
    if isinstance(term, ox.BlankNode):
        return f"_:{term.value}"
    return getattr(term, "value", None) if not isinstance(term, ox.Triple) else str(term)


XSD = "http://www.w3.org/2001/XMLSchema#"
#: Literals the TSV results format may write in Turtle's short form (as Oxigraph does)
_SHORT = {
    XSD + "integer": re.compile(r"[+-]?\d+"),
    XSD + "decimal": re.compile(r"[+-]?\d*\.\d+"),
    XSD + "double": re.compile(r"[+-]?(?:\d+\.\d*[eE][+-]?\d+|\.?\d+[eE][+-]?\d+)"),
    XSD + "boolean": re.compile(r"true|false"),
}


def _tsv_cell(term) -> str:
    """N-Triples forms, numbers and booleans in Turtle's short form, as the TSV results format asks."""
    import pyoxigraph as ox

    if term is None:
        return ""
    if isinstance(term, ox.Literal) and not term.language:
        short = _SHORT.get(term.datatype.value)
        if short is not None and short.fullmatch(term.value):
            return term.value
    return str(term)


def _solutions(result, job: Job) -> Reply:
    media = pick(job.formats, RESULT_TYPES, DEFAULT_RESULT)
    if media is None:
        return _not_acceptable(job, RESULT_TYPES)
    columns = [v.value for v in result.variables]
    rows = []
    for solution in result:
        if len(rows) >= job.max_rows:
            return _too_many(job)
        rows.append([solution[i] for i in range(len(columns))])
    kind = RESULT_TYPES[media]
    body = {"json": _json, "xml": _xml, "csv": _csv, "tsv": _tsv}[kind](columns, rows)
    return Reply(200, _content_type(kind), body)


def _content_type(kind: str) -> str:
    return MEDIA[kind] + ("; charset=utf-8" if kind in ("csv", "tsv") else "")


def _json(columns, rows) -> bytes:
    """SPARQL Results JSON, written as text: answers repeat their terms (labels, classes,
    countries), so each distinct term is encoded once (about 3x faster than json.dumps of dicts)."""
    keys = [json.dumps(c, ensure_ascii=False) + ":" for c in columns]
    encoded: dict = {}
    parts = []
    for row in rows:
        cells = []
        for key, term in zip(keys, row):
            if term is None:
                continue
            text = encoded.get(term)
            if text is None:
                text = encoded[term] = json.dumps(_term_json(term), ensure_ascii=False)
            cells.append(key + text)
        parts.append("{" + ",".join(cells) + "}")
    head = json.dumps({"vars": columns}, ensure_ascii=False)
    return ('{"head":' + head + ',"results":{"bindings":[' + ",".join(parts) + "]}}").encode("utf-8")


def _xml(columns, rows) -> bytes:
    out = ['<?xml version="1.0"?>\n<sparql xmlns="http://www.w3.org/2005/sparql-results#"><head>']
    out += [f"<variable name={quoteattr(c)}/>" for c in columns]
    out.append("</head><results>")
    for row in rows:
        out.append("<result>")
        out += [f"<binding name={quoteattr(c)}>{_term_xml(t)}</binding>" for c, t in zip(columns, row) if t is not None]
        out.append("</result>")
    out.append("</results></sparql>\n")
    return "".join(out).encode("utf-8")


def _csv(columns, rows) -> bytes:
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\r\n")
    writer.writerow(columns)
    writer.writerows([[_term_csv(t) for t in row] for row in rows])
    return buf.getvalue().encode("utf-8")


def _tsv(columns, rows) -> bytes:
    lines = ["\t".join(f"?{c}" for c in columns)]
    lines += ["\t".join(_tsv_cell(t) for t in row) for row in rows]
    return ("\n".join(lines) + "\n").encode("utf-8")


def _boolean(value: bool, job: Job) -> Reply:
    media = pick(job.formats, RESULT_TYPES, DEFAULT_RESULT)
    if media is None:
        return _not_acceptable(job, RESULT_TYPES)
    kind = RESULT_TYPES[media]
    word = "true" if value else "false"
    if kind == "json":
        body = json.dumps({"head": {}, "boolean": value}).encode()
    elif kind == "xml":
        body = ('<?xml version="1.0"?>\n<sparql xmlns="http://www.w3.org/2005/sparql-results#">'
                f"<head/><boolean>{word}</boolean></sparql>\n").encode()
    else:
        body = f"{word}\n".encode()
    return Reply(200, _content_type(kind), body)


# -- CONSTRUCT / DESCRIBE / Graph Store GET ----------------------------------------------------

def _triples(result, job: Job) -> Reply:
    triples = []
    for triple in result:
        if len(triples) >= job.max_rows:
            return _too_many(job)
        triples.append(triple)
    return _graph_reply(triples, job)


def _graph_reply(triples: list, job: Job) -> Reply:
    import pyoxigraph as ox

    media = pick(job.formats, GRAPH_TYPES, DEFAULT_GRAPH)
    if media is None:
        return _not_acceptable(job, GRAPH_TYPES)
    fmt = getattr(ox.RdfFormat, GRAPH_TYPES[media])
    prefixes = _prefixes() if fmt == ox.RdfFormat.TURTLE else None
    kwargs = {"prefixes": prefixes} if prefixes else {}
    body = ox.serialize(triples, format=fmt, **kwargs) or b""
    return Reply(200, fmt.media_type + ("; charset=utf-8" if fmt != ox.RdfFormat.RDF_XML else ""), body)


def _graph_get(db, job: Job) -> Reply:
    import pyoxigraph as ox

    graph = ox.DefaultGraph() if not job.text else ox.NamedNode(job.text)
    if job.text and not db.contains_named_graph(graph):
        return error_reply(404, f"no graph <{job.text}> in this store")
    triples = []
    for quad in db.quads_for_pattern(None, None, None, graph):
        if len(triples) >= job.max_rows:
            return _too_many(job)
        triples.append(quad.triple)
    return _graph_reply(triples, job)
