"""``kg extract --cluster``: real ``dask scheduler`` and ``dask worker`` processes on 127.0.0.1
(started and stopped here, never an in-process cluster), and a real Oxigraph server for ``--push``.

Every process gets a time cap; the corpus comes from the project's synthetic generator.
"""
from __future__ import annotations

import os
import re
import signal
import socket
import struct
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from test_batch import ROOT, kg, store_graphs
from test_serve_push import free_port, sparql, stop, wait_for_port

pytest.importorskip("distributed", reason="the cluster extra (dask.distributed) is not installed")
pytestmark = pytest.mark.cluster

CAP = 300  # seconds for any one command, so that a hung cluster fails the test instead of the run
ARTICLES = 60
ENV = dict(os.environ, PYTHONPATH=os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")])))


class DaskCluster:
    """``dask scheduler`` and ``dask worker`` processes (single-threaded, no nanny, so that killing
    a worker's process kills the worker) on free loopback ports, their logs in ``folder``."""

    def __init__(self, folder: Path, workers: int = 2):
        self.folder = folder
        folder.mkdir(parents=True, exist_ok=True)
        port = free_port()
        self.address = f"tcp://127.0.0.1:{port}"
        self.dashboard = f"127.0.0.1:{free_port()}"
        self.procs: list[subprocess.Popen] = []
        self.workers: dict[str, subprocess.Popen] = {}
        self.scheduler = self._start("scheduler", ["scheduler", "--host", "127.0.0.1", "--port", str(port),
                                                    "--dashboard-address", self.dashboard])
        wait_for_port(port, self.scheduler)
        for n in range(workers):
            name = f"w{n}"
            self.workers[name] = self._start(name, ["worker", self.address, "--name", name, "--nthreads", "1",
                                                    "--no-nanny", "--host", "127.0.0.1", "--no-dashboard",
                                                    "--local-directory", str(folder / name)])
        self.wait_for_workers(workers)

    def _start(self, name: str, args: list[str]) -> subprocess.Popen:
        log = open(self.folder / f"{name}.log", "wb")
        proc = subprocess.Popen([sys.executable, "-m", "dask", *args], env=ENV, cwd=self.folder,
                                stdout=log, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL)
        log.close()
        self.procs.append(proc)
        return proc

    def client(self):
        from distributed import Client

        return Client(self.address, timeout=30, set_as_default=False)

    def wait_for_workers(self, count: int, limit: float = 120) -> None:
        with self.client() as client:
            client.wait_for_workers(count, timeout=limit)

    def log(self, name: str) -> str:
        return (self.folder / f"{name}.log").read_text(encoding="utf-8", errors="replace")

    def close(self) -> None:
        for proc in reversed(self.procs):
            stop(proc)


@pytest.fixture(scope="module")
def cluster(tmp_path_factory):
    dask = DaskCluster(tmp_path_factory.mktemp("dask"))
    try:
        yield dask
    finally:
        dask.close()


def write_synthetic(folder: Path, count: int) -> Path:
    sys.path.insert(0, str(ROOT / "benchmarks"))
    from synthetic import generate

    generate(folder, count, seed=11)
    return folder


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> tuple[Path, bytes]:
    """A corpus and its N-Quads from ``kg extract --jobs 2`` (the reference)."""
    base = tmp_path_factory.mktemp("corpus")
    folder = write_synthetic(base / "articles", ARTICLES)
    kg("extract", str(folder), "--jobs", "2", "-o", str(base / "jobs2.nq"), check=True, timeout=CAP)
    return folder, (base / "jobs2.nq").read_bytes()


def graphs_of(nquads: bytes) -> set[str]:
    return {line.rsplit(b" ", 2)[-2].strip(b"<>").decode() for line in nquads.splitlines() if line}


# -- the same graphs as the local batch ----------------------------------------------------------

def test_cluster_gives_the_same_n_quads_as_jobs_2(tmp_path, cluster, corpus):
    folder, reference = corpus
    out = tmp_path / "cluster.nq"
    first = kg("extract", str(folder), "--cluster", cluster.address, "-o", str(out), check=True, timeout=CAP)
    assert out.read_bytes() == reference
    line = first.stderr.splitlines()[0]
    assert line == f"Dask scheduler {cluster.address}: 2 workers, 2 threads; dashboard http://{cluster.dashboard}/status"
    assert f"extracted {ARTICLES} of {ARTICLES} articles" in first.stderr

    store = tmp_path / "store"
    kg("extract", str(folder), "--cluster", cluster.address, "--store", str(store), check=True, timeout=CAP)
    kg("dump", "--store", str(store), "-o", str(tmp_path / "store.nq"), check=True, timeout=CAP)
    assert (tmp_path / "store.nq").read_bytes() == reference  # the client wrote the store as the local batch does

    # Workers that mount the articles' folder read the files themselves: the same graphs.
    shared = tmp_path / "shared.nq"
    kg("extract", str(folder), "--cluster", cluster.address, "--shared-storage", "-o", str(shared), check=True, timeout=CAP)
    assert shared.read_bytes() == reference

    # Each worker loaded the pipeline once per run, though it ran several chunks of each.
    for name in cluster.workers:
        log = cluster.log(name)
        assert log.count("kg: spaCy pipeline ready") == 3, log[-3000:]
    with cluster.client() as client:
        assert not [k for keys in client.processing().values() for k in keys]  # nothing left behind


def test_failed_articles_are_named_and_the_others_written(tmp_path, cluster):
    folder = write_synthetic(tmp_path / "articles", 4)
    (folder / "scan.txt").write_bytes(b"%PDF-1.7\n\x00\x01binary")  # refused on the worker
    (folder / "blank.txt").write_text("  \n", encoding="utf-8")  # refused by the client, which reads the files
    store = tmp_path / "store"
    proc = kg("extract", str(folder), "--cluster", cluster.address, "--store", str(store), timeout=CAP)
    assert proc.returncode == 2, proc.stderr
    assert re.search(r"error: \S*scan\.txt: looks like a PDF document", proc.stderr)
    assert re.search(r"error: \S*blank\.txt: the article is empty", proc.stderr)
    assert "extracted 4 of 6 articles" in proc.stderr and "2 failed" in proc.stderr
    assert {g.rsplit("/", 1)[-1] for g in store_graphs(store)} == {f"article-{n:05d}" for n in range(4)}


def test_unreachable_scheduler_is_a_clear_error(tmp_path, corpus):
    folder, _ = corpus
    store = tmp_path / "store"
    proc = kg("extract", str(folder), "--cluster", f"tcp://127.0.0.1:{free_port()}", "--store", str(store), timeout=CAP)
    assert proc.returncode == 1
    assert "cannot reach a Dask scheduler" in proc.stderr and "Traceback" not in proc.stderr
    assert not store.exists()  # nothing was made for a run that could not start
    both = kg("extract", str(folder), "--cluster", "tcp://127.0.0.1:1", "--jobs", "2", "-o", str(tmp_path / "x.nq"))
    assert both.returncode == 1 and "--jobs" in both.stderr


def test_without_dask_the_local_batch_runs_and_cluster_says_what_to_install(tmp_path):
    folder = write_synthetic(tmp_path / "articles", 2)
    script = (
        "import sys\n"
        "sys.modules['distributed'] = None  # as if the cluster extra were not installed\n"
        "from kg.cli import main\n"
        "try:\n"
        "    main(sys.argv[1:])\n"
        "except SystemExit as exc:\n"
        "    print('dask' in sys.modules, exc.code)\n"
    )
    local = subprocess.run([sys.executable, "-c", script, "extract", str(folder), "--jobs", "2", "-o",
                            str(tmp_path / "a.nq")], env=ENV, capture_output=True, text=True, timeout=CAP)
    assert local.stdout.split() == ["False", "0"], local.stderr  # done, and dask never imported
    remote = subprocess.run([sys.executable, "-c", script, "extract", str(folder), "--cluster", "tcp://127.0.0.1:1",
                             "-o", str(tmp_path / "b.nq")], env=ENV, capture_output=True, text=True, timeout=CAP)
    assert remote.stdout.split()[-1] == "1"
    assert "pip install -e '.[cluster]'" in remote.stderr and "Traceback" not in remote.stderr


# -- --push: the workers PUT the graphs ----------------------------------------------------------

def start_oxigraph(port: int, location: Path) -> subprocess.Popen:
    from kg.store.serve import oxigraph_binary

    proc = subprocess.Popen([oxigraph_binary(), "serve", "--location", str(location), "--bind", f"127.0.0.1:{port}"],
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    wait_for_port(port, proc)
    return proc


def server_nquads(port: int) -> set[bytes]:
    import httpx

    response = httpx.get(f"http://127.0.0.1:{port}/store", headers={"Accept": "application/n-quads"}, timeout=60)
    response.raise_for_status()
    return {line for line in response.content.splitlines() if line}


def test_push_from_the_workers(tmp_path, cluster, corpus):
    folder, reference = corpus
    port = free_port()
    server = start_oxigraph(port, tmp_path / "server-db")
    try:
        endpoint = f"http://127.0.0.1:{port}/store"
        proc = kg("extract", str(folder), "--cluster", cluster.address, "--push", endpoint, check=True, timeout=CAP)
        assert f"extracted {ARTICLES} of {ARTICLES} articles into {endpoint}" in proc.stderr
        pushed = server_nquads(port)
        assert graphs_of(b"\n".join(pushed)) == graphs_of(reference)
        again = kg("extract", str(folder / "article-00000.txt"), "--cluster", cluster.address, "--push", endpoint,
                   check=True, timeout=CAP)
        assert "extracted 1 of 1 articles" in again.stderr
        assert server_nquads(port) == pushed  # replaced, never doubled
        # kg push of the --jobs 2 file replaces every graph with its own: nothing changes
        local = tmp_path / "jobs2.nq"
        local.write_bytes(reference)
        kg("push", str(local), "--endpoint", endpoint, check=True, timeout=CAP)
        assert server_nquads(port) == pushed

        wrong = kg("extract", str(folder), "--cluster", cluster.address, "--push", f"http://127.0.0.1:{port}/nowhere",
                   timeout=CAP)
        assert wrong.returncode == 1 and "HTTP 404" in wrong.stderr and "tried" not in wrong.stderr  # permanent: no retries
    finally:
        stop(server)


class _Resetter:
    """Listens on a port and resets every connection (a server that is restarting), until closed."""

    def __init__(self, port: int):
        self.sock = socket.create_server(("127.0.0.1", port))
        self.hit = threading.Event()
        threading.Thread(target=self._serve, daemon=True).start()

    def _serve(self) -> None:
        while True:
            try:
                conn, _ = self.sock.accept()
            except OSError:
                return
            conn.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))  # RST, no TIME_WAIT
            conn.close()
            self.hit.set()

    def close(self) -> None:
        self.sock.close()


def test_push_retries_while_the_server_restarts(tmp_path, cluster):
    folder = write_synthetic(tmp_path / "articles", 3)
    port = free_port()
    resetter = _Resetter(port)
    server = None
    env_cmd = [sys.executable, "-c", "from kg.cli import main; main()", "extract", str(folder), "--cluster",
               cluster.address, "--push", f"http://127.0.0.1:{port}/store"]
    proc = subprocess.Popen(env_cmd, env=ENV, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        assert resetter.hit.wait(CAP), "no worker tried to push"
        resetter.close()  # the first PUT failed; now the real server comes up on the same port
        server = start_oxigraph(port, tmp_path / "server-db")
        _, err = proc.communicate(timeout=CAP)
        assert proc.returncode == 0, err
        assert "trying again in" in err  # the worker's retries, reported by the client
        assert "extracted 3 of 3 articles" in err
        graphs = sparql(port, "SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } } ORDER BY ?g")
        assert [row["g"].rsplit("/", 1)[-1] for row in graphs] == [f"article-{n:05d}" for n in range(3)]
    finally:
        resetter.close()
        if proc.poll() is None:
            proc.kill()
            proc.wait()
        if server is not None:
            stop(server)


def test_push_without_a_cluster(tmp_path):
    """The local batch pushes the same way (one process here)."""
    folder = write_synthetic(tmp_path / "articles", 2)
    port = free_port()
    server = start_oxigraph(port, tmp_path / "server-db")
    try:
        endpoint = f"http://127.0.0.1:{port}/store"
        kg("extract", str(folder), "--push", endpoint, check=True, timeout=CAP)
        pushed = server_nquads(port)
        kg("extract", str(folder), "-o", str(tmp_path / "local.nq"), check=True, timeout=CAP)
        assert graphs_of(b"\n".join(pushed)) == graphs_of((tmp_path / "local.nq").read_bytes())
        kg("push", str(tmp_path / "local.nq"), "--endpoint", endpoint, check=True, timeout=CAP)
        assert server_nquads(port) == pushed  # the same graphs as kg push sends
    finally:
        stop(server)


# -- a worker dies; Ctrl-C -----------------------------------------------------------------------

def test_a_killed_worker_loses_no_article(tmp_path, corpus):
    folder, reference = corpus
    dask = DaskCluster(tmp_path / "dask", workers=2)
    store = tmp_path / "store"
    proc = subprocess.Popen([sys.executable, "-c", "from kg.cli import main; main()", "extract", str(folder),
                             "--cluster", dask.address, "--store", str(store)],
                            env=ENV, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        with dask.client() as client:
            victim = next(a for a, w in client.scheduler_info()["workers"].items() if w["name"] == "w0")
            deadline = time.monotonic() + CAP
            busy = []
            while time.monotonic() < deadline and proc.poll() is None:
                busy = [k for k in client.processing(workers=[victim]).get(victim, ()) if "kg-extract" in str(k)]
                if busy:
                    break
                time.sleep(0.05)
            assert busy, "the worker never got a chunk"
            time.sleep(1.0)  # in the middle of its chunk
            dask.workers["w0"].send_signal(signal.SIGKILL)
        _, err = proc.communicate(timeout=CAP)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
        dask.close()
    assert dask.workers["w0"].returncode == -signal.SIGKILL
    assert proc.returncode == 0, err
    assert f"extracted {ARTICLES} of {ARTICLES} articles" in err
    kg("dump", "--store", str(store), "-o", str(tmp_path / "store.nq"), check=True, timeout=CAP)
    assert (tmp_path / "store.nq").read_bytes() == reference  # every article once, none lost or doubled
    assert "kg: spaCy pipeline ready" in dask.log("w1")


def test_ctrl_c_keeps_what_was_written(tmp_path, cluster, corpus):
    """On a terminal: the progress bar of the local batch; Ctrl-C stops, keeps the finished articles, exit 130."""
    from terminal import run_on_terminal

    folder, _ = corpus
    store = tmp_path / "store"
    code, err = run_on_terminal([sys.executable, "-c", "from kg.cli import main; main()", "extract", str(folder),
                                 "--cluster", cluster.address, "--store", str(store)],
                                dict(ENV, COLUMNS="120"), cap=CAP, ctrl_c_after=3, of=ARTICLES)
    assert "extracting" in err  # the same progress bar as the local batch
    assert code == 130, err[-2000:]
    done = int(err.split("stopped after ")[1].split("extracted ")[1].split(" of ")[0])
    assert 0 < done < ARTICLES and len(store_graphs(store)) == done
