"""Push a graph or store to a SPARQL 1.1 Graph Store HTTP Protocol server, one named graph per article.

Each graph is sent with ``PUT ENDPOINT?graph=<iri>``, which replaces that graph on the server:
pushing twice never duplicates. Works with any Graph Store Protocol server (Oxigraph ``/store``,
Fuseki ``/DATASET/data``, GraphDB, ...); optional HTTP basic auth.
"""
from __future__ import annotations

import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

from ..errors import KgError, warn

#: N-Triples is a subset of Turtle; sent as Turtle, which every Graph Store server accepts.
CONTENT_TYPE = "text/turtle; charset=utf-8"


@dataclass
class PushResult:
    graphs: int
    triples: int
    skipped_default: int = 0  # triples outside named graphs that were not sent
    union_default: bool = False  # the server is known to query the union of the named graphs by default


#: Printed after a push unless the server is known to answer queries over the union of the
#: named graphs (a ``kg serve`` endpoint): the example CQs read the default graph.
UNION_HINT = (
    "note: the example queries (CQs) read the default graph as the union of the articles' named graphs; "
    "this server may not: query it with its union default graph switched on (Oxigraph: oxigraph serve "
    "--union-default-graph; Fuseki: tdb2:unionDefaultGraph true) or put the patterns in GRAPH ?g { ... } "
    "(see README, \"Querying the CQs after kg push\")"
)


def knows_union_default(response) -> bool:
    """Whether the server answering ``response`` is known to use the union default graph: only
    ``kg serve`` (its Server header) is; any other server gets the hint."""
    return response.headers.get("server", "").startswith("kg-serve")


def _check_endpoint(endpoint: str, option: str = "--endpoint") -> None:
    from urllib.parse import urlsplit

    parts = urlsplit(endpoint)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        raise KgError(f"{option} {redact_url(endpoint)!r}: give the server's Graph Store URL, e.g. http://127.0.0.1:7878/store")


def _source(graph: Path | None, store: Path | None):
    """(pyoxigraph store, named graph IRIs, function giving the triples outside named graphs, their count)."""
    import pyoxigraph as ox

    from .store import graph_as_ntriples, named_graphs, open_store, parse_file

    if (graph is None) == (store is None):
        raise KgError("give a graph file or --store DIR (one of them)")
    if store is not None:
        gs = open_store(store, read_only=True)
        db, count = gs.db, gs.direct_default_triples()
        if gs.union_kept:  # the default graph is mostly a copy of the named graphs: send only the rest
            def default_data() -> bytes:
                rows = db.query("CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o FILTER NOT EXISTS { GRAPH ?g { ?s ?p ?o } } }")
                data = ox.serialize(rows, format=ox.RdfFormat.N_TRIPLES) or b""
                return b"".join(sorted(data.splitlines(keepends=True)))
            return db, named_graphs(db), default_data, count
    else:
        db = parse_file(Path(graph))
        count = sum(1 for _ in db.quads_for_pattern(None, None, None, ox.DefaultGraph()))
    return db, named_graphs(db), lambda: graph_as_ntriples(db, None), count


def redact_url(url: str) -> str:
    """``url`` without the password it may carry (``http://USER:***@HOST/...``), for messages.

    >>> redact_url("http://ana:secret@127.0.0.1:7878/store")
    'http://ana:***@127.0.0.1:7878/store'
    """
    from urllib.parse import urlsplit, urlunsplit

    parts = urlsplit(url)
    if parts.password is None:
        return url
    host = parts.netloc.rsplit("@", 1)[1]
    return urlunsplit(parts._replace(netloc=f"{parts.username}:***@{host}"))


def _http_error(endpoint: str, exc) -> KgError:
    import httpx

    endpoint = redact_url(endpoint)
    if isinstance(exc, httpx.ConnectError):
        reason = " ".join(str(exc).split()) or "connection refused"
        return KgError(f"cannot connect to {endpoint}: {reason} (is the server running?)")
    if isinstance(exc, httpx.TimeoutException):
        return KgError(f"{endpoint}: no answer in time ({type(exc).__name__}); try a larger --timeout")
    return KgError(f"{endpoint}: {type(exc).__name__}: {' '.join(str(exc).split())[:300]}")


def push(
    graph: Path | None,
    store: Path | None,
    endpoint: str,
    *,
    user: str | None = None,
    password: str | None = None,
    default_graph: str | None = None,
    timeout: float = 60.0,
    progress: bool | None = None,
    say: Callable[[str], None] = lambda line: print(line, file=sys.stderr),
) -> PushResult:
    """PUT every named graph of ``graph`` (a file) or ``store`` to ``endpoint``.

    Triples outside named graphs (a .ttl or .nt file has only those) go to ``default_graph`` when
    given, else they are not sent (an error when there is nothing else).
    """
    import httpx

    from .store import graph_as_ntriples

    _check_endpoint(endpoint)
    if password is not None and user is None:
        raise KgError("--password needs --user")
    db, graphs, default_data, default = _source(graph, store)
    targets: list[tuple[str | None, str]] = [(g, g) for g in graphs]
    skipped = 0
    if default:
        if default_graph:
            targets.append((None, default_graph))
        elif not graphs:
            raise KgError(
                f"{graph or store}: no named graphs to push (a .ttl or .nt file keeps none); "
                "extract to .trig or .nq, or give --graph IRI to push its triples as one graph"
            )
        else:
            skipped = default
            say(f"warning: {default} triples outside the articles' named graphs are not pushed (give --graph IRI to push them)")
    auth = httpx.BasicAuth(user, password or "") if user is not None else None
    result = PushResult(graphs=0, triples=0, skipped_default=skipped)
    if progress is None:
        progress = sys.stderr.isatty() and len(targets) > 1
    bar = None
    if progress:
        from rich.console import Console
        from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

        bar = Progress(TextColumn("pushing"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(), console=Console(stderr=True))
        task = bar.add_task("push", total=len(targets))
        bar.start()
    try:
        with httpx.Client(auth=auth, timeout=timeout, headers={"Content-Type": CONTENT_TYPE}) as client:
            for source_graph, target in targets:
                data = default_data() if source_graph is None else graph_as_ntriples(db, source_graph)
                try:
                    response = put_graph(client, endpoint, target, data)
                except PutError as exc:
                    pushed = f"; {result.graphs} graphs were pushed before" if result.graphs and exc.response is not None else ""
                    raise KgError(f"{exc}{pushed}") from None
                result.graphs += 1
                result.triples += data.count(b"\n")
                result.union_default = knows_union_default(response)
                if bar is not None:
                    bar.advance(task)
    finally:
        if bar is not None:
            bar.stop()
    return result


def _status_error(endpoint: str, target: str, response) -> str:
    endpoint = redact_url(endpoint)
    status = f"HTTP {response.status_code} {response.reason_phrase}".strip()
    body = " ".join(response.text.split())[:200]
    hint = ""
    if response.status_code in (401, 403):
        hint = " (check --user and --password, and that the server accepts writes)"
    elif response.status_code in (404, 405):
        hint = " (is this the server's Graph Store endpoint, e.g. .../store or .../DATASET/data?)"
    return f"{endpoint}: {status} for graph <{target}>{hint}: {body or '(no message)'}"


# -- one graph at a time, with retries (kg extract --push: each worker PUTs its articles) ---------

#: Answers worth another try: the server is busy, restarting or behind a proxy that timed out.
TRANSIENT_STATUS = frozenset({408, 425, 429, 502, 503, 504})
#: Answers about the endpoint itself (wrong URL, no write access), not about one graph.
ENDPOINT_STATUS = frozenset({401, 403, 404, 405, 407})


class PutError(KgError):
    """A PUT that failed. ``about_graph``: the server refused this graph (its data), so the other
    graphs may still go; otherwise the server or endpoint is wrong or unreachable for all of them."""

    def __init__(self, message: str, response=None, about_graph: bool = False):
        super().__init__(message)
        self.response = response
        self.about_graph = about_graph


def put_graph(client, endpoint: str, target: str, data: bytes, attempts: int = 1, first_wait: float = 0.5,
              on_retry: Callable[[str, float], None] | None = None):
    """PUT ``data`` (N-Triples) as graph ``target``; returns the response.

    A transient failure (no connection, a time-out, HTTP 408/425/429/502/503/504) is tried again,
    up to ``attempts`` times in all, waiting ``first_wait`` seconds and twice as long each time
    (or what the server's ``Retry-After`` asks, up to 30 s); ``on_retry(message, wait)`` hears of
    each new try. Raises :class:`PutError`.
    """
    import time

    import httpx

    wait = first_wait
    for attempt in range(1, attempts + 1):
        error: PutError
        try:
            response = client.put(endpoint, params={"graph": target}, content=data)
        except (httpx.TransportError, httpx.TimeoutException) as exc:
            error = PutError(str(_http_error(endpoint, exc)))
        except httpx.HTTPError as exc:  # not a network failure (e.g. a bad URL): trying again cannot help
            raise PutError(str(_http_error(endpoint, exc))) from None
        else:
            if response.status_code < 400:
                return response
            error = PutError(_status_error(endpoint, target, response), response,
                             about_graph=response.status_code not in ENDPOINT_STATUS | TRANSIENT_STATUS)
            if response.status_code not in TRANSIENT_STATUS:
                raise error
            wait = max(wait, _retry_after(response))
        if attempt == attempts:
            if attempts > 1:
                raise PutError(f"{error} (tried {attempts} times)", error.response)
            raise error
        if on_retry is not None:
            on_retry(f"{error}; trying again in {wait:g} s (attempt {attempt + 1} of {attempts})", wait)
        time.sleep(wait)
        wait = min(wait * 2, 30.0)
    raise AssertionError("unreachable")


def _retry_after(response) -> float:
    try:
        return min(float(response.headers.get("retry-after", 0)), 30.0)
    except ValueError:  # an HTTP date: wait as planned
        return 0.0


class GraphPusher:
    """PUTs one article's named graph at a time to a Graph Store endpoint, retrying transient
    failures; picklable (the HTTP connection is opened where it is used, e.g. on a Dask worker).

    Credentials, if any, go in the URL (``http://USER:PASSWORD@HOST/store``; HTTP basic auth)."""

    ATTEMPTS = 6  # 0.5 + 1 + 2 + 4 + 8 s of waiting: a server restart, not an outage

    def __init__(self, endpoint: str, timeout: float = 60.0, attempts: int = ATTEMPTS, first_wait: float = 0.5):
        _check_endpoint(endpoint, "--push")
        self.endpoint, self.timeout, self.attempts, self.first_wait = endpoint, timeout, attempts, first_wait
        self._client = None

    def __getstate__(self) -> dict:
        return {**self.__dict__, "_client": None}

    def put(self, graph: str, data: bytes) -> None:
        """PUT one graph; raises :class:`PutError` (``about_graph`` when only this graph was refused)."""
        if self._client is None:
            import httpx

            self._client = httpx.Client(timeout=self.timeout, headers={"Content-Type": CONTENT_TYPE})
        put_graph(self._client, self.endpoint, graph, data, self.attempts, self.first_wait,
                  on_retry=lambda message, wait: warn(message))

    def close(self) -> None:
        if self._client is not None:
            self._client.close()
            self._client = None
