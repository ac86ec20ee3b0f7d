"""migration-kg: news about migration and border events as a knowledge graph.

The public surface (imported on first use, so ``import kg`` stays instant and never loads spaCy)::

    from kg import Extractor, article_from_text, article_dataset, run_query
    facts = Extractor().extract(article_from_text(text, published="2025-11-28"))
    dataset = article_dataset(facts)
    answer = run_query(dataset, "SELECT ?s WHERE { ?s a <https://schema.org/Person> }")
"""
from __future__ import annotations

from importlib import import_module

__version__ = "0.1.0"

_EXPORTS = {
    "Article": "extract.records",
    "ArticleFacts": "extract.records",
    "Extractor": "extract.pipeline",
    "KgError": "errors",
    "add_article": "graph.rdf",
    "article_dataset": "graph.rdf",
    "article_from_text": "extract.articles",
    "extract_files": "api",
    "explain_query": "view.explain",
    "load_graph": "graph.graphio",
    "new_dataset": "graph.rdf",
    "read_article": "extract.articles",
    "run_query": "store.query",
    "save_graph": "graph.graphio",
    "validate_graph": "graph.validation",
    "write_html": "view.visualize",
}
__all__ = sorted(_EXPORTS)


def __getattr__(name: str):
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module 'kg' has no attribute {name!r}")
    return getattr(import_module(f".{module}", __name__), name)


def __dir__() -> list[str]:
    return __all__
