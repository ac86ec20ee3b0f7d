"""Benchmark the batch pipeline on synthetic corpora of 100, 1,000 and 10,000 articles.

For each size it reports:

* throughput of ``kg extract DIR --jobs N --store S`` (whole command: start-up, model loads,
  reading, extraction, store writes) against spaCy's own ``nlp.pipe(n_process=N)`` over the same
  texts with the same model (the floor: start-up, model load, reading, parsing; nothing else);
* quads in the store, and the peak memory (max RSS of the largest process, from wait4/getrusage);
* where the time goes in one process (spaCy, ``extract_facts``, building the RDF);
* each competency query's latency (``examples/queries/cq*.rq``, globbed at run time; on
  Oxigraph its form in ``examples/queries/store/``) on the
  Oxigraph store (in-process, and ``kg query --store`` wall time) and on rdflib's in-memory
  Dataset (in a subprocess with a time limit), and whether both give the same rows.

Results go to stdout as markdown tables and into ``benchmarks/README.md``. Not a test.

    python benchmarks/bench_corpus.py [--sizes 100,1000] [--jobs 2] [--workdir DIR]
"""
from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

QUERIES = ROOT / "examples" / "queries"
README = ROOT / "benchmarks" / "README.md"
BEGIN, END = "<!-- results:begin -->", "<!-- results:end -->"
ENV = dict(os.environ, PYTHONPATH=os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")])))


def run_measured(cmd: list[str], timeout: float | None = None) -> dict:
    """Run ``cmd``; wall time, exit code, output and peak RSS (MB) of its largest process."""
    import signal

    start = time.perf_counter()
    proc = subprocess.Popen(cmd, env=ENV, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        out, err = proc.communicate(timeout=timeout)
        timed_out = False
    except subprocess.TimeoutExpired:
        proc.send_signal(signal.SIGINT)
        try:
            out, err = proc.communicate(timeout=30)
        except subprocess.TimeoutExpired:
            proc.kill()
            out, err = proc.communicate()
        timed_out = True
    wall = time.perf_counter() - start
    return {"wall": wall, "rc": proc.returncode, "out": out, "err": err, "timed_out": timed_out}


def peak_rss_mb(cmd: list[str], timeout: float | None = None, memory_gb: float | None = None) -> dict:
    """Like run_measured, but waits with wait4 to read the child's own resource usage;
    ``memory_gb`` caps its address space (a shared machine: fail rather than swap)."""
    import signal

    def limit() -> None:
        if memory_gb:
            import resource

            cap = int(memory_gb * 2**30)
            resource.setrlimit(resource.RLIMIT_AS, (cap, cap))

    start = time.perf_counter()
    with tempfile.TemporaryFile("w+") as out, tempfile.TemporaryFile("w+") as err:
        proc = subprocess.Popen(cmd, env=ENV, stdout=out, stderr=err, text=True, preexec_fn=limit)
        deadline = None if timeout is None else start + timeout
        timed_out = False
        while True:
            pid, status, usage = os.wait4(proc.pid, os.WNOHANG)
            if pid:
                break
            if deadline and time.perf_counter() > deadline and not timed_out:
                proc.send_signal(signal.SIGINT)
                timed_out = True
                deadline = time.perf_counter() + 30
            elif timed_out and time.perf_counter() > deadline:
                proc.kill()
            time.sleep(0.05)
        wall = time.perf_counter() - start
        proc.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0)
        err.seek(0)
        return {"wall": wall, "rc": proc.returncode, "out": out.read(), "err": err.read(),
                "rss_mb": usage.ru_maxrss / 1024, "timed_out": timed_out,
                "cpu_s": usage.ru_utime + usage.ru_stime}  # with its descendants that it waited for


FLOOR = r"""
import sys, time
from pathlib import Path
t0 = time.perf_counter()
import spacy
from kg.extract.nlp import DEFAULT_MODELS
for name in DEFAULT_MODELS:  # the model kg uses, as spaCy itself loads it (no kg components)
    try:
        nlp = spacy.load(name)
        break
    except OSError:
        continue
texts = [p.read_text(encoding="utf-8") for p in sorted(Path(sys.argv[1]).glob("*.txt"))]
t1 = time.perf_counter()
n = sum(1 for _ in nlp.pipe(texts, n_process=int(sys.argv[2]), batch_size=int(sys.argv[3])))
print(n, t1 - t0, time.perf_counter() - t1)
"""

PROFILE = r"""
import json, sys, time
from pathlib import Path
from kg.extract.articles import read_article
from kg.store.batch import StoreSink, article_triples
from kg.extract.pipeline import Extractor
from kg.store.store import triples_to_ntriples
ex = Extractor(None)
paths = sorted(Path(sys.argv[1]).glob("*.txt"))[: int(sys.argv[2])]
sink = StoreSink(Path(sys.argv[3]), total=len(paths))
t = {"read": 0.0, "spacy": 0.0, "facts": 0.0, "rdf": 0.0, "ntriples": 0.0, "write": 0.0}
for i, p in enumerate(paths):
    a = time.perf_counter(); art = read_article(p)
    b = time.perf_counter(); doc = ex.nlp(art.text)
    c = time.perf_counter(); facts = ex.extract_doc(art, doc)
    d = time.perf_counter(); name, triples = article_triples(facts)
    e = time.perf_counter(); data = triples_to_ntriples(triples)
    f = time.perf_counter(); sink.add(i, (name, data, len(triples)))
    g = time.perf_counter()
    for k, x, y in (("read", a, b), ("spacy", b, c), ("facts", c, d), ("rdf", d, e), ("ntriples", e, f), ("write", f, g)):
        t[k] += y - x
g = time.perf_counter(); sink.close(len(paths)); t["write"] += time.perf_counter() - g
print(json.dumps({k: v / len(paths) * 1000 for k, v in t.items()}))
"""

RDFLIB = r"""
import json, signal, sys, time
from pathlib import Path
t0 = time.perf_counter()
from rdflib import Dataset
ds = Dataset(default_union=True)
ds.parse(sys.argv[1], format="nquads")
print(json.dumps({"load": time.perf_counter() - t0, "triples": len(ds)}), flush=True)
class Late(Exception): pass
def late(*_): raise Late()
signal.signal(signal.SIGALRM, late)
for q in sys.argv[3:]:
    text = Path(q).read_text(encoding="utf-8")
    signal.alarm(int(sys.argv[2]))
    t = time.perf_counter()
    try:
        result = ds.query(text)  # rdflib itself (kg.store.query.run_query adds only checks)
        rows = sorted(json.dumps([None if v is None else str(v) for v in row]) for row in result)
        print(json.dumps({"query": Path(q).stem, "seconds": time.perf_counter() - t, "rows": rows}), flush=True)
    except Late:
        print(json.dumps({"query": Path(q).stem, "seconds": None}), flush=True)
    except Exception as exc:
        print(json.dumps({"query": Path(q).stem, "seconds": None, "error": f"{type(exc).__name__}: {exc}"[:200]}), flush=True)
    finally:
        signal.alarm(0)
"""


def kg_cmd(*args: str) -> list[str]:
    return [sys.executable, "-c", "from kg.cli import main; main()", *args]


def store_form(q: Path) -> Path:
    """The CQ as written for a large Oxigraph store (examples/queries/store/), if there is one."""
    fast = q.parent / "store" / q.name
    return fast if fast.is_file() else q


def oxigraph_queries(store: Path, queries: list[Path], repeat: int = 3) -> dict:
    from kg.store.store import open_store

    db = open_store(store, read_only=True)
    results = {}
    for q in queries:
        text = store_form(q).read_text(encoding="utf-8")
        times, answer = [], None
        for _ in range(repeat):
            t = time.perf_counter()
            answer = db.query(text)
            times.append(time.perf_counter() - t)
        results[q.stem] = {"seconds": statistics.median(times), "first": times[0],
                           "rows": sorted(json.dumps(r) for r in answer.rows)}
    return results


def bench_size(size: int, args, queries: list[Path]) -> dict:
    from synthetic import generate

    work = Path(args.workdir)
    corpus = work / f"corpus-{size}"
    if not (corpus.is_dir() and len(list(corpus.glob("*.txt"))) == size):
        generate(corpus, size, seed=args.seed)
    words = sum(len(p.read_text(encoding="utf-8").split()) for p in corpus.glob("*.txt")) / size
    row: dict = {"size": size, "words": words}

    batch = max(1, min(64, size // (args.jobs * 4) or 1))
    floor = peak_rss_mb([sys.executable, "-c", FLOOR, str(corpus), str(args.jobs), str(batch)])
    if floor["rc"] != 0:
        raise SystemExit(f"spaCy floor failed: {floor['err'][-2000:]}")
    row["floor_s"] = floor["wall"]
    row["floor_rss"] = floor["rss_mb"]

    store = work / f"store-{size}"
    if store.exists():
        import shutil

        shutil.rmtree(store)
    extract = peak_rss_mb(kg_cmd("extract", str(corpus), "--jobs", str(args.jobs), "--store", str(store)))
    if extract["rc"] not in (0, 2):
        raise SystemExit(f"kg extract failed ({extract['rc']}): {extract['err'][-2000:]}")
    row["extract_s"] = extract["wall"]
    row["extract_rss"] = extract["rss_mb"]
    row["extract_rc"] = extract["rc"]
    import re

    failed = re.search(r"(\d+) failed", extract["err"])
    row["failed"] = int(failed.group(1)) if failed else 0

    import pyoxigraph

    db = pyoxigraph.Store.read_only(str(store))
    row["quads"] = sum(1 for _ in db.quads_for_pattern(None, None, None, None) if not isinstance(_.graph_name, pyoxigraph.DefaultGraph))
    row["union"] = sum(1 for _ in db.quads_for_pattern(None, None, None, pyoxigraph.DefaultGraph()))
    row["graphs"] = sum(1 for _ in db.named_graphs())
    row["store_mb"] = sum(f.stat().st_size for f in store.rglob("*") if f.is_file()) / 2**20
    nquads = work / f"store-{size}.nq"  # the articles' named graphs, for rdflib
    pyoxigraph.serialize((q for q in db.quads_for_pattern(None, None, None, None) if not isinstance(q.graph_name, pyoxigraph.DefaultGraph)),
                         output=str(nquads), format=pyoxigraph.RdfFormat.N_QUADS)
    del db

    row["ox"] = oxigraph_queries(store, queries)
    row["ox_cli"] = {}
    for q in queries:
        cli = run_measured(kg_cmd("query", "--store", str(store), str(store_form(q)), "--format", "csv"), timeout=120)
        row["ox_cli"][q.stem] = cli["wall"] if cli["rc"] == 0 else None

    row["rdflib"] = {}
    if size <= args.rdflib_max:
        res = peak_rss_mb([sys.executable, "-c", RDFLIB, str(nquads), str(args.query_timeout), *map(str, queries)],
                          timeout=args.rdflib_timeout, memory_gb=args.rdflib_memory_gb)
        lines = [json.loads(line) for line in res["out"].splitlines() if line.startswith("{")]
        if lines and "load" in lines[0]:
            row["rdflib_load"] = lines[0]["load"]
            row["rdflib_rss"] = res["rss_mb"]
        else:
            row["rdflib_failed"] = ("MemoryError (over --rdflib-memory-gb)" if "MemoryError" in res["err"]
                                    else "time limit" if res["timed_out"] else (res["err"].strip().splitlines() or ["?"])[-1][:120])
        for line in lines[1:]:
            row["rdflib"][line["query"]] = line
    if not args.keep:
        nquads.unlink(missing_ok=True)
    return row


def profile(args) -> dict:
    corpus = Path(args.workdir) / f"corpus-{min(args.sizes)}"
    target = Path(args.workdir) / "profile-store"
    if target.exists():
        import shutil

        shutil.rmtree(target)
    res = run_measured([sys.executable, "-c", PROFILE, str(corpus), str(min(100, min(args.sizes))), str(target)])
    return json.loads(res["out"].strip().splitlines()[-1]) if res["rc"] == 0 else {}


def fmt_ms(seconds) -> str:
    if seconds is None:
        return "timeout"
    return f"{seconds * 1000:,.0f} ms" if seconds >= 0.01 else f"{seconds * 1000:.1f} ms"


def report(rows: list[dict], prof: dict, args, queries: list[Path]) -> str:
    import platform

    lines = [
        f"Machine: {os.cpu_count()} CPUs, Python {platform.python_version()}; `--jobs {args.jobs}`; "
        f"synthetic articles of about {rows[0]['words']:.0f} words (`benchmarks/synthetic.py`, seed {args.seed}).",
        "",
        "| articles | spaCy floor (art/s) | kg extract (art/s) | ratio | failed | quads (named graphs) | union (default graph) | store on disk | peak RSS extract | peak RSS floor |",
        "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for r in rows:
        floor, ext = r["size"] / r["floor_s"], r["size"] / r["extract_s"]
        lines.append(
            f"| {r['size']:,} | {floor:.1f} | {ext:.1f} | {ext / floor:.2f}x | {r['failed']} | {r['quads']:,} | {r['union']:,} | "
            f"{r['store_mb']:.0f} MB | {r['extract_rss']:,.0f} MB | {r['floor_rss']:,.0f} MB |"
        )
    if prof:
        total = sum(prof.values())
        lines += ["", f"Time per article in one process (first {min(100, min(args.sizes))} articles, no parallelism):", "",
                  "| read | spaCy | extract_facts | build RDF | N-Triples | store write | total |", "|---:|---:|---:|---:|---:|---:|---:|",
                  "| " + " | ".join(f"{prof[k]:.1f} ms ({prof[k] / total:.0%})" for k in ("read", "spacy", "facts", "rdf", "ntriples", "write"))
                  + f" | {total:.1f} ms |"]
    for r in rows:
        lines += ["", f"CQ latency, {r['size']:,} articles ({r['quads']:,} quads)"
                  + (f"; rdflib load {r['rdflib_load']:.1f} s, peak RSS {r['rdflib_rss']:,.0f} MB" if "rdflib_load" in r else
                     f"; rdflib could not load it: {r['rdflib_failed']}" if "rdflib_failed" in r else
                     "; rdflib not run at this size"), "",
                  "| query | rows | Oxigraph (median of 3) | `kg query --store` wall | rdflib memory | same rows |",
                  "|---|---:|---:|---:|---:|---|"]
        for q in queries:
            ox = r["ox"][q.stem]
            rd = r["rdflib"].get(q.stem)
            if rd is None:
                rd_time, same = ("not run" if size_skipped(r, args) or "rdflib_failed" in r else "timeout"), "-"
            elif rd["seconds"] is None:
                rd_time, same = (f"error: {rd['error']}" if rd.get("error") else f"> {args.query_timeout} s"), "-"
            else:
                rd_time, same = fmt_ms(rd["seconds"]), ("yes" if rd["rows"] == ox["rows"] else "**no**")
            lines.append(f"| {q.stem} | {len(ox['rows']):,} | {fmt_ms(ox['seconds'])} | {fmt_ms(r['ox_cli'][q.stem])} | {rd_time} | {same} |")
    return "\n".join(lines) + "\n"


def size_skipped(row: dict, args) -> bool:
    return row["size"] > args.rdflib_max


def write_readme(table: str) -> None:
    text = README.read_text(encoding="utf-8") if README.exists() else f"# Benchmarks\n\n{BEGIN}\n{END}\n"
    if BEGIN not in text:
        text += f"\n{BEGIN}\n{END}\n"
    head, rest = text.split(BEGIN, 1)
    tail = rest.split(END, 1)[1] if END in rest else ""
    stamp = time.strftime("%Y-%m-%d")
    README.write_text(f"{head}{BEGIN}\nMeasured {stamp}.\n\n{table}{END}{tail}", encoding="utf-8")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="100,1000,10000", help="comma-separated corpus sizes")
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--workdir", default=None, help="where corpora and stores go (default: a temporary folder)")
    parser.add_argument("--keep", action="store_true", help="keep the N-Quads dumps")
    parser.add_argument("--rdflib-max", type=int, default=10_000, help="largest size to load into rdflib")
    parser.add_argument("--rdflib-timeout", type=float, default=1800, help="seconds for rdflib load + all queries")
    parser.add_argument("--query-timeout", type=int, default=60, help="seconds per rdflib query")
    parser.add_argument("--rdflib-memory-gb", type=float, default=12, help="address-space cap for the rdflib process")
    parser.add_argument("--no-readme", action="store_true", help="do not update benchmarks/README.md")
    args = parser.parse_args()
    args.sizes = [int(s.replace("_", "").replace(",", "")) for s in args.sizes.split(",") if s.strip()]
    queries = sorted(QUERIES.glob("cq*.rq"))
    if not queries:
        raise SystemExit(f"no competency queries in {QUERIES}")
    scratch = None
    if args.workdir is None:
        scratch = tempfile.TemporaryDirectory(prefix="kg-bench-")
        args.workdir = scratch.name
    Path(args.workdir).mkdir(parents=True, exist_ok=True)
    rows = []
    for size in args.sizes:
        print(f"... {size} articles", file=sys.stderr, flush=True)
        rows.append(bench_size(size, args, queries))
    prof = profile(args)
    table = report(rows, prof, args, queries)
    print(table)
    if not args.no_readme:
        write_readme(table)
    if scratch is not None:
        scratch.cleanup()


if __name__ == "__main__":
    main()
