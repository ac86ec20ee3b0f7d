"""Benchmark ``kg extract --cluster`` against ``kg extract --jobs 2`` on one synthetic corpus.

Four runs on the same corpus, one after the other, each the whole command (start-up, model
loads, reading, extraction, store writes):

* the spaCy floor of ``bench_corpus.py``: ``nlp.pipe(texts, n_process=2)`` with the same model;
* ``kg extract CORPUS --jobs 2 --store S``;
* ``kg extract CORPUS --cluster ADDRESS --store S`` with one, then two single-threaded Dask
  workers (``dask worker --nthreads 1``; a fresh scheduler and fresh workers for each, started
  before the clock runs, so their start-up is not counted but the pipeline load on the workers is);

the CPU time of everything that worked (the command with the processes it waited for, plus the
scheduler's and the workers' processes, read with psutil), which moves less with the machine's load
than the wall time; and whether each store's named graphs as N-Quads (sorted lines) are byte-identical to the
``--jobs 2`` ones.
The load average (``uptime``) before each run is printed with it: the machine is shared.
Results go to stdout as a markdown table and into ``benchmarks/README.md``. Not a test.

    python benchmarks/bench_cluster.py [--count 1000] [--workdir DIR] [--no-readme]
"""
from __future__ import annotations

import argparse
import os
import re
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from bench_corpus import ENV, FLOOR, kg_cmd, peak_rss_mb  # noqa: E402

README = ROOT / "benchmarks" / "README.md"
BEGIN, END = "<!-- cluster:begin -->", "<!-- cluster:end -->"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def load() -> str:
    return "{:.1f} {:.1f} {:.1f}".format(*os.getloadavg())


class Cluster:
    """A ``dask scheduler`` and ``workers`` single-threaded ``dask worker`` processes on loopback."""

    def __init__(self, folder: Path, workers: int):
        from distributed import Client

        self.port = free_port()
        self.address = f"tcp://127.0.0.1:{self.port}"
        self.procs = [self._start(folder / "scheduler.log", ["scheduler", "--host", "127.0.0.1", "--port", str(self.port),
                                                             "--dashboard-address", f"127.0.0.1:{free_port()}"])]
        for n in range(workers):
            self.procs.append(self._start(folder / f"worker-{n}.log",
                                          ["worker", self.address, "--nthreads", "1", "--host", "127.0.0.1",
                                           "--no-dashboard", "--local-directory", str(folder / f"w{n}")]))
        with Client(self.address, timeout=120, set_as_default=False) as client:
            client.wait_for_workers(workers, timeout=300)

    @staticmethod
    def _start(log: Path, args: list[str]) -> subprocess.Popen:
        log.parent.mkdir(parents=True, exist_ok=True)
        with open(log, "wb") as out:
            return subprocess.Popen([sys.executable, "-m", "dask", *args], env=ENV, stdout=out,
                                    stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL, cwd=log.parent)

    def cpu_seconds(self) -> float:
        """CPU time so far of the scheduler and the workers (with a nanny's worker process)."""
        import psutil

        total = 0.0
        for proc in self.procs:
            try:
                top = psutil.Process(proc.pid)
                for p in [top, *top.children(recursive=True)]:
                    times = p.cpu_times()
                    total += times.user + times.system
            except psutil.NoSuchProcess:
                pass
        return total

    def close(self) -> None:
        for proc in reversed(self.procs):
            proc.terminate()
        for proc in self.procs:
            try:
                proc.wait(timeout=30)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait()


def extract(corpus: Path, store: Path, *how: str, cluster: Cluster | None = None) -> dict:
    if store.exists():
        shutil.rmtree(store)
    before = load()
    cpu = cluster.cpu_seconds() if cluster else 0.0
    run = peak_rss_mb(kg_cmd("extract", str(corpus), *how, "--store", str(store)))
    cpu = run["cpu_s"] + (cluster.cpu_seconds() - cpu if cluster else 0.0)
    if run["rc"] not in (0, 2):
        raise SystemExit(f"kg extract {' '.join(how)} failed ({run['rc']}): {run['err'][-2000:]}")
    failed = re.search(r"(\d+) failed", run["err"])
    return {"seconds": run["wall"], "rss": run["rss_mb"], "failed": int(failed.group(1)) if failed else 0,
            "load": before, "cpu": cpu, "client_cpu": run["cpu_s"] if cluster else None, "nquads": store_nquads(store)}


def store_nquads(store: Path) -> Path:
    """The store's named graphs as N-Quads, lines sorted, written by Oxigraph (``kg dump`` goes
    through rdflib, minutes for 500,000 quads; the tests compare ``kg dump`` and ``-o`` files)."""
    import pyoxigraph

    db = pyoxigraph.Store.read_only(str(store))
    quads = (q for q in db.quads_for_pattern(None, None, None, None) if not isinstance(q.graph_name, pyoxigraph.DefaultGraph))
    data = pyoxigraph.serialize(quads, format=pyoxigraph.RdfFormat.N_QUADS) or b""
    out = store.with_suffix(".nq")
    out.write_bytes(b"".join(sorted(data.splitlines(keepends=True))))
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--count", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--workdir", default=None, help="where the corpus, stores and logs go (default: a temporary folder)")
    parser.add_argument("--no-readme", action="store_true", help="do not update benchmarks/README.md")
    args = parser.parse_args()
    from synthetic import generate

    work = Path(args.workdir or tempfile.mkdtemp(prefix="kg-bench-cluster-"))
    work.mkdir(parents=True, exist_ok=True)
    corpus = work / f"corpus-{args.count}"
    if not (corpus.is_dir() and len(list(corpus.glob("*.txt"))) == args.count):
        generate(corpus, args.count, seed=args.seed)
    words = sum(len(p.read_text(encoding="utf-8").split()) for p in corpus.glob("*.txt")) / args.count

    rows = []
    batch = max(1, min(64, args.count // 8 or 1))
    before = load()
    floor = peak_rss_mb([sys.executable, "-c", FLOOR, str(corpus), "2", str(batch)])
    if floor["rc"] != 0:
        raise SystemExit(f"spaCy floor failed: {floor['err'][-2000:]}")
    rows.append({"what": "spaCy floor, `nlp.pipe(n_process=2)`", "seconds": floor["wall"], "rss": floor["rss_mb"],
                 "load": before, "failed": 0, "nquads": None, "cpu": floor["cpu_s"], "client_cpu": None})
    print(f"floor: {floor['wall']:.1f} s (load {before})", file=sys.stderr)

    local = extract(corpus, work / "store-jobs2", "--jobs", "2")
    rows.append({"what": "`kg extract --jobs 2`", **local})
    print(f"--jobs 2: {local['seconds']:.1f} s (load {local['load']})", file=sys.stderr)
    reference = local["nquads"].read_bytes()

    for workers in (1, 2):
        cluster = Cluster(work / f"dask-{workers}", workers)
        try:
            run = extract(corpus, work / f"store-cluster{workers}", "--cluster", cluster.address, cluster=cluster)
        finally:
            cluster.close()
        what = f"`kg extract --cluster`, {workers} worker{'s' if workers > 1 else ''} × 1 thread"
        rows.append({"what": what, **run})
        print(f"{what}: {run['seconds']:.1f} s (load {run['load']})", file=sys.stderr)

    floor_rate = args.count / rows[0]["seconds"]
    lines = [
        f"Measured {date.today().isoformat()}: {args.count:,} synthetic articles of about {words:.0f} words "
        f"(`benchmarks/synthetic.py`, seed {args.seed}), {os.cpu_count()} CPUs shared with other jobs; "
        "scheduler, workers and `kg extract` all on this machine (loopback).",
        "",
        "| run | seconds | art/s | ratio to floor | CPU ms/article (all processes) | of which the client | peak RSS (client) | failed | N-Quads = `--jobs 2` | load avg before (1/5/15 min) |",
        "|---|---:|---:|---:|---:|---:|---:|---:|---|---|",
    ]
    for row in rows:
        rate = args.count / row["seconds"]
        if row["nquads"] is None:
            same = "—"
        elif row is rows[1]:
            same = "(the reference)"
        else:
            same = "yes, byte-identical" if row["nquads"].read_bytes() == reference else "**no**"
        client = "—" if row["client_cpu"] is None else f"{row['client_cpu'] / args.count * 1000:.1f}"
        lines.append(f"| {row['what']} | {row['seconds']:.1f} | {rate:.1f} | {rate / floor_rate:.2f}x | "
                     f"{row['cpu'] / args.count * 1000:.1f} | {client} | {row['rss']:,.0f} MB | {row['failed']} | "
                     f"{same} | {row['load']} |")
    table = "\n".join(lines)
    print(table)
    if not args.no_readme:
        text = README.read_text(encoding="utf-8")
        if BEGIN in text and END in text:
            head, rest = text.split(BEGIN, 1)
            text = head + BEGIN + "\n" + table + "\n" + END + rest.split(END, 1)[1]
            README.write_text(text, encoding="utf-8")
    if not args.workdir:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
