"""Time per article, stage by stage, in one process: spaCy, the rules after it, the RDF layer.

Run it with the Python of the checkout to measure (so two checkouts can be compared back to back)
on any folder of articles (``.txt`` with optional ``.json`` sidecars):

    python benchmarks/bench_articles.py examples/ --repeat 3
    /other/checkout/.venv/bin/python benchmarks/bench_articles.py FOLDER --repeat 3

Prints one table: median milliseconds per article for each stage and the total, over all the
articles, taking each article's fastest of ``--repeat`` runs (the machine is shared; the fastest
run is the least disturbed one).
"""
from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path


def _fastest(fn, repeat: int) -> tuple[float, object]:
    best, out = float("inf"), None
    for _ in range(repeat):
        t0 = time.perf_counter()
        out = fn()
        best = min(best, time.perf_counter() - t0)
    return best, out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", type=Path)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()

    import kg
    from kg.extract.articles import read_article
    from kg.extract.facts import extract_facts
    from kg.extract.nlp import load_model
    from kg.graph.rdf import article_dataset

    nlp = load_model(None)
    paths = sorted(args.folder.glob("*.txt"))
    if not paths:
        sys.exit(f"{args.folder}: no .txt articles")
    stages: dict[str, list[float]] = {"spaCy": [], "rules": [], "rdf": []}
    facts_total = 0
    for path in paths:
        article = read_article(path)
        t_nlp, doc = _fastest(lambda: nlp(article.text), args.repeat)
        t_rules, facts = _fastest(lambda: extract_facts(article, doc), args.repeat)
        t_rdf, _ = _fastest(lambda: article_dataset(facts), args.repeat)
        for name, value in zip(stages, (t_nlp, t_rules, t_rdf)):
            stages[name].append(value)
        facts_total += len(facts.facts)
    totals = [sum(v) for v in zip(*stages.values())]
    print(f"{len(paths)} articles from {args.folder}, kg at {Path(kg.__file__).parent}, {facts_total} facts")
    print("| stage | median ms/article | mean ms/article |")
    print("|---|---:|---:|")
    for name, values in [*stages.items(), ("total", totals)]:
        print(f"| {name} | {statistics.median(values) * 1000:.1f} | {statistics.mean(values) * 1000:.1f} |")


if __name__ == "__main__":
    main()
