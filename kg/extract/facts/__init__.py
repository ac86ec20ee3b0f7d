"""Fact extraction: from a parsed Doc and its resolved entities to typed fact records.

Each concern has its own module (roles, quotes, borders, events, measures, movements,
quantities); this one runs them in the order their dependencies need: borders add entities
that events refer to, roles give people the country that measures attribute, quotes give
speakers that quantities cite.
"""
from __future__ import annotations

from dataclasses import replace

from ..records import Article, ArticleFacts, EventFact, Kind, RoleFact
from .borders import extract_borders
from .events import extract_events
from .measures import extract_measures
from .movements import extract_movements
from .quantities import extract_quantities
from .quotes import extract_quotes
from .roles import extract_roles


def extract_facts(article: Article, doc) -> ArticleFacts:
    """Every fact the rules find in ``doc``."""
    from ..mentions import find_mentions
    from ..resolution import resolve

    tokens, ents = list(doc), list(doc.ents)  # made once for the mentions and the rules
    ctx = resolve(article, doc, find_mentions(doc, tokens, ents), tokens=tokens, ents=ents)
    extract_borders(ctx)
    facts: list = []
    role_and_orientation = extract_roles(ctx)
    roles = [f for f in role_and_orientation if isinstance(f, RoleFact)]
    facts.extend(role_and_orientation)
    quotes = extract_quotes(ctx)
    facts.extend(quotes)
    events = extract_events(ctx, roles)
    facts.extend(events)
    facts.extend(_candidate_roles(ctx, events, roles))
    facts.extend(extract_measures(ctx, quotes))
    facts.extend(extract_movements(ctx))
    facts.extend(extract_quantities(ctx, quotes))
    return ArticleFacts(article=article, entities=ctx.entities, facts=_unique(facts))


def _candidate_roles(ctx, events: list[EventFact], roles: list[RoleFact]) -> list[RoleFact]:
    """Candidates of an election run for an office, in the election's country."""
    have = {r.person for r in roles if r.status == "candidate"}
    out = []
    for e in events:
        if e.event_type != "election":
            continue
        presidential = "presidential" in e.label.lower() or "runoff" in e.label.lower()
        for person in e.candidates:
            if person in have:
                continue
            have.add(person)
            role = "presidential candidate" if presidential else "candidate"
            out.append(RoleFact(person, role, e.place if ctx.kind(e.place) is Kind.COUNTRY else ctx.country_of(e.place),
                                "candidate", replace(e.evidence, rule="role.election-candidate", confidence=0.7)))
    return out


def _unique(facts: list) -> list:
    seen = set()
    out = []
    for f in facts:
        if f not in seen:
            seen.add(f)
            out.append(f)
    return out
