"""Measure ``kg serve`` on a store: the CQs under concurrent clients, quiet and while a batch
writes to the store, and the runaway query's cut.

    python benchmarks/bench_serve.py STORE [--clients 16] [--rounds 240] [--timeout 5]
                                     [--during-batch ARTICLES [--scratch DIR]] [--workers N] [--oxigraph]

Starts ``kg serve --store STORE`` on a free loopback port and sends ``--rounds`` CQ queries (the
store forms in examples/queries/store/) from ``--clients`` threads, checks that every answer is
identical to the first one for that query, and prints p50/p95 latency. With ``--during-batch``,
``kg extract ARTICLES --store STORE`` then runs and the same clients keep sending CQs until it
ends (at least ``--rounds`` of them); afterwards the new articles must be visible and counted
once. ``--scratch DIR`` copies STORE there first, so the original stays as it was (for repeated
runs). Every answer carries the server's ``Server-Timing`` header (waiting for a worker,
checking and opening the store, the worker's whole time): their medians and 95th percentiles are
printed too. Last, a runaway query (four unrelated triple patterns) is timed against ``--timeout``.
"""
from __future__ import annotations

import argparse
import os
import shutil
import socket
import statistics
import subprocess
import sys
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
RUNAWAY = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }"
ARTICLES = "SELECT (COUNT(DISTINCT ?a) AS ?n) WHERE { ?a a schema:NewsArticle }"
QUADS = "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def start(store: Path, timeout: float, workers: int, oxigraph: bool) -> tuple[subprocess.Popen, str]:
    port = free_port()
    if oxigraph:  # for comparison: the stock Oxigraph server (no union copy needed: kg stores keep one)
        from kg.store.serve import oxigraph_binary

        command = [oxigraph_binary(), "serve-read-only", "--location", str(store), "--bind", f"127.0.0.1:{port}"]
    else:
        command = [sys.executable, "-c", "from kg.cli import main; main()", "serve", "--store", str(store),
                   "--port", str(port), "--timeout", str(timeout), "--workers", str(workers)]
    proc = subprocess.Popen(command,
                            env=dict(os.environ, PYTHONPATH=str(ROOT)), stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.5):
                return proc, f"http://127.0.0.1:{port}/query"
        except OSError:
            time.sleep(0.2)
    proc.kill()
    raise SystemExit("kg serve did not start")


def percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(p * (len(ordered) - 1))))]


def server_timing(header: str | None) -> dict[str, float]:
    """``Server-Timing: wait;dur=1.2, open;dur=30.0`` as {"wait": 0.0012, "open": 0.03}."""
    out = {}
    for part in (header or "").split(","):
        name, _, rest = part.strip().partition(";dur=")
        if name and rest:
            out[name] = float(rest) / 1000
    return out


@dataclass
class Answer:
    name: str
    status: int
    same: bool
    seconds: float
    timings: dict[str, float] = field(default_factory=dict)
    text: str = ""
    sent: float = 0.0  # time.monotonic() when sent


def load() -> str:
    return "load average " + ", ".join(f"{x:.1f}" for x in os.getloadavg())


def run_clients(url: str, queries: dict[str, str], first: dict[str, bytes], clients: int, rounds: int,
                keep_going=lambda: False) -> tuple[list[Answer], float]:
    """``rounds`` CQ queries from ``clients`` threads (more while ``keep_going()``)."""
    import httpx

    names = list(queries)
    answers: list[Answer] = []
    lock = threading.Lock()
    sent = iter(range(10**9))

    def client(_: int) -> None:
        with httpx.Client(timeout=120) as http:
            while True:
                with lock:
                    i = next(sent)
                if i >= rounds and not keep_going():
                    return
                name = names[i % len(names)]
                began = time.monotonic()
                r = http.post(url, data={"query": queries[name]}, headers={"Accept": "application/sparql-results+json"})
                answer = Answer(name, r.status_code, r.content == first.get(name), time.monotonic() - began,
                                server_timing(r.headers.get("server-timing")), "" if r.status_code == 200 else r.text.strip()[:100],
                                began)
                with lock:
                    answers.append(answer)

    began = time.monotonic()
    with ThreadPoolExecutor(clients) as pool:
        list(pool.map(client, range(clients)))
    return answers, time.monotonic() - began


def report(label: str, answers: list[Answer], took: float, same_expected: bool) -> None:
    latencies = [a.seconds for a in answers]
    bad = [a for a in answers if a.status != 200]
    same = sum(a.same for a in answers)
    print(f"{label}: {len(answers)} CQ queries in {took:.1f} s; p50 {statistics.median(latencies):.2f} s, "
          f"p95 {percentile(latencies, 0.95):.2f} s, max {max(latencies):.2f} s; non-200: {len(bad)}"
          + (f"; identical to the first answer: {same}" if same_expected else ""))
    steps = sorted({k for a in answers for k in a.timings})
    for step in steps:
        values = [a.timings[step] for a in answers if step in a.timings]
        print(f"    {step:>8}: in {len(values):4d} answers, p50 {statistics.median(values) * 1000:8.1f} ms, "
              f"p95 {percentile(values, 0.95) * 1000:8.1f} ms, max {max(values) * 1000:8.1f} ms")
    opened = [a.timings["worker"] for a in answers if "open" in a.timings and "worker" in a.timings]
    reused = [a.timings["worker"] for a in answers if "open" not in a.timings and "worker" in a.timings]
    if opened and reused:
        print(f"    worker time, store reopened first: p50 {statistics.median(opened) * 1000:.1f} ms ({len(opened)}); "
              f"view reused: p50 {statistics.median(reused) * 1000:.1f} ms ({len(reused)})")
    for line in sorted({f"{a.name}: HTTP {a.status}: {a.text}" for a in bad})[:10]:
        print("  " + line)


def timeline(answers: list[Answer], began: float, step: float = 20.0) -> None:
    """Latency by the time the query was sent (relative to ``began``): where the slow ones are."""
    buckets: dict[int, list[Answer]] = {}
    for a in answers:
        buckets.setdefault(int((a.sent - began) // step), []).append(a)
    for key in sorted(buckets):
        group = buckets[key]
        lat = [a.seconds for a in group]
        work = [a.timings.get("worker", 0) for a in group if a.status == 200]
        opens = sum("open" in a.timings for a in group)
        print(f"    {key * step:5.0f}-{(key + 1) * step:<5.0f}s: {len(group):4d} sent, p50 {statistics.median(lat):6.2f} s, "
              f"max {max(lat):6.2f} s, worker p50 {statistics.median(work) if work else 0:5.2f} s, "
              f"opens {opens:3d}, non-200 {sum(a.status != 200 for a in group)}")


def count(url: str, query: str) -> int:
    import httpx

    r = httpx.post(url, data={"query": query}, headers={"Accept": "application/sparql-results+json"}, timeout=120)
    r.raise_for_status()
    return int(r.json()["results"]["bindings"][0]["n"]["value"])


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("store", type=Path)
    parser.add_argument("--clients", type=int, default=16)
    parser.add_argument("--rounds", type=int, default=240)
    parser.add_argument("--timeout", type=float, default=5.0)
    parser.add_argument("--during-batch", "--while-extracting", dest="batch", type=Path,
                        help="a folder of articles that kg extract writes to the store while the clients query")
    parser.add_argument("--scratch", type=Path, help="copy the store here first and measure the copy")
    parser.add_argument("--skip-quiet", action="store_true", help="with --during-batch: no quiet round first")
    parser.add_argument("--timeline", action="store_true", help="with --during-batch: latency by 20-second slices")
    parser.add_argument("--elsewhere", action="store_true",
                        help="with --during-batch: the batch writes to another store (the same CPU load, "
                             "the served store unchanged: a control)")
    parser.add_argument("--workers", type=int, default=0)
    parser.add_argument("--oxigraph", action="store_true", help="measure the stock Oxigraph server instead")
    args = parser.parse_args()

    import httpx

    store = args.store
    if args.scratch:
        shutil.rmtree(args.scratch, ignore_errors=True)
        shutil.copytree(store, args.scratch)
        store = args.scratch
    print(f"{load()} at the start; store {store}")
    queries = {p.stem: p.read_text(encoding="utf-8") for p in sorted((ROOT / "examples/queries/store").glob("cq*.rq"))}
    proc, url = start(store, args.timeout, args.workers, args.oxigraph)
    writer = None
    try:
        first = {}
        for name, text in queries.items():  # warm up, and the reference answers
            r = httpx.post(url, data={"query": text}, timeout=120)
            first[name] = r.content
            print(f"{name}: HTTP {r.status_code}, {len(r.json()['results']['bindings']) if r.status_code == 200 else r.text}")
        if not (args.batch and args.skip_quiet):
            answers, took = run_clients(url, queries, first, args.clients, args.rounds)
            report(f"quiet, {args.clients} clients", answers, took, True)
            print(f"  ({load()})")
        if args.batch:
            before = count(url, ARTICLES)
            target = store
            if args.elsewhere:
                target = store.parent / f"{store.name}.elsewhere"
                shutil.rmtree(target, ignore_errors=True)
            log = open(store.parent / f"{store.name}.batch.log", "w")  # noqa: SIM115
            began = time.monotonic()
            writer = subprocess.Popen([sys.executable, "-c", "from kg.cli import main; main()", "extract",
                                       str(args.batch), "--store", str(target)],
                                      env=dict(os.environ, PYTHONPATH=str(ROOT)), stdout=log, stderr=subprocess.STDOUT)
            answers, took = run_clients(url, queries, first, args.clients, args.rounds, lambda: writer.poll() is None)
            writer.wait()
            if args.timeline:
                timeline(answers, began)
            batch_took = time.monotonic() - began
            report(f"during the batch (kg extract ran {batch_took:.0f} s, exit {writer.returncode}), {args.clients} clients",
                   answers, took, False)
            print(f"  ({load()}; batch: {(store.parent / f'{store.name}.batch.log').read_text().strip().splitlines()[-1:]})")
            after = count(url, ARTICLES)
            print(f"articles visible: {before} before, {after} at the end of the batch (no restart); quads: {count(url, QUADS)}")
        if args.oxigraph:
            return
        began = time.monotonic()
        r = httpx.post(url, data={"query": RUNAWAY}, timeout=120)
        print(f"runaway query: HTTP {r.status_code} after {time.monotonic() - began:.2f} s "
              f"(--timeout {args.timeout:g}): {r.text.strip()[:120]}")
    finally:
        if writer is not None and writer.poll() is None:
            writer.kill()
        proc.terminate()
        proc.wait(30)


if __name__ == "__main__":
    main()
