"""The SPARQL 1.1 Protocol endpoint of ``kg serve``: a small stdlib HTTP server in front of
:class:`kg.store.querypool.WorkerPool`.

Why not Oxigraph's own server: it fetches ``SERVICE`` targets for any client, its time limit
does not stop a running query, it holds the store's lock (no ``kg extract --store`` meanwhile)
and its page loads prefix.cc. Here every query is checked before it runs (no SERVICE unless
``--allow-service``; no update unless ``--allow-update``), runs in a killable worker process with
a deadline, and is answered only once complete. See docs/endpoint.md.

Paths: ``/`` the query page, ``/query`` the SPARQL endpoint (GET and POST; ``/sparql`` is
accepted too), ``/update`` and ``/store`` (Graph Store Protocol) which answer 403 unless
``--allow-update``.
"""
from __future__ import annotations

import json
import socket
import threading
import time
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

from .querypool import Busy, Job, Reply, TimedOut, WorkerPool, error_reply

ENDPOINT_PATH = "/query"
QUERY_PATHS = {ENDPOINT_PATH, "/sparql"}
MAX_QUERY_BYTES = 1 << 20
MAX_UPLOAD_BYTES = 1 << 30
#: ``format=`` values (SPARQLWrapper sends one) as media types
FORMAT_PARAM = {
    "json": "application/sparql-results+json", "xml": "application/sparql-results+xml",
    "csv": "text/csv", "tsv": "text/tab-separated-values", "turtle": "text/turtle",
    "n3": "text/turtle", "nt": "application/n-triples", "rdf": "application/rdf+xml", "rdf+xml": "application/rdf+xml",
}


@dataclass
class Limits:
    """What a public endpoint needs bounded (the ``kg serve`` flags of the same names)."""

    timeout: float = 30.0
    max_rows: int = 100_000
    max_concurrent: int = 16
    allow_update: bool = False
    allow_service: bool = False


def accepted(header: str | None, format_param: str | None = None) -> list[str]:
    """The media types of an Accept header, best first (q-values; ties keep their order).

    >>> accepted("text/csv;q=0.5, application/sparql-results+json")
    ['application/sparql-results+json', 'text/csv']
    """
    found: list[tuple[float, int, str]] = []
    for i, part in enumerate((header or "").split(",")):
        fields = [f.strip() for f in part.split(";")]
        media = fields[0].lower()
        if not media:
            continue
        q = 1.0
        for f in fields[1:]:
            if f.lower().startswith("q="):
                try:
                    q = float(f[2:])
                except ValueError:
                    q = 0.0
        if q > 0:
            found.append((-q, i, media))
    types = [media for _, _, media in sorted(found)]
    if format_param:
        wanted = FORMAT_PARAM.get(format_param.strip().lower()) or format_param.strip().lower()
        if "/" in wanted:
            types.insert(0, wanted)
    return types


class Endpoint:
    """The server's shared state: the pool, the limits, the page, and (with --allow-update) the
    writer: a pool of one writable worker process (kg.store.writes), stopped at the same deadline."""

    def __init__(self, pool: WorkerPool, limits: Limits, page: bytes, writer: WorkerPool | None = None):
        self.pool = pool
        self.limits = limits
        self.page = page
        self.writer = writer
        self.slots = threading.BoundedSemaphore(limits.max_concurrent)

    # -- queries ------------------------------------------------------------------------------
    def query(self, text: str, formats: list[str], params: dict[str, list[str]] | None = None) -> Reply:
        """Check, then run ``text`` within the limits; every refusal says why and what to do."""
        from .query import ALLOW_SERVICE_ENV, SERVICE_REFUSED, _UPDATE, uses_service

        started = time.monotonic()
        if not text.strip():
            return error_reply(400, "the query is empty; send it as ?query=... or in the request body")
        if _UPDATE.match(text):
            where = "POST it to /update" if self.limits.allow_update else "this endpoint is read-only (kg serve --allow-update accepts updates)"
            return error_reply(403, f"this is a SPARQL update, not a query; {where}")
        if not self.limits.allow_service and uses_service(text):
            return error_reply(400, SERVICE_REFUSED.format(env=ALLOW_SERVICE_ENV))
        params = params or {}
        job = Job(text, formats, self.limits.max_rows, default_graphs=params.get("default-graph-uri", []),
                  named_graphs=params.get("named-graph-uri", []))
        return self._run(job, started)

    def graph(self, iri: str, formats: list[str]) -> Reply:
        """Graph Store GET: one named graph (or the default graph, ``iri`` "")."""
        return self._run(Job(iri, formats, self.limits.max_rows, kind="graph"), time.monotonic())

    def _run(self, job: Job, started: float) -> Reply:
        limit = self.limits.timeout
        if not self.slots.acquire(blocking=False):
            reply = error_reply(503, f"busy: {self.limits.max_concurrent} queries are already running or waiting "
                                     "(the limit set by --max-concurrent); try again in a moment")
            reply.headers["Retry-After"] = "1"
            return reply
        try:
            return self.pool.run(job, started + limit)
        except TimedOut:
            return error_reply(503, f"the query ran past the time limit of {limit:g} s (--timeout) and was stopped; "
                                    "narrow it down or add a LIMIT")
        except Busy:
            reply = error_reply(503, f"no query worker came free within the time limit of {limit:g} s (--timeout); "
                                     "the server is busy, try again in a moment")
            reply.headers["Retry-After"] = "1"
            return reply
        finally:
            self.slots.release()

    # -- writes (only with --allow-update) ----------------------------------------------------
    def refuse_write(self) -> Reply | None:
        if not self.limits.allow_update or self.writer is None:
            return error_reply(403, "this endpoint is read-only; run kg serve with --allow-update to accept updates")
        return None

    def update(self, text: str) -> Reply:
        from .query import ALLOW_SERVICE_ENV, SERVICE_REFUSED, has_keyword, uses_service

        started = time.monotonic()
        refused = self.refuse_write()
        if refused:
            return refused
        if not self.limits.allow_service:
            if uses_service(text):
                return error_reply(400, SERVICE_REFUSED.format(env=ALLOW_SERVICE_ENV))
            if has_keyword(text, "LOAD"):
                return error_reply(400, "LOAD would make this machine fetch a document from another server; "
                                        "it is refused by default (--allow-service allows it)")
        return self._write(Job(text, [], 0, kind="update"), started)

    def store_write(self, method: str, iri: str | None, body: bytes, content_type: str) -> Reply:
        """Graph Store PUT (replace), POST (add) and DELETE of graph ``iri`` (None: default graph)."""
        started = time.monotonic()
        refused = self.refuse_write()
        if refused:
            return refused
        job = Job(iri or "", [], 0, kind=method.lower(), body=body, content_type=content_type)
        return self._write(job, started)

    def _write(self, job: Job, started: float) -> Reply:
        """Run a write in the writer process under the queries' time limit (one at a time: the
        writer takes them in arrival order). Past the limit the writer is killed; each write is one
        transaction, so nothing of it is in the store."""
        limit = self.limits.timeout
        try:
            return self.writer.run(job, started + limit)
        except TimedOut:
            return error_reply(503, f"the update ran past the time limit of {limit:g} s (--timeout) and was stopped; "
                                    "nothing of it was written")
        except Busy:
            reply = error_reply(503, f"the writer did not come free within the time limit of {limit:g} s (--timeout) "
                                     "(other updates before it); nothing was written, try again in a moment")
            reply.headers["Retry-After"] = "1"
            return reply


class Handler(BaseHTTPRequestHandler):
    """One HTTP request (each in its own thread)."""

    protocol_version = "HTTP/1.1"
    server_version = "kg-serve"
    endpoint: Endpoint  # set on the subclass made by make_server

    def log_message(self, format, *args):  # noqa: A002 - quiet: one line per request is noise
        pass

    # -- plumbing -----------------------------------------------------------------------------
    def _send(self, reply: Reply) -> None:
        self.send_response(reply.status)
        self.send_header("Content-Type", reply.content_type)
        self.send_header("Content-Length", str(len(reply.body)))
        self.send_header("Access-Control-Allow-Origin", "*")
        for name, value in reply.headers.items():
            self.send_header(name, value)
        if reply.timings:
            self.send_header("Server-Timing", ", ".join(f"{k};dur={v * 1000:.1f}" for k, v in reply.timings.items()))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(reply.body)

    def _body(self, limit: int) -> bytes | None:
        """The request body, or None after answering 413/411 (too large, or no length)."""
        if self.headers.get("Transfer-Encoding", "").lower() == "chunked":
            self._send(error_reply(411, "send the body with a Content-Length (chunked bodies are not read)"))
            self.close_connection = True
            return None
        try:
            length = int(self.headers.get("Content-Length") or 0)
        except ValueError:
            length = -1
        if length < 0 or length > limit:
            self._send(error_reply(413, f"the request body is larger than {limit} bytes"))
            self.close_connection = True
            return None
        return self.rfile.read(length) if length else b""

    def _params(self) -> dict[str, list[str]]:
        return parse_qs(urlsplit(self.path).query, keep_blank_values=True)

    def _formats(self, params: dict[str, list[str]]) -> list[str]:
        fmt = (params.get("format") or params.get("output") or [None])[0]
        return accepted(self.headers.get("Accept"), fmt)

    # -- methods ------------------------------------------------------------------------------
    def do_OPTIONS(self):  # noqa: N802 - CORS preflight for pages served elsewhere
        self.send_response(204)
        self.send_header("Access-Control-Allow-Origin", "*")
        self.send_header("Access-Control-Allow-Methods", "GET, POST, OPTIONS")
        self.send_header("Access-Control-Allow-Headers", "Content-Type, Accept")
        self.send_header("Content-Length", "0")
        self.end_headers()

    def do_HEAD(self):  # noqa: N802
        self.do_GET()

    def do_GET(self):  # noqa: N802
        path = urlsplit(self.path).path
        params = self._params()
        if path in ("/", "/index.html"):
            self._send(Reply(200, "text/html; charset=utf-8", self.endpoint.page))
        elif path in QUERY_PATHS:
            if "query" not in params:
                self._send(error_reply(400, "give the query as ?query=... (or open / for the query page)"))
            else:
                self._send(self.endpoint.query(params["query"][0], self._formats(params), params))
        elif path == "/update":
            self._send(error_reply(405, "send updates with POST") if self.endpoint.limits.allow_update
                       else self.endpoint.refuse_write())
        elif path == "/store":
            iri = (params.get("graph") or [""])[0]
            self._send(self.endpoint.graph(iri, self._formats(params)))
        else:
            self._send(error_reply(404, f"nothing at {path}; the SPARQL endpoint is {ENDPOINT_PATH}, the query page /"))

    def do_POST(self):  # noqa: N802
        path = urlsplit(self.path).path
        kind = (self.headers.get("Content-Type") or "").split(";")[0].strip().lower()
        if path in QUERY_PATHS or path == "/update":
            body = self._body(MAX_QUERY_BYTES)
            if body is None:
                return
            params = self._params()
            if kind == "application/x-www-form-urlencoded":
                params.update(parse_qs(body.decode("utf-8", "replace"), keep_blank_values=True))
                text = None
            elif kind in ("application/sparql-query", "application/sparql-update"):
                text = body.decode("utf-8", "replace")
            else:
                self._send(error_reply(415, "send the query as application/sparql-query or a form "
                                            "(application/x-www-form-urlencoded, field query)"))
                return
            if path == "/update" or kind == "application/sparql-update" or "update" in params:
                update = text if text is not None else (params.get("update") or [""])[0]
                self._send(self.endpoint.refuse_write() or self.endpoint.update(update))
                return
            if text is None:
                text = (params.get("query") or [""])[0]
            self._send(self.endpoint.query(text, self._formats(params), params))
        elif path == "/store":
            self._store_write("POST")
        else:
            self._send(error_reply(404, f"nothing at {path}; the SPARQL endpoint is {ENDPOINT_PATH}"))

    def do_PUT(self):  # noqa: N802
        self._store_write("PUT")

    def do_DELETE(self):  # noqa: N802
        self._store_write("DELETE")

    def _store_write(self, method: str) -> None:
        if urlsplit(self.path).path != "/store":
            self._send(error_reply(405, f"{method} is only for the Graph Store at /store"))
            return
        refused = self.endpoint.refuse_write()
        if refused:
            self.close_connection = True  # the body (if any) is not read
            self._send(refused)
            return
        body = self._body(MAX_UPLOAD_BYTES) if method != "DELETE" else b""
        if body is None:
            return
        params = self._params()
        iri = None if "default" in params else (params.get("graph") or [None])[0]
        if iri is None and "default" not in params:
            self._send(error_reply(400, "give ?graph=IRI or ?default"))
            return
        self._send(self.endpoint.store_write(method, iri, body, self.headers.get("Content-Type") or ""))


class Server(ThreadingHTTPServer):
    daemon_threads = True
    allow_reuse_address = True
    request_queue_size = 128


def make_server(host: str, port: int, endpoint: Endpoint) -> Server:
    handler = type("BoundHandler", (Handler,), {"endpoint": endpoint})
    Server.address_family = socket.AF_INET6 if ":" in host else socket.AF_INET
    return Server((host, port), handler)


# -- the query page --------------------------------------------------------------------------------

def example_queries(root=None) -> list[dict[str, str]]:
    """The example queries shipped with the project: the nine CQs first (in the form written for
    Oxigraph stores, ``store/``, when there is one), then the others.

    They are read as package data (``kg.queries``, which pyproject.toml maps to the repository's
    examples/queries/: one copy, also in a wheel install); ``root``: another folder (a Path or a
    Traversable)."""
    base = root if root is not None else _queries_folder()
    if not base.is_dir():
        return []
    found = []
    for path in sorted((p for p in base.iterdir() if p.name.endswith(".rq")), key=lambda p: p.name):
        store_form = base / "store" / path.name
        chosen = store_form if store_form.is_file() else path
        text = chosen.read_text(encoding="utf-8")
        stem = path.name[: -len(".rq")]
        first = next((ln for ln in text.splitlines() if ln.startswith("#")), f"# {stem}")
        found.append({"name": stem, "title": first.lstrip("# ").strip(), "query": text})
    found.sort(key=lambda q: (not q["name"].startswith("cq"), q["name"]))
    return found


def _queries_folder():
    """``kg.queries`` as installed; from a plain checkout on PYTHONPATH (not installed), the folder."""
    from importlib.resources import files

    try:
        return files("kg.queries")
    except ModuleNotFoundError:
        return Path(__file__).resolve().parents[2] / "examples" / "queries"


def query_page(title: str) -> bytes:
    """The page at ``/``: one self-contained HTML file (no request to any other host)."""
    from html import escape
    from importlib.resources import files

    from ..graph.prefixes import PREFIX_IRIS

    template = files("kg").joinpath("view/templates/query.html").read_text(encoding="utf-8")
    data = {"endpoint": ENDPOINT_PATH, "prefixes": PREFIX_IRIS, "examples": example_queries(), "title": title}
    blob = json.dumps(data, ensure_ascii=False).replace("</", "<\\/")
    return template.replace("{{TITLE}}", escape(title)).replace("{{DATA}}", blob).encode("utf-8")
