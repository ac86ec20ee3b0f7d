"""Run SPARQL queries in worker processes that can be killed: a real per-query time limit.

Oxigraph cannot interrupt a running query, and a thread cannot be stopped from outside. A
process can: each query runs in one of a few worker processes; when the query passes its
deadline the worker is killed (its CPU is freed at once) and a fresh one replaces it in the
background, while the other workers keep answering.

Each worker opens the store read-only (no writer lock: ``kg extract --store`` and ``kg load`` can
write meanwhile) and reopens it when the writer has committed to table files since the last query
(not on every write-ahead-log append: see :func:`_store_signature`), so new articles appear
without a restart. With ``--allow-update`` a pool of one *writable* worker applies the clients'
writes (kg.store.writes) under the same deadline.

A worker fully materialises the answer (at most ``max_rows`` rows) and serialises it before
handing it back: the HTTP layer then knows the status before it sends a byte, so a failure is
never a 200 with a truncated body.
"""
from __future__ import annotations

import collections
import multiprocessing
import os
import queue
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

#: Ask for a fresh worker this long before giving up on one that does not start.
START_LIMIT = 60.0


@dataclass
class Job:
    """A query for a worker: ``formats`` are the media types the client accepts, best first."""

    text: str
    formats: list[str]
    max_rows: int
    #: "query"; "graph" (Graph Store GET: text is the graph IRI, "" = default); for the writer:
    #: "update", "put", "post", "delete" (see kg.store.writes)
    kind: str = "query"
    default_graphs: list[str] = field(default_factory=list)  # the protocol's default-graph-uri
    named_graphs: list[str] = field(default_factory=list)  # the protocol's named-graph-uri
    body: bytes = b""  # Graph Store PUT/POST: the graph to write (kind "put"/"post"; text: the IRI)
    content_type: str = ""


@dataclass
class Reply:
    """What the HTTP layer sends: a status, a media type and the whole body."""

    status: int
    content_type: str
    body: bytes
    headers: dict[str, str] = field(default_factory=dict)
    #: seconds spent in each step (wait for a worker, check/open the store, run, ...): sent as
    #: the standard ``Server-Timing`` header, so a client or benchmark sees where the time went
    timings: dict[str, float] = field(default_factory=dict)


def error_reply(status: int, message: str) -> Reply:
    return Reply(status, "text/plain; charset=utf-8", (message.rstrip() + "\n").encode("utf-8"))


# -- the worker process --------------------------------------------------------------------------

def _store_signature(path: Path) -> tuple:
    """What changes when a writer has *committed* to the store.

    A kg writer rewrites ``kg-committed`` after each flush and bulk load (kg.store.store.COMMITTED):
    then that file, kg's marker and RocksDB's CURRENT are the signature, so compactions (which
    rewrite table files without changing the data) cause no reopen. A store without that file
    (written by another tool) falls back to the table files, MANIFEST and CURRENT (names, sizes,
    times). The write-ahead logs (``*.log``) are never part of it: they grow with every
    transaction and a read-only open replays them whole, so reopening whenever one grew made each
    query during a batch that replaces articles replay hundreds of MB (docs/endpoint.md); a kg
    writer flushes at least every few seconds (kg.store.store.FLUSH_SECONDS) and when it closes."""
    from .store import COMMITTED, MARKER

    if (path / COMMITTED).is_file():
        names: list[str] | None = [COMMITTED, MARKER, "CURRENT"]
    else:
        names = None
    entries = []
    with os.scandir(path) as it:
        for entry in it:
            if names is not None and entry.name not in names:
                continue
            if entry.name.startswith("LOG") or entry.name.endswith(".log"):
                continue
            try:
                st = entry.stat()
            except FileNotFoundError:  # a compaction removed it meanwhile
                continue
            entries.append((entry.name, st.st_size, st.st_mtime_ns))
    return tuple(sorted(entries))


class _View:
    """The worker's read-only view of the store, reopened when the store changed."""

    def __init__(self, path: Path):
        self.path = path
        self.db = None
        self.signature: tuple | None = None
        self.union_kept = False

    def current(self, timings: dict[str, float] | None = None):
        timings = {} if timings is None else timings
        began = time.monotonic()
        signature = _store_signature(self.path)
        timings["check"] = timings.get("check", 0.0) + time.monotonic() - began
        if self.db is None or signature != self.signature:
            self.db = None
            began = time.monotonic()
            self.db = self._open()
            timings["open"] = timings.get("open", 0.0) + time.monotonic() - began
            self.signature = signature
            from .store import MARKER

            self.union_kept = (self.path / MARKER).is_file()
        return self.db

    def reset(self) -> None:
        """Forget the view: the next query reopens the store."""
        self.db = None
        self.signature = None

    def _open(self):
        """Open read-only. A writer at work can replace the file the open was reading (RocksDB
        rotates its MANIFEST, compactions remove tables): try again a few times."""
        import pyoxigraph as ox

        attempts = 10
        for attempt in range(attempts):
            try:
                return ox.Store.read_only(str(self.path))
            except Exception as exc:  # noqa: BLE001 - OSError or pyoxigraph's corruption errors
                if attempt == attempts - 1 or not is_transient(exc):
                    raise
                time.sleep(0.02 * (attempt + 1))
        raise AssertionError("unreachable")


def is_transient(exc: BaseException) -> bool:
    """An error from reading files that a concurrent writer has just replaced (worth a retry)."""
    text = str(exc)
    return isinstance(exc, OSError) or any(word in text for word in ("IO error", "Corruption", "No such file"))


def _die_with_parent() -> None:  # pragma: no cover - runs in the child
    """Linux: the worker gets SIGKILL when the server dies, even in the middle of a long query
    (without it, a SIGKILLed ``kg serve`` would leave a runaway query burning a core)."""
    import sys

    if not sys.platform.startswith("linux"):
        return
    try:
        import ctypes
        import signal

        ctypes.CDLL("libc.so.6", use_errno=True).prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG
    except Exception:  # noqa: BLE001 - best effort
        pass


def worker_main(conn, store_path: str, writable: bool = False) -> None:  # pragma: no cover - runs in the child process
    """Answer jobs from ``conn`` until it closes. ``writable``: this is the writer (updates and
    Graph Store writes, ``--allow-update``): it opens the store for writing, holding its lock."""
    import signal

    _die_with_parent()
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C stops the server, which stops the workers
    if writable:
        from ..errors import KgError
        from .store import open_store
        from .writes import apply_write

        try:
            store = open_store(Path(store_path), keep_union=False)  # serve.py dropped the copy
        except KgError as exc:
            conn.send(f"error: {exc}")
            return
        handle = lambda job: apply_write(store, job)  # noqa: E731
    else:
        from .results import answer

        view = _View(Path(store_path))
        handle = lambda job: answer(view, job)  # noqa: E731
    conn.send("ready")
    while True:
        try:
            job = conn.recv()
        except (EOFError, OSError):
            return
        try:
            reply = handle(job)
        except Exception as exc:  # noqa: BLE001 - anything else is a server error, said plainly
            what = "update" if writable else "query"
            reply = error_reply(500, f"the {what} failed: {' '.join(str(exc).split())[:500] or type(exc).__name__}")
        conn.send(reply)


# -- the pool (in the server process) ------------------------------------------------------------

class _Worker:
    def __init__(self, ctx, store_path: str, writable: bool = False):
        parent, child = ctx.Pipe()
        self.conn = parent
        self.process = ctx.Process(target=worker_main, args=(child, store_path, writable), daemon=True)
        self.process.start()
        child.close()
        self.problem = ""  # why it did not start, when it said

    def wait_ready(self, limit: float) -> bool:
        try:
            said = self.conn.recv() if self.conn.poll(limit) else ""
        except (EOFError, OSError):
            return False
        if isinstance(said, str) and said.startswith("error: "):
            self.problem = said[len("error: "):]
        return said == "ready"

    def kill(self, wait: bool = True) -> None:
        """SIGKILL (the CPU is freed at once); ``wait``: also reap the process."""
        try:
            self.process.kill()
        except (OSError, ValueError, AttributeError):  # already gone
            pass
        if wait:
            self.process.join(5)
            self.conn.close()


class _Turn:
    """A request waiting for a worker: the pool hands a freed worker to the oldest turn."""

    def __init__(self):
        self.ready = threading.Event()
        self.worker: _Worker | None = None


class _Workers:
    """Free workers handed out first come, first served. (A ``queue.Queue`` lets a request that
    arrives just as a worker is freed take it ahead of those already waiting, and a waiter that
    loses that race goes to the back: under load some requests waited until their deadline.)"""

    def __init__(self):
        self.lock = threading.Lock()
        self.free: list[_Worker] = []
        self.turns: collections.deque[_Turn] = collections.deque()

    def put(self, worker: _Worker) -> None:
        with self.lock:
            if self.turns:
                turn = self.turns.popleft()
                turn.worker = worker
                turn.ready.set()
            else:
                self.free.append(worker)

    def get(self, timeout: float) -> _Worker:
        """A free worker, in arrival order; queue.Empty after ``timeout`` seconds."""
        with self.lock:
            if self.free and not self.turns:
                return self.free.pop()
            turn = _Turn()
            self.turns.append(turn)
        turn.ready.wait(timeout)
        with self.lock:
            if turn.worker is None:
                self.turns.remove(turn)
                raise queue.Empty
            return turn.worker


class Busy(Exception):
    """No worker came free before the query's deadline."""


class TimedOut(Exception):
    """The query ran past its deadline; its worker was killed."""


class WorkerPool:
    """``size`` worker processes over the store at ``store_path`` (``writable``: the one writer
    process of ``--allow-update``, which the same deadline stops)."""

    def __init__(self, store_path: Path, size: int, writable: bool = False):
        self.store_path = str(store_path)
        self.size = size
        self.writable = writable
        self.ctx = multiprocessing.get_context("spawn")  # never fork a threaded server
        self.idle = _Workers()
        self.closed = False
        self.lock = threading.Lock()
        self.all: set[_Worker] = set()
        self.killed = 0  # queries stopped at their deadline (for tests and the log)
        self.wanted: queue.Queue[_Worker | int | None] = queue.Queue()  # a killed worker to reap, or 1
        self.spawner = threading.Thread(target=self._spawner, daemon=True, name="kg-worker-spawner")

    def start(self) -> None:
        """Start every worker and wait until each has started (fail early if they cannot)."""
        from ..errors import KgError

        workers = [self._spawn() for _ in range(self.size)]
        for worker in workers:
            if not worker.wait_ready(START_LIMIT):
                raise KgError(worker.problem or f"a {'writer' if self.writable else 'query worker'} process did not start")
            self.idle.put(worker)
        self.spawner.start()

    def _spawn(self) -> _Worker:
        worker = _Worker(self.ctx, self.store_path, self.writable)
        with self.lock:
            self.all.add(worker)
        return worker

    def _replace(self, worker: _Worker) -> None:
        """Kill ``worker`` and have the spawner thread start another (the caller answers at once)."""
        with self.lock:
            self.all.discard(worker)
        worker.kill(wait=False)  # the client's 503 goes out now; the spawner thread reaps it
        if not self.closed:
            self.wanted.put(worker)

    def _spawner(self) -> None:
        """Start replacement workers, from one long-lived thread: Linux sends a child its
        parent-death signal when the *thread* that started it ends, so a short-lived thread
        would take its worker down with it."""
        while not self.closed:
            dead = self.wanted.get()
            if dead is None:
                return
            if isinstance(dead, _Worker):
                dead.kill()
            fresh = self._spawn()
            if fresh.wait_ready(START_LIMIT) and not self.closed:
                self.idle.put(fresh)
            else:
                with self.lock:
                    self.all.discard(fresh)
                fresh.kill()
                if not self.closed:
                    time.sleep(1.0)
                    self.wanted.put(1)

    def run(self, job: Job, deadline: float) -> Reply:
        """Run ``job`` on a free worker; raise Busy or TimedOut at ``deadline`` (time.monotonic)."""
        began = time.monotonic()
        try:
            worker = self.idle.get(timeout=max(0.0, deadline - time.monotonic()))
        except queue.Empty:
            raise Busy() from None
        waited = time.monotonic() - began
        try:
            worker.conn.send(job)
            if not worker.conn.poll(max(0.0, deadline - time.monotonic())):
                self.killed += 1
                self._replace(worker)
                worker = None
                raise TimedOut()
            reply = worker.conn.recv()
        except (EOFError, OSError, BrokenPipeError):
            if worker is not None:
                self._replace(worker)
                worker = None
            return error_reply(500, "the query worker stopped unexpectedly (out of memory?); try again or simplify the query")
        if worker is not None:
            self.idle.put(worker)
        reply.timings["wait"] = waited
        return reply

    def close(self) -> None:
        self.closed = True
        self.wanted.put(None)
        with self.lock:
            workers = list(self.all)
            self.all.clear()
        for worker in workers:
            worker.kill()
