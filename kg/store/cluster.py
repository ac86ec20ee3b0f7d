"""Extraction on a Dask cluster: ``kg extract ARTICLES --cluster tcp://HOST:PORT``.

The client (this process) connects to a running Dask scheduler, reads the articles itself and
sends them to the workers in chunks; each worker loads the spaCy pipeline once (a worker
plugin, :class:`ExtractorPlugin`) and sends back, per article, its facts (``-o FILE``), its
named graph as N-Triples (``--store``), or only its quad count after PUTting the graph to a
Graph Store server itself (``--push``). What comes back goes through the same sinks, progress bar
and failure handling as the local batch (:mod:`kg.store.batch`). Scheduling, moving the data
and re-running the tasks of a worker that died are Dask's; none of it is ours.

Only imported with ``--cluster``: ``pip install -e .`` works without Dask. How the work is split
and what the client holds in memory: ``docs/cluster.md``.
"""
from __future__ import annotations

import asyncio
import logging
import re
import threading
import time
import uuid
from concurrent.futures import CancelledError
from pathlib import Path
from typing import Callable

from ..errors import KgError, warn

try:
    from distributed import Client, KilledWorker, WorkerPlugin, as_completed, get_worker
except ImportError as exc:  # pragma: no cover - depends on the install
    raise KgError("--cluster needs Dask: pip install -e '.[cluster]' (here and on every worker)") from exc

from ..extract.articles import ArticleFile
from .batch import _reason, batch_size, chunked, load_extractor, work_on

#: How long to wait for the scheduler to answer before saying it is not there.
CONNECT_SECONDS = 10
#: Chunks in flight per worker thread: enough that no worker waits for the client, few enough
#: that the client holds only a handful of chunks' texts at a time.
IN_FLIGHT_PER_THREAD = 2

log = logging.getLogger("distributed.worker")


class ExtractorPlugin(WorkerPlugin):
    """Loads the extractor once per worker process (when the plugin is registered, or when a
    worker joins later) and runs the chunks of one batch with it, one chunk at a time."""

    def __init__(self, model: str | None, meta: dict, kind: str, pusher=None):
        self.name = f"kg-extract-{uuid.uuid4().hex[:12]}"
        self.model, self.meta, self.kind, self.pusher = model, meta, kind, pusher
        self.extractor = None
        self.error: str | None = None
        self.lock = threading.Lock()

    def __getstate__(self) -> dict:
        return {k: v for k, v in self.__dict__.items() if k not in ("extractor", "lock")}

    def __setstate__(self, state: dict) -> None:
        self.__dict__.update(state, extractor=None, lock=threading.Lock())

    async def setup(self, worker) -> None:
        """Load the pipeline in a thread, so that the worker keeps answering the scheduler."""
        start = time.monotonic()
        self.extractor, self.error = await asyncio.to_thread(load_extractor, self.model, self.meta)
        if self.error:
            log.error("kg: cannot extract on this worker: %s", self.error)
        else:
            log.info("kg: spaCy pipeline ready in %.1f s for %s", time.monotonic() - start, self.name)

    def teardown(self, worker) -> None:
        # The batch is over. The process keeps the loaded model (kg.extract.nlp.load_model caches
        # it), so the next batch on this worker starts without loading it again.
        self.extractor = None

    def run(self, chunk: list[tuple[int, ArticleFile]]) -> tuple[list, list[str]]:
        """(results, warnings) of one chunk; spaCy and the rules are not shared between threads."""
        with self.lock, _Warnings() as warnings:
            results = list(work_on(self.extractor, self.error, chunk, self.meta, self.kind, self.pusher))
        return results, warnings.lines


class _Warnings(logging.Handler):
    """Collects the ``kg`` warnings of one chunk (a file read as Latin-1 ...) for the client to
    print: the worker's own log is on another machine."""

    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.lines: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.lines.append(record.getMessage())

    def __enter__(self) -> "_Warnings":
        logging.getLogger("kg").addHandler(self)
        return self

    def __exit__(self, *exc) -> None:
        logging.getLogger("kg").removeHandler(self)


def extract_chunk(plugin_name: str, chunk: list[tuple[int, ArticleFile]]) -> tuple[list, list[str]]:
    """The Dask task: one chunk of articles through the worker's extractor."""
    return get_worker().plugins[plugin_name].run(chunk)


# -- the client ----------------------------------------------------------------------------------

def connect(address: str, say: Callable[[str], None]) -> Client:
    """A client of the scheduler at ``address``; says how many workers it has, and its dashboard."""
    if not re.fullmatch(r"(?:[a-z]+://)?[^\s/]+:\d+/?", address):
        raise KgError(f"--cluster {address!r}: give the Dask scheduler's address, e.g. tcp://HOST:8786")
    try:
        client = Client(address, timeout=CONNECT_SECONDS, set_as_default=False)
    except (OSError, TimeoutError, ValueError, TypeError) as exc:
        detail = " ".join(str(exc).split())[:300] or type(exc).__name__
        raise KgError(f"--cluster {address}: cannot reach a Dask scheduler there ({detail}); start one with "
                      "'dask scheduler' and give its address, e.g. tcp://HOST:8786") from None
    try:
        threads = client.nthreads()
        line = f"Dask scheduler {address}: {_count(len(threads), 'worker')}, {_count(sum(threads.values()), 'thread')}"
        if not threads:
            line = f"Dask scheduler {address}: no workers yet; the batch starts when one joins (dask worker {address})"
        link = dashboard(client)
        say(line + (f"; dashboard {link}" if link else ""))
    except BaseException:
        client.close()
        raise
    return client


def dashboard(client: Client) -> str | None:
    """The address of the scheduler's dashboard, when it has one (its pages need bokeh there)."""
    try:
        return client.dashboard_link or None
    except (KeyError, AttributeError, TypeError):
        return None


def run_on_cluster(client: Client, todo: list[tuple[int, str]], meta: dict, kind: str, model: str | None, pusher,
                   handle: Callable, stop, fatal: Callable, started: Callable, chunk_size: int | None = None,
                   shared_storage: bool = False) -> None:
    """Extract ``todo`` (index, path) on the workers of ``client``'s scheduler, calling ``handle``
    with each article's result as :func:`kg.store.batch.run_batch` does for its own workers.

    ``shared_storage``: the workers read the files themselves, at the same absolute paths (a file
    system they all mount); otherwise this process reads them and sends their bytes."""
    plugin = ExtractorPlugin(model, meta, kind, pusher)
    _register(client, plugin)
    try:
        threads = sum(client.nthreads().values())
        chunks = iter(chunked(todo, chunk_size or batch_size(len(todo), threads)))
        started()
        _Feeder(client, plugin, chunks, meta, handle, stop, fatal, shared_storage).run()
    finally:
        try:
            client.unregister_worker_plugin(plugin.name)
        except Exception:  # noqa: BLE001 - the scheduler may be gone; nothing left to free then
            pass


def _register(client: Client, plugin: ExtractorPlugin) -> None:
    """Send the plugin to every worker (it waits for their pipelines to load)."""
    try:
        client.register_plugin(plugin, name=plugin.name)
    except ModuleNotFoundError as exc:
        raise KgError(f"the Dask workers cannot import {exc.name}: install the project on every worker "
                      "(pip install -e '.[cluster]', the same version as here)") from None


class _Feeder:
    """Keeps a few chunks in flight per worker thread, reading their files just before they are
    sent, and hands what comes back to the batch as it arrives."""

    def __init__(self, client: Client, plugin: ExtractorPlugin, chunks, meta: dict, handle: Callable, stop,
                 fatal: Callable, shared_storage: bool = False):
        self.client, self.plugin, self.chunks, self.meta = client, plugin, chunks, meta
        self.shared_storage = shared_storage
        self.handle, self.stop, self.fatal = handle, stop, fatal
        self.pending: dict = {}  # future -> its chunk
        self.completed = as_completed(loop=client.loop)
        self.sent = 0
        self.more = True
        self.threads, self.counted = 0, 0.0

    def run(self) -> None:
        try:
            while (self.more or self.pending) and not self.stop and not self.fatal():
                self._send()
                ready = self.completed.next_batch(block=False)
                if not ready:
                    time.sleep(0.05)
                for future in ready:
                    self._receive(future)
                    if self.stop or self.fatal():
                        break
        finally:
            if self.pending:  # Ctrl-C or a fatal error: drop the queued chunks
                self.client.cancel(list(self.pending), force=True)

    def _limit(self) -> int:
        """Chunks to keep in flight: follows the workers as they join or leave (checked every 5 s)."""
        if time.monotonic() - self.counted > 5:
            self.threads = sum(self.client.nthreads().values())
            self.counted = time.monotonic()
        return max(4, IN_FLIGHT_PER_THREAD * self.threads)

    def _send(self) -> None:
        while self.more and len(self.pending) < self._limit():
            chunk = next(self.chunks, None)
            if chunk is None:
                self.more = False
                return
            items = self._read(chunk)
            if items:
                key = f"{self.plugin.name}-{self.sent}"
                future = self.client.submit(extract_chunk, self.plugin.name, items, key=key)
                self.sent += 1
                self.pending[future] = items
                self.completed.add(future)

    def _read(self, chunk: list[tuple[int, str]]) -> list[tuple[int, ArticleFile | str]]:
        """What the workers get: the articles' bytes, or their absolute paths on shared storage."""
        if self.shared_storage:
            return [(i, str(Path(path).resolve())) for i, path in chunk]
        items = []
        for i, path in chunk:
            try:
                items.append((i, ArticleFile.read(Path(path), self.meta.get("max_bytes"))))
            except Exception as exc:  # noqa: BLE001 - unreadable here: that article fails, as in the local batch
                self.handle(i, "fail", _reason(exc, path))
        return items

    def _receive(self, future) -> None:
        items = self.pending.pop(future)
        try:
            results, warnings = future.result()
        except CancelledError as exc:  # not by us (we stop before cancelling): the scheduler lost it
            results, warnings = [(i, "fatal", f"the Dask scheduler dropped the batch's work ({_short(exc)})")
                                 for i, _ in items], []
        except KilledWorker as exc:
            results, warnings = [(i, "fail", f"the Dask workers running it died ({_short(exc)})") for i, _ in items], []
        except ModuleNotFoundError as exc:
            results, warnings = [(i, "fatal", f"the Dask workers cannot import {exc.name}: install the project on "
                                  "every worker (pip install -e '.[cluster]')") for i, _ in items], []
        except Exception as exc:  # noqa: BLE001 - the chunk as a whole failed on the worker
            results, warnings = [(i, "fail", _reason(exc, getattr(item, "path", item))) for i, item in items], []
        finally:
            future.release()
        for line in warnings:
            warn(line)
        for i, status, value in results:
            self.handle(i, status, value)


def _count(n: int, what: str) -> str:
    return f"{n} {what}{'' if n == 1 else 's'}"


def _short(exc: BaseException) -> str:
    return " ".join(str(exc).split())[:200] or type(exc).__name__
