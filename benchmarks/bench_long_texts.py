"""Long texts: time and peak memory of one long article against the same text split into articles.

For each size, the synthetic corpus (``synthetic.py``) gives enough articles; they are written
once as ONE text (paragraphs of all of them, in order) and once as separate articles, and both
are extracted by the command line in one process (``--jobs 1``), so the ratio compares like with
like. Target: the long text in at most 1.3x the time of the split articles, peak memory < 1 GB.
The machine is shared, so the CPU time of each command (user + system, from ``wait4``) is given
beside the wall time, and the ratio is given for both.

    python benchmarks/bench_long_texts.py --sizes 10,100,300,1000,2000      # KB
    python benchmarks/bench_long_texts.py --sizes 1000 --format trig         # the default output format
"""
from __future__ import annotations

import argparse
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from synthetic import generate  # noqa: E402


def measured(cmd: list[str]) -> tuple[float, float, float]:
    """(wall seconds, CPU seconds, peak RSS in MB of the largest process) of a command."""
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(proc.pid, 0)
    took = time.perf_counter() - start
    if os.waitstatus_to_exitcode(status) != 0:
        sys.exit(f"{' '.join(cmd)} failed: {proc.stderr.read().decode()[-2000:]}")
    return took, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024


def corpus_for(kb: int, work: Path) -> list[Path]:
    """Synthetic articles whose texts add up to at least ``kb`` kilobytes."""
    count = max(2, kb * 1000 // 1200 + 2)
    paths = sorted(generate(work / f"articles-{kb}", count))
    texts, total = [], 0
    for p in paths:
        texts.append(p)
        total += p.stat().st_size
        if total >= kb * 1000:
            break
    return texts


def bench(kb: int, work: Path, kg: str, fmt: str = "nq") -> dict:
    parts = corpus_for(kb, work)
    split = work / f"split-{kb}"
    split.mkdir()
    for p in parts:
        (split / p.name).write_bytes(p.read_bytes())
    long = work / f"long-{kb}.txt"
    long.write_text("\n\n".join(p.read_text(encoding="utf-8").strip() for p in parts) + "\n", encoding="utf-8")
    size = long.stat().st_size
    t_split, c_split, m_split = measured([kg, "extract", str(split), "--jobs", "1", "--date", "2025-01-01", "-o", str(work / f"split-{kb}.{fmt}")])
    t_long, c_long, m_long = measured([kg, "extract", str(long), "--date", "2025-01-01", "--max-bytes", str(size + 1), "-o", str(work / f"long-{kb}.{fmt}")])
    return {"kb": size / 1000, "articles": len(parts), "split_s": t_split, "long_s": t_long,
            "ratio": t_long / t_split, "split_cpu": c_split, "long_cpu": c_long, "cpu_ratio": c_long / c_split,
            "split_mb": m_split, "long_mb": m_long}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="10,100,300,1000,2000", help="kilobytes, comma-separated")
    parser.add_argument("--kg", default=str(Path(sys.executable).parent / "kg"))
    parser.add_argument("--format", default="nq", help="output file extension (nq, trig, ...)")
    args = parser.parse_args()
    print(f"load average at the start: {os.getloadavg()[0]:.2f} (2 CPUs, shared)", flush=True)
    print("| text | articles | split: wall | one text: wall | ratio | split: CPU | one text: CPU | ratio "
          "| split: peak RSS | one text: peak RSS |")
    print("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|", flush=True)
    with tempfile.TemporaryDirectory(prefix="kg-long-") as tmp:
        for kb in args.sizes.split(","):
            r = bench(int(kb), Path(tmp), args.kg, args.format)
            print(f"| {r['kb']:,.0f} KB | {r['articles']} | {r['split_s']:.1f} s | {r['long_s']:.1f} s | {r['ratio']:.2f}x "
                  f"| {r['split_cpu']:.1f} s | {r['long_cpu']:.1f} s | {r['cpu_ratio']:.2f}x "
                  f"| {r['split_mb']:,.0f} MB | {r['long_mb']:,.0f} MB |", flush=True)
    print(f"load average at the end: {os.getloadavg()[0]:.2f}")

if __name__ == "__main__":
    main()
