"""Measure ``kg serve`` on a store: the CQs under concurrent clients, the runaway query's cut.

    python benchmarks/bench_serve.py STORE [--clients 16] [--rounds 240] [--timeout 5]
                                     [--while-extracting ARTICLES]

Starts ``kg serve --store STORE`` on a free loopback port, sends ``--rounds`` CQ queries (the
store forms in examples/queries/store/) from ``--clients`` threads, checks that every answer is
identical to the first one for that query (unless a batch is writing: then the answers grow),
and prints p50/p95 latency; then times a runaway query (four unrelated triple patterns) against
``--timeout``. With ``--while-extracting``, ``kg extract ARTICLES --store STORE`` runs meanwhile.
"""
from __future__ import annotations

import argparse
import os
import socket
import statistics
import subprocess
import sys
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
RUNAWAY = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }"


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


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("store", type=Path)
    parser.add_argument("--clients", type=int, default=16)
    parser.add_argument("--rounds", type=int, default=240)
    parser.add_argument("--timeout", type=float, default=5.0)
    parser.add_argument("--while-extracting", type=Path)
    parser.add_argument("--workers", type=int, default=0)
    parser.add_argument("--oxigraph", action="store_true", help="measure the stock Oxigraph server instead")
    args = parser.parse_args()

    import httpx

    queries = {p.stem: p.read_text(encoding="utf-8") for p in sorted((ROOT / "examples/queries/store").glob("cq*.rq"))}
    proc, url = start(args.store, args.timeout, args.workers, args.oxigraph)
    writer = None
    try:
        first = {}
        for name, text in queries.items():  # warm up, and the reference answers
            r = httpx.post(url, data={"query": text}, timeout=120)
            first[name] = r.content
            print(f"{name}: HTTP {r.status_code}, {len(r.json()['results']['bindings']) if r.status_code == 200 else r.text}")
        if args.while_extracting:
            writer = subprocess.Popen([sys.executable, "-c", "from kg.cli import main; main()", "extract",
                                       str(args.while_extracting), "--store", str(args.store)],
                                      env=dict(os.environ, PYTHONPATH=str(ROOT)), stdout=subprocess.DEVNULL,
                                      stderr=subprocess.DEVNULL)
            time.sleep(5)  # let the batch get going (spaCy loads first)
        jobs = [list(queries)[i % len(queries)] for i in range(args.rounds)]
        results: list[tuple[str, int, bool, float]] = []
        errors: list[str] = []
        lock = threading.Lock()

        def client(names: list[str]) -> None:
            with httpx.Client(timeout=120) as http:
                for name in names:
                    began = time.monotonic()
                    r = http.post(url, data={"query": queries[name]}, headers={"Accept": "application/sparql-results+json"})
                    with lock:
                        results.append((name, r.status_code, r.content == first[name], time.monotonic() - began))
                        if r.status_code != 200:
                            errors.append(f"{name}: HTTP {r.status_code}: {r.text.strip()[:100]}")

        began = time.monotonic()
        with ThreadPoolExecutor(args.clients) as pool:
            list(pool.map(client, [jobs[i::args.clients] for i in range(args.clients)]))
        took = time.monotonic() - began
        latencies = [r[3] for r in results]
        bad = [r for r in results if r[1] != 200]
        same = sum(r[2] for r in results)
        writing = " while kg extract writes" if writer is not None else ""
        if writer is not None:
            writing += f" (batch {'still running' if writer.poll() is None else 'finished'} at the end)"
        print(f"{len(results)} CQ queries, {args.clients} clients{writing}: {took:.1f} s, "
              f"p50 {statistics.median(latencies):.2f} s, p95 {percentile(latencies, 0.95):.2f} s, "
              f"max {max(latencies):.2f} s; non-200: {len(bad)}; identical to the first answer: {same}")
        for line in sorted(set(errors))[:10]:
            print("  " + line)
        if writer is not None:
            writer.wait()
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
