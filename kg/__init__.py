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
    "Article": "records",
    "ArticleFacts": "records",
    "Extractor": "pipeline",
    "KgError": "errors",
    "add_article": "rdf",
    "article_dataset": "rdf",
    "article_from_text": "articles",
    "extract_files": "api",
    "explain_query": "explain",
    "load_graph": "graphio",
    "new_dataset": "rdf",
    "read_article": "articles",
    "run_query": "query",
    "save_graph": "graphio",
    "validate_graph": "validation",
    "write_html": "visualize",
}
__all__ = sorted(_EXPORTS)


def __getattr__(name: str):
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module 'kg' has no attribute {name!r}")
    return getattr(import_module(f".{module}", __name__), name)


def __dir__() -> list[str]:
    return __all__
