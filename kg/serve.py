"""Serve a graph or store over the SPARQL 1.1 Protocol, with a query page, using Oxigraph's server.

The ``oxigraph`` PyPI package ships the server binary, YASGUI included (the query page works
offline). Read-only unless asked (``serve-read-only``: updates get HTTP 403); SPARQL queries see
the union of the articles' named graphs as their default graph; each query has a time limit.
A graph file is loaded into a temporary store first, deleted when the server stops.
"""
from __future__ import annotations

import ipaddress
import os
import shutil
import signal
import socket
import subprocess
import sys
import sysconfig
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from .errors import KgError

DEFAULT_HOST = "127.0.0.1"
DEFAULT_PORT = 7878
DEFAULT_TIMEOUT = 30


def oxigraph_binary() -> str:
    """Path of the ``oxigraph`` server executable installed by the PyPI ``oxigraph`` package."""
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


def server_command(location: Path, host: str, port: int, allow_update: bool, timeout: int, union: bool) -> list[str]:
    """The Oxigraph command line; ``union``: let the server form the union of the named graphs on the
    fly (when the store does not keep it in its default graph, see kg.store)."""
    return [
        oxigraph_binary(),
        "serve" if allow_update else "serve-read-only",
        "--location", str(location),
        "--bind", bind_address(host, port),
        *(["--union-default-graph"] if union else []),
        "--timeout-s", str(timeout),
    ]


def _die_with_parent() -> None:  # pragma: no cover - runs in the child before exec
    """Linux: the server gets SIGTERM if ``kg serve`` itself is killed, never outliving it."""
    try:
        import ctypes

        ctypes.CDLL("libc.so.6", use_errno=True).prctl(1, signal.SIGTERM)  # PR_SET_PDEATHSIG
    except Exception:  # noqa: BLE001
        pass


def wait_until_listening(proc: subprocess.Popen, host: str, port: int, limit: float = 30.0) -> None:
    deadline = time.monotonic() + limit
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise KgError(f"the Oxigraph server stopped at start (exit code {proc.returncode}); see its message above")
        try:
            with socket.create_connection((host, port), timeout=0.5):
                return
        except OSError:
            time.sleep(0.1)
    raise KgError(f"the Oxigraph server did not start listening on {bind_address(host, port)} within {limit:.0f} s")


class _Stop(Exception):
    pass


@dataclass
class ServeOptions:
    host: str = DEFAULT_HOST
    port: int = DEFAULT_PORT
    allow_update: bool = False
    timeout: int = DEFAULT_TIMEOUT


def serve(graph: Path | None, store: Path | None, options: ServeOptions, say=print) -> int:
    """Run the server until Ctrl-C (or SIGTERM); returns its exit code (0 when stopped by us)."""
    from .store import MARKER, is_store, open_store

    if (graph is None) == (store is None):
        raise KgError("give a graph file or --store DIR (one of them)")
    if options.timeout < 1:
        raise KgError("--timeout: give a whole number of seconds, at least 1")
    check_port(options.host, options.port)
    oxigraph_binary()  # fail before loading anything if the server is missing
    scratch = None
    restore_union = False
    try:
        if store is not None:
            location = Path(store)
            if not is_store(location):
                open_store(location)  # raises the usual "no graph store here" message
            if options.allow_update:
                # Clients may write named graphs: the server forms the union itself meanwhile,
                # and the store's own copy is rebuilt when it stops.
                db = open_store(location)
                if db.union_kept:
                    say("preparing the store for updates ...")
                db.drop_union()
                db.close()
                del db
                restore_union = True
        else:
            scratch = tempfile.mkdtemp(prefix="kg-serve-")
            location = Path(scratch) / "store"
            db = open_store(location, create=True)
            graphs, quads = db.load_file(Path(graph))
            if options.allow_update:
                db.drop_union()
            db.close()
            del db  # closed: the server takes the store's lock
            say(f"loaded {quads} quads ({graphs} named graphs) from {graph}")
        import gc

        gc.collect()
        union = not (location / MARKER).is_file()
        cmd = server_command(location, options.host, options.port, options.allow_update, options.timeout, union)
        if not is_loopback(options.host):
            what = "query and change" if options.allow_update else "query"
            say(f"warning: listening on {options.host}: anyone who can reach this machine can {what} the graph")
        if options.allow_update and graph is not None:
            say(f"note: updates change a temporary copy of {graph}, lost when the server stops")
        previous = {}
        for sig in (signal.SIGTERM, signal.SIGHUP):
            previous[sig] = signal.signal(sig, _raise_stop)
        proc = None
        try:
            proc = subprocess.Popen(
                cmd, stdin=subprocess.DEVNULL, preexec_fn=_die_with_parent if sys.platform.startswith("linux") else None
            )
            wait_until_listening(proc, options.host, options.port)
            base = f"http://{url_host(options.host)}:{options.port}"
            mode = "read-write" if options.allow_update else "read-only"
            say(f"serving {graph or store} ({mode}, query time limit {options.timeout} s)")
            say(f"  query page:       {base}/")
            say(f"  SPARQL endpoint:  {base}/query" + (f"   updates: {base}/update   graph store: {base}/store" if options.allow_update else ""))
            say("press Ctrl-C to stop")
            return proc.wait()
        except (KeyboardInterrupt, _Stop):
            return 0
        finally:
            for sig, handler in previous.items():
                signal.signal(sig, handler)
            if proc is not None and proc.poll() is None:
                proc.terminate()
                try:
                    proc.wait(timeout=10)
                except subprocess.TimeoutExpired:
                    proc.kill()
                    proc.wait()
    finally:
        if restore_union:
            _restore_union(Path(store), say)
        if scratch is not None:
            shutil.rmtree(scratch, ignore_errors=True)


def _restore_union(store: Path, say) -> None:
    """After a read-write session: copy the named graphs into the default graph again."""
    from .store import open_store

    try:
        db = open_store(store)  # rebuilds the copy
        db.close()
    except KgError as exc:
        say(f"warning: {exc}; the store is still correct, and is rebuilt the next time kg writes to it")


def _raise_stop(*_):
    raise _Stop()
