"""migration-kg: news about migration and border events as a knowledge graph.

The public surface::

    from kg import Extractor, article_from_text, article_dataset
    facts = Extractor().extract(article_from_text(text, published="2025-11-28"))
    dataset = article_dataset(facts)
"""
from __future__ import annotations

from .articles import article_from_text, read_article
from .errors import KgError
from .graphio import load_graph, save_graph
from .pipeline import Extractor
from .query import run_query
from .rdf import add_article, article_dataset, new_dataset
from .records import Article, ArticleFacts

__all__ = [
    "Article",
    "ArticleFacts",
    "Extractor",
    "KgError",
    "add_article",
    "article_dataset",
    "article_from_text",
    "load_graph",
    "new_dataset",
    "read_article",
    "run_query",
    "save_graph",
]
__version__ = "0.1.0"
