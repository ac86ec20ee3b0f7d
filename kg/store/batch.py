"""Extract many articles at once: N worker processes, one named graph per article, into a graph
file or into the embedded store.

Each worker loads the spaCy model once, then takes small chunks of article paths: it reads them
(text + sidecar .json), parses them with ``nlp.pipe``, extracts the facts and, for a store, builds
the article's named graph as N-Quads, so the parent only writes. An article that fails (unreadable,
empty, a bug in a rule) is reported with its file name and reason; the others carry on.

Ctrl-C stops the batch cleanly: the articles finished so far are kept (written to the store as
they finish, or saved to the output file), and the result says how far it got.

>>> chunked([(0, "a"), (1, "b"), (2, "c")], 2)
[[(0, 'a'), (1, 'b')], [(2, 'c')]]
"""
from __future__ import annotations

import os
import signal
import sys
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterator

from ..extract.articles import ArticleFile, ArticleScan, collect_article_paths, parse_iso_date, read_article
from ..errors import Interrupted, KgError, PartialFailure

#: Some articles of a batch failed, the others were written (exit code 2).
BatchError = PartialFailure
__all__ = ["BatchError", "BatchResult", "Failure", "Interrupted", "find_articles", "run_batch"]


@dataclass
class Failure:
    path: Path
    reason: str

    def __str__(self) -> str:
        return f"{self.path}: {self.reason}"


@dataclass
class BatchResult:
    """What a batch did: how many articles were written, which failed, whether it was interrupted."""

    total: int
    target: str
    done: int = 0
    quads: int = 0  # quads written by this run (summed over the articles' named graphs)
    failures: list[Failure] = field(default_factory=list)
    interrupted: bool = False
    dataset: object = None  # the rdflib Dataset, when writing a file
    skipped: list[Path] = field(default_factory=list)  # files in the folders that are not articles

    def skipped_line(self, names: bool = False) -> str | None:
        """One line on the folders' files that were not read (their names too with ``names``)."""
        if not self.skipped:
            return None
        what = f"skipped {len(self.skipped)} file{'s' if len(self.skipped) > 1 else ''} that {'are' if len(self.skipped) > 1 else 'is'} not articles"
        if names:
            return f"{what}: {', '.join(map(str, self.skipped))}"
        return f"{what} (-v names them)"

    @property
    def finished(self) -> int:
        return self.done + len(self.failures)

    def summary(self) -> str:
        failed = f"; {len(self.failures)} failed" if self.failures else ""
        head = f"stopped after {self.finished} of {self.total} articles: " if self.interrupted else ""
        return f"{head}extracted {self.done} of {self.total} articles into {self.target} ({self.quads} quads){failed}"


# -- finding the articles ------------------------------------------------------------------------

def find_articles(paths: list[Path], recursive: bool = False) -> ArticleScan:
    """Every article file named or inside a named folder (``*.txt``, ``*.html``), each once, and
    the folders' files that are not articles.

    A missing path or a named file that is not an article is a usage error; a ``.json`` named
    beside its article (``kg extract dir/*``) is that article's metadata, not an article.
    """
    scan = collect_article_paths(paths, recursive)
    seen: set[Path] = set()
    unique = []
    for f in scan.files:
        key = f.resolve()
        if key not in seen:
            seen.add(key)
            unique.append(f)
    return ArticleScan(unique, scan.skipped)


def chunked(items: list, size: int) -> list[list]:
    return [items[i : i + size] for i in range(0, len(items), size)]


# -- the work on one chunk (in a worker process, or in-process for --jobs 1) ----------------------

def _reason(exc: BaseException, path: Path | str) -> str:
    if isinstance(exc, KgError):
        text = str(exc)
        prefix = f"{path}: "
        return text[len(prefix):] if text.startswith(prefix) else text
    return f"{type(exc).__name__}: {' '.join(str(exc).split())[:300]}"


def _parse(nlp, texts: list[str], on_piece=None) -> list:
    """spaCy Docs for ``texts`` (nlp.pipe for speed); an exception in place of a Doc that failed."""
    from ..extract.nlp import PIECE_CHARS

    if len(texts) == 1 or any(len(t) > PIECE_CHARS for t in texts):
        return [_parse_one(nlp, text, on_piece) for text in texts]  # long texts go piece by piece
    try:
        return list(nlp.pipe(texts, batch_size=len(texts)))
    except Exception:  # noqa: BLE001 - find the culprit one by one
        return [_parse_one(nlp, text) for text in texts]


def _parse_one(nlp, text: str, on_piece=None):
    from ..extract.nlp import parse

    try:
        return parse(nlp, text, on_piece=on_piece)
    except Exception as exc:  # noqa: BLE001 - reported per article
        return exc


class _Triples(list):
    """The little of an rdflib Graph that ArticleGraphBuilder uses (``add``): several times
    faster to fill than a Graph, for the same triples."""

    def add(self, triple) -> None:
        self.append(triple)


def article_triples(facts) -> tuple[str, list]:
    """(graph IRI, triples) of one article's named graph, as :func:`kg.graph.rdf.add_article` makes it."""
    from ..graph.rdf import ArticleGraphBuilder, add_article, graph_iri

    triples = _Triples()
    try:
        ArticleGraphBuilder(facts, triples).build()
        return str(graph_iri(facts.article)), list(dict.fromkeys(triples))
    except AttributeError:  # the builder wants more of a Graph than add(): give it one
        from rdflib import Dataset

        ds = Dataset()
        name = add_article(ds, facts)
        return str(name), list(ds.graph(name))


def _payload(facts, kind: str):
    """What the parent needs for one article: for a graph file (kind ``file:FORMAT[:facts]``) what
    the file keeps of its named graph (and its facts, with ``:facts``); for a store its named graph
    as N-Triples. Building the RDF happens here, in the workers, and while Ctrl-C can still drop
    the article (a long text's graph takes seconds)."""
    if kind.startswith("file:"):
        from ..graph.graphio import graph_part

        _, fmt, *keep = kind.split(":")
        name, triples = article_triples(facts)
        return name, graph_part(fmt, name, triples), len(triples), (facts if keep else None)
    from .store import triples_to_ntriples

    name, triples = article_triples(facts)
    return name, triples_to_ntriples(triples), len(triples)


def process_chunk(extractor, chunk: list[tuple[int, str | ArticleFile]], meta: dict, kind: str,
                  on_piece=None) -> Iterator[tuple[int, str, object]]:
    """(index, "ok", payload) or (index, "fail", reason) for each (index, source) of ``chunk``: a
    source is a path, or an :class:`ArticleFile` read elsewhere (a Dask client)."""
    articles = []
    for i, source in chunk:
        path = source.path if isinstance(source, ArticleFile) else source
        try:
            article = source.article(**meta) if isinstance(source, ArticleFile) else read_article(Path(path), **meta)
            articles.append((i, path, article))
        except Exception as exc:  # noqa: BLE001
            yield i, "fail", _reason(exc, path)
    docs = _parse(extractor.nlp, [a.text for _, _, a in articles], on_piece)
    for n, (i, path, article) in enumerate(articles):
        doc, docs[n] = docs[n], None  # each Doc goes once its facts are out (a long text's is big)
        if isinstance(doc, BaseException):
            yield i, "fail", "spaCy failed: " + _reason(doc, path)
            continue
        try:
            item = i, "ok", _payload(extractor.extract_doc(article, doc), kind)
        except (ImportError, SyntaxError) as exc:  # the code is broken, not the article: stop
            item = i, "fatal", f"the extractor cannot run: {_reason(exc, path)}"
        except Exception as exc:  # noqa: BLE001 - a rule failed on this article; the others carry on
            item = i, "fail", _reason(exc, path)
        del doc
        yield item


def pushed(results, pusher) -> Iterator[tuple[int, str, object]]:
    """``results`` of :func:`process_chunk` (kind "push") with each article's graph PUT by ``pusher``
    (a :class:`kg.store.push.GraphPusher`): its payload becomes (graph, quads). A graph the server
    refuses fails that article; a server that cannot be reached or written stops the batch."""
    from .push import PutError

    stopped: str | None = None  # the server is not there or refuses every write: try no more
    for i, status, value in results:
        if status != "ok":
            yield i, status, value
            continue
        name, data, count = value
        try:
            if stopped is None:
                pusher.put(name, data)
        except PutError as exc:
            if exc.about_graph:
                yield i, "fail", f"not pushed: {exc}"
                continue
            stopped = f"cannot push: {exc}"
        yield (i, "fatal", stopped) if stopped else (i, "ok", (name, count))


_WORKER: dict = {}


def _allow_length(extractor, meta: dict):
    """Let spaCy take texts up to the size limit the user chose (its own default is 1,000,000)."""
    if meta.get("max_bytes"):
        extractor.nlp.max_length = max(extractor.nlp.max_length, int(meta["max_bytes"]) + 1)
    return extractor


def load_extractor(model: str | None, meta: dict):
    """The Extractor a worker keeps for the batch, or the message that says why it cannot run."""
    try:
        from ..extract.pipeline import Extractor

        return _allow_length(Extractor(model), meta), None
    except BaseException as exc:  # noqa: BLE001 - reported as fatal by the parent
        return None, str(exc) if isinstance(exc, KgError) else f"cannot load the model: {_reason(exc, '')}"


def work_on(extractor, error: str | None, chunk: list, meta: dict, kind: str, pusher=None,
            on_piece=None) -> Iterator[tuple[int, str, object]]:
    """What a worker does with one chunk: extract it (and push it, with ``pusher``)."""
    if error:
        return iter([(i, "fatal", error) for i, _ in chunk])
    results = process_chunk(extractor, chunk, meta, kind, on_piece)
    return results if pusher is None else pushed(results, pusher)


def _init_worker(model: str | None, meta: dict, kind: str, pusher=None) -> None:
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the parent decides what Ctrl-C means
    extractor, error = load_extractor(model, meta)
    _WORKER.update(extractor=extractor, error=error, meta=meta, kind=kind, pusher=pusher)


def _work(chunk: list[tuple[int, str]]) -> list[tuple[int, str, object]]:
    w = _WORKER
    return list(work_on(w["extractor"], w["error"], chunk, w["meta"], w["kind"], w["pusher"]))


# -- where the graphs go -------------------------------------------------------------------------

class FileSink:
    """Writes the articles' named graphs to a graph file (atomically, at the end).

    Each article becomes RDF where it is extracted (see ``_payload``) and only what the file needs
    is kept (its N-Quads lines, its TriG text: :class:`~kg.graph.graphio.GraphFileWriter`), so neither
    the facts of every article nor one Dataset of them all stay in memory. The file is the same
    whatever the order the articles finish in (graphs and lines are sorted). ``keep_dataset``:
    also build the rdflib Dataset of every graph, in input order, for library callers.
    """

    def __init__(self, out: Path, force: bool = False, keep_dataset: bool = False):
        from ..graph.graphio import GraphFileWriter, check_new_output

        self.out = Path(out)
        # a wrong extension, a folder or an existing file fails now, not after the work
        fmt = check_new_output(self.out, force)
        self.writer = GraphFileWriter(fmt)
        self.kind = f"file:{fmt}" + (":facts" if keep_dataset else "")
        self.keep_dataset = keep_dataset
        self.facts: dict[int, object] = {}
        self.ds = None

    def add(self, index: int, payload) -> int:
        name, part, count, facts = payload
        self.writer.add_part(index, name, part)
        if self.keep_dataset:
            self.facts[index] = facts
        return count

    def close(self, written: int) -> int | None:
        if self.keep_dataset:
            from ..graph.rdf import add_article, new_dataset

            self.ds = new_dataset()
            for index in sorted(self.facts):
                add_article(self.ds, self.facts.pop(index))
        if written:
            from ..graph.graphio import write_atomic

            write_atomic(self.out, self.writer.data())
        return None


class StoreSink:
    """Writes each article's named graph (and its copy in the union default graph) into the store.

    New graphs are gathered and written in bulk (and at the end, and on Ctrl-C): a bulk load
    costs a fraction of a transaction per article, and each one adds files that RocksDB later
    merges in the background, so fewer, larger loads cost less CPU (on 10,000 articles the
    parent spent 195 s of CPU with 100,000-quad loads, 141 s with 500,000-quad ones). A load is
    due at 500,000 quads, after a tenth of the corpus, or after 60 seconds; near the end of the
    corpus loads get smaller, so that little is left to write once the workers are done. An
    article already in the store is replaced at once, in a transaction.

    The store is not compacted at the end (``optimize``): RocksDB compacts in the background, and
    the CQ queries answer as fast either way (10,000 articles: 0.57-0.76 s without, 0.57-0.70 s
    with), while compacting took 14 s of a 5-minute batch.
    """

    kind = "ntriples"
    BULK_QUADS = 500_000
    BULK_SECONDS = 60.0

    def __init__(self, path: Path, total: int = 0):
        from .store import open_store

        self.store = open_store(path, create=True)
        self.total = total
        self.seen = 0
        self.pending: list[tuple[str, bytes]] = []
        self.pending_quads = 0
        self.last_flush = time.monotonic()

    def add(self, index: int, payload) -> int:
        name, data, count = payload
        self.seen += 1
        if self.store.has_graph(name):
            self.store.replace_graph(name, data)
        else:
            self.pending.append((name, data))
            self.pending_quads += count
            if self._load_due():
                self.flush()
        return count

    def _load_due(self) -> bool:
        if self.pending_quads >= self.BULK_QUADS or time.monotonic() - self.last_flush > self.BULK_SECONDS:
            return True
        step = max(20, self.total // 10)
        if self.total - self.seen <= step:  # the last tenth: smaller loads, a short final one
            step = max(10, step // 5)
        return len(self.pending) >= step

    def flush(self) -> None:
        if self.pending:
            self.store.add_new_graphs(self.pending)
            self.pending, self.pending_quads = [], 0
        self.last_flush = time.monotonic()

    def close(self, written: int) -> int | None:
        """Write what is pending and close the store."""
        try:
            self.flush()
        finally:
            self.store.close()
        return None


class PushSink:
    """The workers PUT each article's graph to a Graph Store server themselves (``--push``):
    the parent only counts, and holds no graph."""

    kind = "push"

    def __init__(self, endpoint: str):
        from .push import GraphPusher

        self.pusher = GraphPusher(endpoint)  # checks the URL now, before any work

    def add(self, index: int, payload) -> int:
        return payload[1]

    def close(self, written: int) -> None:
        return None


# -- running a batch -----------------------------------------------------------------------------

class _DropArticle(BaseException):
    """Raised by Ctrl-C inside an article's extraction (not an Exception: no rule may catch it)."""


class _Interrupt:
    """While active, Ctrl-C sets a flag instead of raising, so no write is ever cut in half."""

    def __init__(self) -> None:
        self.event = threading.Event()
        self.previous = None
        #: True while an article is being extracted in this process (nothing is written then):
        #: Ctrl-C drops that article at once instead of waiting for it (a long text takes minutes)
        self.abandonable = False

    def __enter__(self) -> "_Interrupt":
        if threading.current_thread() is threading.main_thread():
            self.previous = signal.signal(signal.SIGINT, self._handler)
        return self

    def _handler(self, *_) -> None:
        if self.event.is_set():  # a second Ctrl-C: stop at once
            raise KeyboardInterrupt
        self.event.set()
        if self.abandonable:
            raise _DropArticle

    def __exit__(self, *exc) -> None:
        if self.previous is not None:
            signal.signal(signal.SIGINT, self.previous)

    def __bool__(self) -> bool:
        return self.event.is_set()


class _Reporter:
    """Progress bar (only when stderr is a terminal) and one line per failed article."""

    def __init__(self, total: int, show_progress: bool):
        self.progress = None
        self.text_task = None
        self.quiet = total <= 1  # one article: its failure becomes the command's own error message
        if show_progress:
            from rich.console import Console
            from rich.progress import (
                BarColumn,
                MofNCompleteColumn,
                Progress,
                TextColumn,
                TimeElapsedColumn,
                TimeRemainingColumn,
            )

            self.progress = Progress(
                TextColumn("{task.description}"),
                BarColumn(),
                MofNCompleteColumn(),
                TimeElapsedColumn(),
                TextColumn("eta"),
                TimeRemainingColumn(),
                console=Console(stderr=True),
            )
            self.task = self.progress.add_task("extracting", total=total)
            self.progress.start()

    def advance(self) -> None:
        if self.progress is not None:
            self.progress.advance(self.task)

    def failed(self, failure: Failure) -> None:
        if self.quiet:
            return
        line = f"error: {failure}"
        if self.progress is not None:
            from rich.text import Text

            self.progress.console.print(Text(line, style="red"), soft_wrap=True)
        else:
            sys.stderr.write(line + "\n")
            sys.stderr.flush()

    def long_text(self, done: int, total: int) -> None:
        """A second bar for a long text parsed piece by piece (characters parsed)."""
        if self.progress is None:
            return
        if self.text_task is None:
            self.text_task = self.progress.add_task("  parsing a long text (characters)", total=total)
        self.progress.update(self.text_task, completed=done, total=total)
        if done >= total:
            self.progress.remove_task(self.text_task)
            self.text_task = None

    def stop(self) -> None:
        if self.progress is not None:
            self.progress.stop()


def batch_size(articles: int, workers: int) -> int:
    """Articles per chunk: about eight chunks per worker (so the work evens out), at most 32
    (``nlp.pipe`` gains little beyond that, and a worker that dies loses no more)."""
    return max(1, min(32, articles // (max(1, workers) * 8) or 1))


def _say(line: str) -> None:
    sys.stderr.write(line + "\n")
    sys.stderr.flush()


def _jobs(jobs: int | None, chunks: int) -> int:
    if not jobs or jobs < 0:
        jobs = os.cpu_count() or 1
    return max(1, min(jobs, chunks))


def run_batch(
    paths: list[Path],
    *,
    out: Path | None = None,
    store: Path | None = None,
    jobs: int = 1,
    published: str | None = None,
    url: str | None = None,
    title: str | None = None,
    model: str | None = None,
    progress: bool | None = None,
    chunk_size: int | None = None,
    max_bytes: int | None = None,
    force: bool = False,
    recursive: bool = False,
    any_language: bool = False,
    keep_dataset: bool = False,
    push: str | None = None,
    cluster: str | None = None,
    shared_storage: bool = False,
    say: Callable[[str], None] | None = None,
) -> BatchResult:
    """Extract every article in ``paths`` (files or folders) into ``out`` (a graph file), ``store``,
    or ``push`` (a Graph Store Protocol URL the workers PUT each article's graph to).

    ``recursive``: also the articles of sub-folders. ``any_language``: extract texts that do not
    look like English instead of refusing them. ``keep_dataset``: also return the rdflib Dataset of
    a graph file's articles (``result.dataset``; it costs memory in proportion to the graph). ``jobs``: worker processes (0: one per CPU). ``force``: replace an existing ``out`` file
    (without it an existing file is an error, checked before any work). ``progress``: show a progress bar (default: when
    stderr is a terminal). ``cluster``: the address of a Dask scheduler whose workers do the
    extraction instead of local processes (``jobs`` is then unused; see :mod:`kg.store.cluster`);
    ``shared_storage``: its workers read the files at the same paths instead of being sent them;
    ``say`` prints its notes (default: stderr).
    Failures and interruption are in the result; bad usage raises KgError.
    On glibc the calling process keeps the malloc settings of :mod:`kg.store.allocator` afterwards.
    """
    if sum(target is not None for target in (out, store, push)) != 1:
        raise KgError("give either -o FILE, --store DIR or --push URL")
    if published:
        published = parse_iso_date(published)
    scan = find_articles(paths, recursive)
    files = scan.files
    if len(files) > 1 and (url or title):
        raise KgError("--url and --title describe one article; for many, put them in each article's .json sidecar")
    meta = {"published": published, "url": url, "title": title, "max_bytes": max_bytes, "any_language": any_language}
    if push is not None:
        from .push import redact_url

        target = redact_url(push)
    else:
        target = str(out if store is None else store)
    result = BatchResult(total=len(files), target=target, skipped=scan.skipped)

    # Two files with the same name would write the same named graph: refuse the later one.
    from ..graph.rdf import slugify

    todo: list[tuple[int, str]] = []
    owner: dict[str, Path] = {}
    early: list[Failure] = []
    for i, f in enumerate(files):
        slug = slugify(f.stem)
        if slug in owner:
            early.append(Failure(f, f"same article name as {owner[slug]} (both would be graph {slug}); rename one"))
        else:
            owner[slug] = f
            todo.append((i, str(f)))

    from .allocator import tune_for_batch

    tune_for_batch()  # before the store opens and the workers fork: they inherit it
    client = None
    if cluster is not None:
        from . import cluster as dask_cluster

        client = dask_cluster.connect(cluster, say or _say)  # before a new store is made: it may not be there
    try:
        if push is not None:
            sink = PushSink(push)
        elif store is None:
            sink = FileSink(out, force, keep_dataset)
        else:
            sink = StoreSink(store, total=len(todo))
    except BaseException:
        if client is not None:
            client.close()
        raise
    pusher = getattr(sink, "pusher", None)
    if progress is None:
        progress = sys.stderr.isatty()
    by_index = dict(todo)

    reporter: _Reporter | None = None
    fatal: str | None = None

    def handle(i: int, status: str, value) -> None:
        nonlocal fatal
        if status == "ok":
            result.quads += sink.add(i, value)
            result.done += 1
        elif status == "fatal":
            fatal = fatal or value
            return
        else:
            failure = Failure(Path(by_index[i]), value)
            result.failures.append(failure)
            reporter.failed(failure)
        reporter.advance()

    def started() -> None:
        """The workers exist: now the progress bar (its thread must not be forked) and early failures."""
        nonlocal reporter
        reporter = _Reporter(len(files), progress)
        for failure in early:
            result.failures.append(failure)
            reporter.failed(failure)
            reporter.advance()

    with _Interrupt() as stop:
        try:
            if client is not None:
                dask_cluster.run_on_cluster(client, todo, meta, sink.kind, model, pusher, handle, stop, lambda: fatal,
                                            started, chunk_size=chunk_size, shared_storage=shared_storage)
            elif not todo:
                started()
            else:
                jobs = _jobs(jobs, len(todo))
                chunks = chunked(todo, chunk_size or batch_size(len(todo), jobs))
                if jobs == 1:
                    _run_here(chunks, meta, sink.kind, model, pusher, handle, stop, lambda: fatal, started,
                              on_piece=lambda done, total: reporter.long_text(done, total))
                else:
                    _run_pool(chunks, meta, sink.kind, model, pusher, jobs, handle, stop, lambda: fatal, started)
            result.interrupted = bool(stop) and result.finished < result.total
        finally:
            if reporter is not None:
                reporter.stop()
            try:
                quads = sink.close(result.done)
                if quads is not None:
                    result.quads = quads
            finally:
                if client is not None:
                    client.close()
    if fatal:
        kept = f" ({result.done} of {result.total} articles were written to {result.target} before)" if result.done else ""
        raise KgError(fatal + kept)
    if isinstance(sink, FileSink):
        result.dataset = sink.ds
    return result


def _run_here(chunks, meta, kind, model, pusher, handle: Callable, stop, fatal: Callable, started: Callable,
              on_piece: Callable | None = None) -> None:
    from ..extract.pipeline import Extractor

    extractor = _allow_length(Extractor(model), meta)
    started()
    for chunk in chunks:
        if stop:  # Ctrl-C came while the model loaded: start no article
            return
        results = work_on(extractor, None, chunk, meta, kind, pusher, on_piece)
        while True:
            stop.abandonable = True
            try:
                if stop:  # Ctrl-C came while nothing could be dropped (the model loading, a write)
                    return
                item = next(results, None)
            except _DropArticle:  # Ctrl-C: the article in progress is dropped, nothing was written
                return
            finally:
                stop.abandonable = False
            if item is None:
                break
            handle(*item)
            if stop or fatal():
                return


def _run_pool(chunks, meta, kind, model, pusher, jobs: int, handle: Callable, stop, fatal: Callable,
              started: Callable) -> None:
    import multiprocessing
    from concurrent.futures import FIRST_COMPLETED, ProcessPoolExecutor, wait
    from concurrent.futures.process import BrokenProcessPool

    methods = multiprocessing.get_all_start_methods()
    context = multiprocessing.get_context("fork" if "fork" in methods else None)
    pool = ProcessPoolExecutor(max_workers=jobs, mp_context=context, initializer=_init_worker,
                               initargs=(model, meta, kind, pusher))
    pending: set = set()
    clean = False
    try:
        futures = {pool.submit(_work, chunk): chunk for chunk in chunks}  # forks the workers
        pending = set(futures)
        started()
        while pending and not stop and not fatal():
            done, pending = wait(pending, timeout=0.25, return_when=FIRST_COMPLETED)
            for future in done:
                chunk = futures.pop(future)
                try:
                    results = future.result()
                except BrokenProcessPool:
                    results = [(i, "fail", "a worker process died (out of memory?)") for i, _ in chunk]
                except Exception as exc:  # noqa: BLE001
                    results = [(i, "fail", _reason(exc, path)) for i, path in chunk]
                for i, status, value in results:
                    handle(i, status, value)
        clean = not pending
    finally:
        if clean:
            pool.shutdown(wait=True)
        else:
            _stop_pool(pool)


def _stop_pool(pool) -> None:
    """Cancel queued chunks and stop the workers now (their chunks in flight are dropped)."""
    processes = list(getattr(pool, "_processes", {}).values())  # no public API before Python 3.14
    pool.shutdown(wait=False, cancel_futures=True)
    for process in processes:
        if process.is_alive():
            process.terminate()
    for process in processes:
        process.join(timeout=5)
