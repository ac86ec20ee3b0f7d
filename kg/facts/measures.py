"""Policies and measures an actor declares, announces, pledges, orders or carries out (cq03).

A measure is a noun of the measure vocabulary that is the object of a verb of deciding or
doing ("declare a state of emergency", "pledged the toughest migration crackdown"), or a verb
that is itself a measure ("deployed troops", "closed the border", "criminalizing irregular
entry"). The actor is the subject of that verb, or of the verb it depends on ("the minister said he is
pushing ahead with plans to declare..."); generic subjects such as "authorities" defer to the
person reporting them. The country is the actor's, else the article's main country.
"""
from __future__ import annotations

from dataclasses import replace

from ..dates import deadline_date
from ..lexicon import BORDER_OBJECTS, FORCE_OBJECTS, MEASURE_PHRASES, MEASURE_VERBS, MODALITY_VERBS, SAY_VERBS
from ..records import MeasureFact, QuoteFact
from .syntax import (
    ACTOR_KINDS, GENERIC_AGENTS, actor_and_modality as _actor_and_modality, is_misparsed_verb, noun_actor, subject_of,
    verb_actor, verb_objects,
)

MULTI = sorted((p for p in MEASURE_PHRASES if " " in p), key=lambda p: -len(p.split()))
# The phrases by first word, each as (rank in MULTI, phrase, words): a token tries only the
# phrases that can start with it, longest first as in MULTI.
MULTI_BY_FIRST: dict[str, list[tuple[int, str, list[str]]]] = {}
for _rank, _phrase in enumerate(MULTI):
    MULTI_BY_FIRST.setdefault(_phrase.split()[0], []).append((_rank, _phrase, _phrase.split()))


def _phrases_at(tok) -> list[tuple[int, str, list[str]]]:
    lower, lemma = tok.lower_, tok.lemma_.lower()
    found = MULTI_BY_FIRST.get(lower, [])
    if lemma != lower and lemma in MULTI_BY_FIRST:
        found = sorted(found + MULTI_BY_FIRST[lemma])
    return found


def _measure_noun(tok) -> tuple[str, str] | None:
    """(measure type, match length) if a measure phrase starts or ends at ``tok``."""
    doc = tok.doc
    for _, p, words in _phrases_at(tok):
        seg = doc[tok.i : tok.i + len(words)]
        if len(seg) == len(words) and [t.lemma_.lower() for t in seg] == words or [t.lower_ for t in seg] == words:
            return MEASURE_PHRASES[p], p
    if tok.lemma_.lower() == "measure" and not any(c.dep_ == "amod" and c.lower_ not in ("some", "other", "such") for c in tok.children):
        return None  # "some measures" says nothing; "extraordinary measures" is a pledge
    if tok.pos_ == "NOUN" and tok.lemma_.lower() in MEASURE_PHRASES:
        return MEASURE_PHRASES[tok.lemma_.lower()], tok.lemma_.lower()
    return None


def _noun_label(tok, phrase: str) -> str:
    """'toughest migration crackdown', 'barrier of huge shipping containers', 'deal with Tunisia'."""
    if " " in phrase:
        words = tok.doc[tok.i - len(phrase.split()) + 1 : tok.i + 1].text
        left = [t for t in tok.doc[tok.i - len(phrase.split()) + 1].lefts if t.dep_ in ("amod", "compound") and not t.like_num]
        base = " ".join([t.text for t in left] + [words])
    else:
        left = [t for t in tok.lefts if t.dep_ in ("amod", "compound", "nmod") and not t.like_num and t.ent_type_ != "DATE" and t.tag_ != "JJS" or t.tag_ == "JJS"]
        base = " ".join([t.text for t in left] + [tok.text])
    for child in tok.children:
        if child.dep_ == "prep" and child.lower_ in ("of", "with", "on", "against"):
            pobj = next((c for c in child.children if c.dep_ == "pobj"), None)
            if pobj is not None and pobj.pos_ in ("NOUN", "PROPN"):
                mods = [t.text for t in pobj.lefts if t.dep_ in ("amod", "compound")][-2:]
                base = f"{base} {child.text} {' '.join(mods + [pobj.text])}"
            break
    return base.replace(" - ", "-")


def _verb_label(tok, default: str) -> str:
    obj = next((c for c in tok.children if c.dep_ == "dobj"), None)
    if default in ("broke off relations", "severed relations"):
        return "broke off relations"
    if default in ("troop deployment", "border closure", "suspension", "criminalizing", "installation", "delivery", "lawsuit", "scrap", "repeal"):
        if obj is None:
            return default
        words = [t for t in obj.subtree][:8]
        text = " ".join(t.text for t in words).replace(" - ", "-").replace(" ,", ",")
        if default == "troop deployment":
            return "troop deployment"
        return f"{tok.text} {text}"
    return default


def extract_measures(ctx, quotes: list[QuoteFact]) -> list:
    facts = []
    for tok in ctx.tokens:
        found = None
        lemma = tok.lemma_.lower()
        if tok.pos_ == "VERB" and lemma in MEASURE_VERBS:
            mtype, default = MEASURE_VERBS[lemma]
            if not _verb_ok(tok, lemma) or not _misparsed_ok(tok):
                continue
            speaker = ctx.speaker_at(tok)
            actor, modality, _ = (speaker, "announced", None) if speaker else _actor_and_modality(ctx, tok) if subject_of(tok) is None else (None, None, None)
            if actor is None:
                subj = subject_of(tok) or (subject_of(tok.head) if tok.dep_ == "conj" else None)
                actor = ctx.subject_entity(subj) if subj is not None else verb_actor(ctx, tok)
                if actor is None and subj is not None and subj.lemma_.lower() in GENERIC_AGENTS:
                    actor, modality, _ = _actor_and_modality(ctx, tok)
            if modality is None:
                future = {c.lower_ for c in tok.children if c.dep_ == "aux"} & {"will", "would", "shall"}
                modality = "announced" if future else MODALITY_VERBS.get(lemma, "carried out")
            found = (actor, mtype, _verb_label(tok, default), modality)
        elif tok.pos_ in ("NOUN", "PROPN"):
            hit = _measure_noun(tok)
            if hit is None:
                continue
            mtype, phrase = hit
            if tok.dep_ == "compound" and " " not in phrase:
                continue
            actor, modality, verb = noun_actor(ctx, tok)
            if verb is None and modality is None or verb is not None and verb is not tok and (
                    modality is None and verb.lemma_.lower() not in ("include", "face", "want", "need")):
                continue
            head = tok
            if " " in phrase:
                head = tok.doc[tok.i + len(phrase.split()) - 1]
            found = (actor, mtype, _noun_label(head, phrase), modality or "proposed")
        if not found or found[0] is None or ctx.kind(found[0]) not in ACTOR_KINDS:
            continue
        actor, mtype, label, modality = found
        country = ctx.country_of(actor) or ctx.home_country
        facts.append(MeasureFact(actor, label, mtype, modality, country, ctx.evidence(ctx.sent_of(tok), f"measure.{tok.pos_.lower()}", 0.7)))
    facts.extend(_deadline_measures(ctx, quotes))
    return _dedupe(facts)


def _verb_ok(tok, lemma: str) -> bool:
    obj_words = {w.lemma_.lower() for c in verb_objects(tok) for w in c.subtree}
    if lemma in ("close", "shut"):
        return bool(obj_words & BORDER_OBJECTS)
    if lemma in ("deploy", "send"):
        return bool(obj_words & FORCE_OBJECTS)
    if lemma == "suspend":
        return bool(obj_words & {"visa", "issuance", "flight", "entry", "asylum", "program", "programme", "permit"})
    if lemma in ("scrap", "trash", "repeal"):
        return bool(obj_words & {"plan", "scheme", "policy", "law", "deal", "program", "programme"})
    if lemma == "deliver":
        return bool(obj_words & {"vehicle", "troop", "equipment", "aid", "weapon"})
    if lemma in ("break", "sever"):
        return bool(obj_words & {"relation", "relations", "tie", "ties"})
    if lemma == "install":
        return bool(obj_words & {"barrier", "fence", "buoy", "wall", "container", "camera"})
    return tok.tag_ != "VBN" or any(c.dep_ in ("aux", "auxpass") for c in tok.children)


def _misparsed_ok(tok) -> bool:
    return tok.dep_ not in ("amod", "compound") or is_misparsed_verb(tok)


def _deadline_measures(ctx, quotes: list[QuoteFact]) -> list:
    """'you have 103 days left to leave' in a quote -> the speaker's deadline."""
    facts = []
    for q in quotes:
        if deadline_date(q.text, ctx.article.published):
            country = ctx.country_of(q.speaker) or ctx.home_country
            facts.append(MeasureFact(q.speaker, "deadline to leave", "deadline", "announced", country,
                                     replace(q.evidence, rule="measure.deadline-in-quote", confidence=0.7)))
    for sent in ctx.sents:
        text = ctx.sent_text(sent)
        if '"' in text or "“" in text:
            continue
        if deadline_date(text, ctx.article.published):
            verb = next((t for t in sent if t.lemma_.lower() in SAY_VERBS | {"announce", "order", "set", "give"} and t.pos_ == "VERB"), None)
            subj = subject_of(verb) if verb is not None else None
            actor = ctx.subject_entity(subj) if subj is not None else None
            if actor:
                facts.append(MeasureFact(actor, "deadline to leave", "deadline", MODALITY_VERBS.get(verb.lemma_.lower(), "announced"),
                                         ctx.country_of(actor) or ctx.home_country, ctx.evidence(sent, "measure.deadline", 0.7)))
    return facts


def _dedupe(facts: list[MeasureFact]) -> list[MeasureFact]:
    seen = set()
    out = []
    for f in facts:
        # one measure per actor, label and country; and per actor, type and sentence
        # ("will deploy 5,000 more soldiers" is one deployment, not a deployment and soldiers)
        keys = {(f.actor, f.label.lower(), f.country), (f.actor, f.measure_type, f.evidence.sentence.start)}
        if not keys & seen:
            seen.update(keys)
            out.append(f)
    return out
