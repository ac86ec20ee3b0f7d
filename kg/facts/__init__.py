"""Fact extraction: from a parsed Doc and its resolved entities to typed fact records."""
from __future__ import annotations

from ..records import Article, ArticleFacts


def extract_facts(article: Article, doc) -> ArticleFacts:
    from ..mentions import find_mentions
    from ..resolution import resolve

    mentions = find_mentions(doc)
    context = resolve(article, doc, mentions)
    facts = ArticleFacts(article=article, entities=context.entities)
    from . import collect

    facts.facts.extend(collect(context))
    return facts
