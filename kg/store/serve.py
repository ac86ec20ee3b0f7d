"""Serve a graph or store over the SPARQL 1.1 Protocol, with an offline query page.

``kg serve`` runs its own small endpoint (:mod:`kg.store.endpoint`) with queries answered by killable
worker processes (:mod:`kg.store.querypool`): no SERVICE requests unless allowed, a real per-query
time limit, caps on rows and concurrent queries, and the store stays writable by ``kg extract
--store`` meanwhile (workers open it read-only and see new articles). Read-only unless asked
(updates get HTTP 403); queries see the union of the articles' named graphs as their default
graph. A graph file is loaded into a temporary store first, deleted when the server stops.
See docs/endpoint.md for the design.
"""
from __future__ import annotations

import ipaddress
import os
import shutil
import signal
import socket
import sys
import sysconfig
import tempfile
from dataclasses import dataclass
from pathlib import Path

from ..errors import KgError

DEFAULT_HOST = "127.0.0.1"
DEFAULT_PORT = 7878
DEFAULT_TIMEOUT = 30
DEFAULT_MAX_ROWS = 100_000
DEFAULT_MAX_CONCURRENT = 16


def default_workers() -> int:
    """Worker processes: one per core, at least 2 (a runaway query never stalls the rest), at most 4."""
    return max(2, min(4, os.cpu_count() or 2))


def oxigraph_binary() -> str:
    """Path of the ``oxigraph`` server executable installed by the PyPI ``oxigraph`` package
    (not used by ``kg serve`` any more; tests start a stock Oxigraph server with it for ``kg push``)."""
    name = "oxigraph.exe" if os.name == "nt" else "oxigraph"
    for folder in (sysconfig.get_path("scripts"), str(Path(sys.executable).parent)):
        candidate = Path(folder) / name
        if candidate.is_file() and os.access(candidate, os.X_OK):
            return str(candidate)
    found = shutil.which("oxigraph")
    if found:
        return found
    raise KgError("the Oxigraph server is not installed; pip install oxigraph==0.5.13")


def bind_address(host: str, port: int) -> str:
    return f"[{host}]:{port}" if ":" in host else f"{host}:{port}"


def url_host(host: str) -> str:
    return f"[{host}]" if ":" in host else host


def is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def check_port(host: str, port: int) -> None:
    """Fail early, with a clear message, when ``host:port`` cannot be listened on."""
    if not 0 < port < 65536:
        raise KgError(f"--port {port}: give a port between 1 and 65535")
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except socket.gaierror as exc:
        raise KgError(f"--host {host}: unknown host ({exc.strerror})") from None
    family, _, _, _, address = infos[0]
    with socket.socket(family, socket.SOCK_STREAM) as sock:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            sock.bind(address)
        except OSError as exc:
            raise KgError(f"cannot listen on {bind_address(host, port)}: {exc.strerror}; choose another --port") from None


class _Stop(Exception):
    pass


@dataclass
class ServeOptions:
    """The ``kg serve`` flags (see kg/cli/serve.py for their help)."""

    host: str = DEFAULT_HOST
    port: int = DEFAULT_PORT
    allow_update: bool = False
    timeout: float = DEFAULT_TIMEOUT
    max_rows: int = DEFAULT_MAX_ROWS
    max_concurrent: int = DEFAULT_MAX_CONCURRENT
    workers: int = 0  # 0: default_workers()
    allow_service: bool = False


def check_options(options: ServeOptions) -> None:
    """Bad flags fail with a message before anything starts."""
    if not options.timeout > 0:
        raise KgError("--timeout: give a number of seconds greater than 0")
    if options.max_rows < 1:
        raise KgError("--max-rows: give a whole number of rows, at least 1")
    if options.max_concurrent < 1:
        raise KgError("--max-concurrent: give a whole number of queries, at least 1")
    if options.workers < 0 or options.workers > 64:
        raise KgError("--workers: give a number of worker processes between 1 and 64 (0: one per core)")
    check_port(options.host, options.port)


def _prepare(graph: Path | None, store: Path | None, options: ServeOptions, say):
    """(store folder, scratch folder or None). With --allow-update the default-graph copy of the
    named graphs is dropped first (clients may then write named graphs, and the union is formed on
    the fly; see kg.store.store) and the store is closed again: the writer process opens it."""
    from .store import is_store, open_store

    if store is not None:
        location = Path(store)
        if not is_store(location):
            open_store(location)  # raises the usual "no graph store here" message
        if options.allow_update:
            writer = open_store(location)
            if writer.union_kept:
                say("preparing the store for updates ...")
            writer.drop_union()
            writer.close()
        return location, None
    scratch = tempfile.mkdtemp(prefix="kg-serve-")
    try:
        location = Path(scratch) / "store"
        db = open_store(location, create=True)
        graphs, quads = db.load_file(Path(graph))
        say(f"loaded {quads} quads ({graphs} named graphs) from {graph}")
        if options.allow_update:
            db.drop_union()
        db.close()
        return location, scratch
    except BaseException:
        shutil.rmtree(scratch, ignore_errors=True)
        raise


def serve(graph: Path | None, store: Path | None, options: ServeOptions, say=print) -> int:
    """Run the endpoint until Ctrl-C (or SIGTERM); returns 0 when stopped that way."""
    from .endpoint import Endpoint, Limits, make_server, query_page
    from .querypool import WorkerPool

    if (graph is None) == (store is None):
        raise KgError("give a graph file or --store DIR (one of them)")
    check_options(options)
    location, scratch = _prepare(graph, store, options, say)
    pool = server = writer = None
    previous = {}
    try:
        workers = options.workers or default_workers()
        pool = WorkerPool(location, min(workers, options.max_concurrent))
        pool.start()
        if options.allow_update:
            writer = WorkerPool(location, 1, writable=True)
            writer.start()
        limits = Limits(timeout=options.timeout, max_rows=options.max_rows, max_concurrent=options.max_concurrent,
                        allow_update=options.allow_update, allow_service=options.allow_service)
        endpoint = Endpoint(pool, limits, query_page(str(graph or store)), writer=writer)
        try:
            server = make_server(options.host, options.port, endpoint)
        except OSError as exc:
            raise KgError(f"cannot listen on {bind_address(options.host, options.port)}: {exc.strerror}; choose another --port") from None
        _announce(graph or store, graph is not None, options, workers, say)
        for sig in (signal.SIGTERM, signal.SIGHUP):
            previous[sig] = signal.signal(sig, _raise_stop)
        server.serve_forever(poll_interval=0.25)
        return 0
    except (KeyboardInterrupt, _Stop):
        return 0
    finally:
        for sig, handler in previous.items():
            signal.signal(sig, handler)
        if server is not None:
            server.server_close()
        if pool is not None:
            pool.close()
        if writer is not None:
            writer.close()
        if options.allow_update and scratch is None:
            _restore_union(location, say)
        if scratch is not None:
            shutil.rmtree(scratch, ignore_errors=True)


def _announce(source, from_file: bool, options: ServeOptions, workers: int, say) -> None:
    from .endpoint import ENDPOINT_PATH

    if not is_loopback(options.host):
        what = "query and change" if options.allow_update else "query"
        say(f"warning: listening on {options.host}: anyone who can reach this machine can {what} the graph")
    if options.allow_update and from_file:
        say(f"note: updates change a temporary copy of {source}, lost when the server stops")
    base = f"http://{url_host(options.host)}:{options.port}"
    mode = "read-write" if options.allow_update else "read-only"
    say(f"serving {source} ({mode}; per query: time limit {options.timeout:g} s, at most {options.max_rows} rows; "
        f"at most {options.max_concurrent} queries at once on {workers} workers"
        + ("; SERVICE allowed" if options.allow_service else "") + ")")
    say(f"  query page:       {base}/")
    say(f"  SPARQL endpoint:  {base}{ENDPOINT_PATH}"
        + (f"   updates: {base}/update   graph store: {base}/store" if options.allow_update else ""))
    say("press Ctrl-C to stop")


def _restore_union(location: Path, say) -> None:
    """After a read-write session: copy the named graphs into the default graph again."""
    from .store import open_store

    try:
        writer = open_store(location)
        writer.ensure_union()
        writer.close()
    except (KgError, OSError) as exc:
        say(f"warning: {exc}; the store is still correct, and is rebuilt the next time kg writes to it")


def _raise_stop(*_):
    raise _Stop()
