"""The extraction pipeline: article -> spaCy Doc -> mentions -> entities -> facts.

>>> from kg.extract.pipeline import Extractor                                  # doctest: +SKIP
>>> facts = Extractor().extract(article_from_text("...", published="2025-11-28"))  # doctest: +SKIP
"""
from __future__ import annotations

from .records import Article, ArticleFacts


class Extractor:
    """Holds the loaded spaCy pipeline so that many articles share one model load."""

    def __init__(self, model: str | None = None, nlp=None):
        if nlp is None:
            from .nlp import load_model

            nlp = load_model(model)
        self.nlp = nlp

    def extract(self, article: Article) -> ArticleFacts:
        from .nlp import parse

        return self.extract_doc(article, parse(self.nlp, article.text))

    def extract_doc(self, article: Article, doc) -> ArticleFacts:
        """Run every stage after spaCy on an already parsed Doc (lets batch mode use nlp.pipe)."""
        from .facts import extract_facts

        return extract_facts(article, doc)
