"""Policies and measures an actor declares, announces, pledges, orders or carries out (cq03).

A measure is a noun of the measure vocabulary that is the object of a verb of deciding or
doing ("declare a state of emergency", "pledged the toughest migration crackdown", "announced the
closure of the last camp"), a named legal instrument or operation ("amended the Safe Transit
Agreement", "Operation Lone Star"), a court's decision ("a Court of Appeal ruling"), or a verb
that is itself a measure ("deployed troops", "sealed its border", "send all the refugees home",
"a federal court reversed the move"). Generic nouns (plan, policy, package) count only with a word
that says which; nothing under a negated, urged ("should") or opposing ("circumvent") verb counts.

The actor is the subject of that verb, the agent of a passive, or the subject of the verb it
depends on ("the minister said he is pushing ahead with plans to declare..."); an owner ("Moreno's
declaration of the Act"), the noun a relative clause describes ("Lindqvist, who negotiated a deal"),
the speaker of a quotation when no one else acts in it, or a state body named by a common noun
("the coast guard", "immigration officers"). Generic subjects such as "authorities" defer to the
person reporting them. The country is the one a sanction or tariff targets, else the actor's,
else the article's home country.
"""
from __future__ import annotations

from dataclasses import replace

from ..dates import deadline_date
from ..lexicon import (
    BORDER_OBJECTS, FORCE_OBJECTS, GENERIC_MEASURE_NOUNS, GROUP_NOUNS, LEGAL_NAME_HEADS, MEASURE_PHRASES, MEASURE_VERBS,
    MODALITY_VERBS, SAY_VERBS,
)
from ..records import Kind, MeasureFact, QuoteFact
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
    if tok.pos_ == "ADJ":
        return None
    lemma = tok.lemma_.lower()
    if tok.pos_ == "NOUN" and lemma in MEASURE_PHRASES and (lemma not in GENERIC_MEASURE_NOUNS or _qualified(tok)):
        return MEASURE_PHRASES[lemma], lemma
    if tok.pos_ == "PROPN" and lemma in LEGAL_NAME_HEADS and _proper_name(tok) is not None:
        return MEASURE_PHRASES.get(lemma, "legislation"), lemma
    return None


# Nouns of moving that are measures only when people are moved ("transfer of refugees", not "of power").
MOVING_NOUNS = {"transfer", "relocation", "removal"}
VAGUE_MODIFIERS = {"new", "other", "such", "some", "same", "previous", "current", "last", "first", "own", "whole", "entire", "this", "that"}


def _qualified(tok) -> bool:
    """'asylum package', 'specific program', 'closure of the last camp': a generic measure noun
    with a word that says which measure; not 'the plan', 'its policy', 'plans to ...'."""
    if tok.lower_ == "order" and tok.head.lower_ == "in":
        return False
    if tok.lemma_.lower() in OPERATION_NOUNS and tok.dep_ == "pobj" and tok.head.lower_ in ("in", "during") and any(
            c.dep_ == "det" for c in tok.children):
        return True  # "detained 59 people in an operation" (not "in operation")
    lemma = tok.lemma_.lower()
    for child in tok.children:
        if child.dep_ in ("amod", "compound", "nmod") and child.is_alpha and child.lower_ not in VAGUE_MODIFIERS and not (
                lemma == "order" and child.dep_ == "amod"):  # "public order" is not an order anyone issued
            return True
        if child.dep_ == "acl" and child.tag_ == "VBG":  # "an order blocking the deportations"
            return True
        if child.dep_ == "prep" and child.lower_ in ("of", "for", "against"):
            pobj = next((c for c in child.children if c.dep_ == "pobj"), None)
            if pobj is not None and pobj.ent_type_ not in ("DATE", "TIME") and pobj.pos_ in ("NOUN", "PROPN") and not (
                    pobj.lemma_.lower() in MEASURE_PHRASES or any(p.startswith(pobj.lower_ + " ") for p in MULTI)) and (
                    lemma not in MOVING_NOUNS or pobj.lemma_.lower() in GROUP_NOUNS | ASYLUM_PEOPLE or pobj.ent_type_ == "NORP"):
                return True
    return False


def _proper_name(tok) -> tuple[int, int] | None:
    """Token range of 'Illegal Migration Bill', 'Safe Third Country Agreement', 'Operation Lone
    Star': a run of capitalised words ending in (or, for operations, starting with) a legal or
    operational noun."""
    doc = tok.doc
    if tok.lower_ == "operation":
        end = tok.i + 1
        while end < len(doc) and end - tok.i <= 4 and doc[end].pos_ == "PROPN" and doc[end].text[:1].isupper():
            end += 1
        return (tok.i, end) if end > tok.i + 1 and tok.dep_ == "compound" and tok.head.i == end - 1 else None
    if tok.dep_ == "compound":
        return None
    start = tok.i
    while start > tok.left_edge.i and doc[start - 1].text[:1].isupper() and doc[start - 1].is_alpha and doc[start - 1].dep_ != "det":
        start -= 1
    return (start, tok.i + 1) if start < tok.i else None


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
            if pobj is not None and pobj.pos_ in ("NOUN", "PROPN") and pobj.ent_type_ not in ("DATE", "TIME"):
                mods = [t.text for t in pobj.lefts if t.dep_ in ("amod", "compound")][-2:]
                base = f"{base} {child.text} {' '.join(mods + [pobj.text])}"
            break
    return base.replace(" - ", "-")


def _verb_label(tok, default: str) -> str:
    obj = next((c for c in tok.children if c.dep_ == "dobj"), None)
    dest = _destination_words(tok) if default in TRANSFER_LABELS else []
    if dest:  # "takes migrants to the Austrian frontier", "transferred to reception centres"
        head = _phrase_label(tok, obj) if obj is not None else tok.text
        return f"{head} {' '.join(t.text for t in dest)}".replace(" - ", "-")
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
    if default in ("admission", "custody", "sanction") and obj is not None:
        return _admission_label(tok, obj)
    if default in PHRASAL_LABELS and obj is not None:
        return _phrase_label(tok, obj)
    if default == "crack down":
        on = next((c for c in tok.children if c.dep_ == "prep" and c.lower_ == "on"), None)
        pobj = next((c for c in on.children if c.dep_ == "pobj"), None) if on is not None else None
        if pobj is None:
            return "crackdown"
        return " ".join([tok.text, "down on"] + [t.text for t in tok.doc[pobj.left_edge.i : pobj.i + 1]][-5:])
    return default


# Verb measures labelled by the verb phrase itself ("transporting them to the border" is too long;
# "send all the refugees home", "cut aid", "tightened migration legislation" are what was done).
PHRASAL_LABELS = {"transport", "transfer", "relocation", "cut", "tighten", "ban", "bar", "send back", "return", "turned away",
                  "secure", "reverse", "overturn", "uphold", "reject", "block", "offer", "stop", "curb", "stem", "halt"}


# Verb measures of moving people whose label keeps where they were taken.
TRANSFER_LABELS = {"transfer", "transport", "relocation"}


QUANTITY_NOUNS = {"hundreds", "thousands", "dozens", "millions", "tens", "scores", "group", "number", "majority"}


def _admission_label(verb, obj) -> str:
    """'take in the remaining 150-200 migrants', 'accepted 2,400 evacuees from Ukraine', 'taken
    three suspects into custody', 'sanctioned the West African nation': the verb, its particle,
    its object with a "from" phrase, and "into custody"."""
    words = [verb] + [c for c in verb.children if c.dep_ == "prt"] + list(obj.doc[obj.left_edge.i : obj.i + 1])[-7:]
    for child in obj.children:
        if child.dep_ == "prep" and child.lower_ == "from":
            words += [t for t in child.subtree][:4]
    for child in verb.children:
        if child.dep_ == "prep" and child.lower_ == "into" and any(g.lower_ == "custody" for g in child.children):
            words += [t for t in child.subtree]
    return " ".join(t.text for t in sorted(set(words), key=lambda t: t.i)).replace(" - ", "-").replace(" ,", ",")


def _phrase_label(verb, obj) -> str:
    """The verb, its particle ("back", "away", "home") and its object (at most 8 words)."""
    words = [verb] + [c for c in verb.children if c.dep_ in ("prt", "advmod") and c.lower_ in ("back", "away", "home")]
    if _antecedent(obj) is not None:  # "transporting them" -> "transporting migrants"
        return " ".join(t.text for t in sorted(words, key=lambda t: t.i)) + " " + _antecedent(obj).text
    words += [t for t in obj.doc[obj.left_edge.i : obj.i + 1]][-6:]
    of = next((c for c in obj.children if c.dep_ == "prep" and c.lower_ == "of"), None)
    pobj = next((c for c in of.children if c.dep_ == "pobj"), None) if of is not None else None
    if pobj is not None and (obj.like_num or obj.lower_ in QUANTITY_NOUNS):
        words += [of] + [t for t in obj.doc[pobj.left_edge.i : pobj.i + 1]][-4:]
    return " ".join(t.text for t in sorted(words, key=lambda t: t.i)).replace(" - ", "-").replace(" ,", ",")


# Verbs of caused motion ("took them to the frontier", "were driven to the desert", "shifted
# families to holding camps"): a transfer of people when they move people of the migration
# vocabulary to a stated destination.
CAUSED_MOTION_VERBS = {"take", "drive", "shift", "move", "bring", "carry", "fly", "escort", "ferry", "truck"}
# Verbs of admitting people ("accepted 2,000 evacuees", "will take in the remaining migrants"),
# of sanctioning a state or person, and of committing money ("will mobilise EUR 210 million").
ADMISSION_VERBS = {"accept", "admit", "resettle"}  # and "take in" (_takes_in)
FUNDING_VERBS = {"mobilize", "mobilise", "allocate", "earmark", "disburse"}
VERB_MEASURES = {**{v: ("transfer", "transfer") for v in CAUSED_MOTION_VERBS},
                 **{v: ("admission", "admission") for v in ADMISSION_VERBS},
                 **{v: ("funding", "offer") for v in FUNDING_VERBS},
                 "remove": ("deportation", "removal"), "sanction": ("sanctions", "sanction"),
                 "provide": ("assistance", "offer"), **MEASURE_VERBS}
# What a state body provides to people as a measure: shelter, care, protection ("the national police
# is providing protection and security").
PROVIDED_AID = {"shelter", "food", "accommodation", "housing", "care", "protection", "security", "assistance", "aid",
                "water", "blanket", "tent", "medicine", "treatment"}
SANCTIONED_NOUNS = {"country", "nation", "state", "government", "regime", "official", "leader", "junta", "company",
                    "individual", "entity"}
# People whose moving by someone else is a measure (not survivors taken to hospital, not passengers).
MOVED_PEOPLE = {"migrant", "immigrant", "emigrant", "refugee", "asylum-seeker", "seeker", "foreigner", "deportee",
                "returnee", "evacuee", "exile", "family", "national"}
DESTINATION_PREPS = ("to", "into", "toward", "towards")


def extract_measures(ctx, quotes: list[QuoteFact]) -> list:
    """Every measure of the article: verbs that are measures, measure nouns under verbs of
    deciding or doing, and deadlines set in quotations."""
    facts = []
    for tok in ctx.tokens:
        if tok.pos_ == "VERB" and tok.lemma_.lower() in VERB_MEASURES:
            found = _verb_measure(ctx, tok)
        elif tok.pos_ in ("NOUN", "PROPN", "ADJ"):  # ADJ: a phrase such as "tear gas" may start with one
            found = _noun_measure(ctx, tok)
        else:
            continue
        if not found:
            continue
        for actor in _actors(ctx, tok, found[0]):
            if ctx.kind(actor) not in ACTOR_KINDS or _names_a_measure(ctx, actor):
                continue
            _, mtype, label, modality = found
            country = (_target_country(ctx, tok, TARGETED_TYPES[mtype]) if mtype in TARGETED_TYPES else None) or (
                ctx.country_of(actor) or ctx.home_country)
            if tok.pos_ == "VERB" and mtype == "sanctions" and country == ctx.country_of(actor) and ctx.home_country != country:
                country = ctx.home_country  # "sanctioned the nation": the article's country, not the sanctioner's
            facts.append(MeasureFact(actor, label, mtype, modality, country,
                                     ctx.evidence(ctx.sent_of(tok), f"measure.{tok.pos_.lower()}", 0.7)))
    facts.extend(_deadline_measures(ctx, quotes))
    acted = {(f.actor, f.evidence.sentence.start) for f in facts}
    later = _pledged_contents(ctx) + _deadlines(ctx)
    facts.extend(f for f in later if (f.actor, f.evidence.sentence.start) not in acted)
    return _dedupe(facts)


def _actors(ctx, tok, actor) -> list[str]:
    """The actor and those coordinated with it in the subject ("Canada and the United States
    amended...", "the Polish and Lithuanian governments signed..."); for "the two countries" with
    no name, the two countries the article has named most up to there."""
    subj = _doer(tok) if tok.pos_ == "VERB" else _first_subject(tok)
    if subj is None:
        return [actor] if actor else []
    if actor is None:
        return _named_pair(ctx, subj)
    if ctx.subject_entity(subj) != actor:
        return [actor]
    found = [actor]
    for t in [subj] + [c for c in subj.children if c.dep_ in ("amod", "compound", "nmod")]:
        for other in t.conjuncts:
            key = ctx.entity_of(other) if other.pos_ in ("NOUN", "PROPN") else ctx.key_at(other.i)
            kind = ctx.kind(key)
            if key and key not in found and kind in ACTOR_KINDS and (kind is not Kind.PLACE or ctx.entities[key].country):
                found.append(key)
    return found


PAIR_NOUNS = {"country", "nation", "government", "state", "neighbour", "neighbor", "side", "capital"}


def _named_pair(ctx, subj) -> list[str]:
    """'the two countries', 'both governments': the two countries named most up to the end of the sentence."""
    if subj.lemma_.lower() not in PAIR_NOUNS or subj.tag_ not in ("NNS", "NNPS") or not any(
            c.lower_ in ("two", "both") for c in subj.children):
        return []
    counts: dict[str, int] = {}
    for i in range(ctx.sent_of(subj).end):
        key = ctx.key_at(i)
        if key and ctx.kind(key) is Kind.COUNTRY:
            counts[key] = counts.get(key, 0) + 1
    ranked = sorted(counts, key=lambda k: -counts[k])  # stable: ties keep the first named first
    if len(ranked) < 2 or len(ranked) > 2 and counts[ranked[1]] == counts[ranked[2]]:
        return []  # no clear pair
    return ranked[:2]


# A pledge's content is a measure whatever its verb: "pledged to cooperate and seek the
# perpetrators", "pledges from the administration to finish construction of the wall", "a call by
# the committee to suspend deportations". Verbs and nouns of committing (with their modality);
# nouns count only with an owner or a "by"/"from" agent.
PLEDGE_VERBS = {"pledge": "pledged", "vow": "pledged", "promise": "pledged", "decide": "ordered"}
PLEDGE_NOUNS = {"pledge": "pledged", "promise": "pledged", "vow": "pledged", "commitment": "pledged",
                "call": "proposed", "plan": "planned", "proposal": "proposed", "decision": "ordered"}
# Contents that are not measures: being, staying, going, meeting, speaking.
LIGHT_VERBS = {"be", "have", "do", "go", "come", "stay", "remain", "leave", "visit", "attend", "meet", "travel", "look",
               "speak", "talk", "say", "tell", "run", "win", "see", "get", "make", "take", "keep", "continue", "try"}


def _pledged_contents(ctx) -> list:
    """Measures that are the content of a pledge, decision or call (to-infinitive of the verb or noun)."""
    facts = []
    for tok in ctx.tokens:
        lemma = tok.lemma_.lower()
        if tok.pos_ == "VERB" and lemma in PLEDGE_VERBS:
            content = next((c for c in tok.children if c.dep_ == "xcomp" and c.pos_ == "VERB"), None)
            actor = _pledger(ctx, _doer(tok)) if not _unreal(tok) else None
            modality = PLEDGE_VERBS[lemma]
        elif tok.pos_ == "NOUN" and lemma in PLEDGE_NOUNS:
            content = next((c for c in tok.children if c.dep_ == "acl" and c.pos_ == "VERB"), None)
            actor = _noun_agent(ctx, tok)
            modality = PLEDGE_NOUNS[lemma]
        else:
            continue
        if content is None or actor is None or not _to_infinitive(content) or content.lemma_.lower() in LIGHT_VERBS:
            continue
        if _unreal(content) or any(c.dep_ == "neg" for c in tok.children):
            continue
        country = ctx.country_of(actor) or ctx.home_country
        facts.append(MeasureFact(actor, _content_label(content), "pledge", modality, country,
                                 ctx.evidence(ctx.sent_of(tok), "measure.pledge-content", 0.6)))
    return facts


# Deadlines for people to leave: a deadline noun with its owner ("a government deadline", "a
# deadline from the capital"), and an announced obligation ("the ministry announced that all
# undocumented immigrants had to leave the country within 28 days").
DEADLINE_NOUNS = {"deadline", "ultimatum"}
LEAVING_VERBS = {"leave", "depart", "quit", "exit"}
ANNOUNCING_VERBS = {"announce", "declare", "order", "decree", "rule", "decide", "warn", "tell"}


def _deadlines(ctx) -> list:
    facts = []
    for tok in ctx.tokens:
        if tok.pos_ == "NOUN" and tok.lemma_.lower() in DEADLINE_NOUNS:
            actor = _noun_agent(ctx, tok) or next(
                (_state_body(ctx, c) for c in tok.children if c.dep_ == "compound" and c.lemma_.lower() in STATE_BODY_HEADS), None)
            label = _noun_label(tok, tok.lemma_.lower())
            modality = "ordered"
        elif tok.pos_ == "VERB" and tok.lemma_.lower() in LEAVING_VERBS and _obliged(tok):
            clause = tok.head if tok.dep_ == "xcomp" and tok.head.lemma_.lower() == "have" else tok
            verb = clause.head  # the verb the obligation is announced by
            if clause.dep_ != "ccomp" or verb.lemma_.lower() not in ANNOUNCING_VERBS or _unreal(verb):
                continue
            actor, label = _pledger(ctx, _doer(verb)), _content_label(tok)
            modality = MODALITY_VERBS.get(verb.lemma_.lower(), "ordered")
        else:
            continue
        if actor is not None:
            country = ctx.country_of(actor) or ctx.home_country
            facts.append(MeasureFact(actor, label, "deadline", modality, country, ctx.evidence(ctx.sent_of(tok), "measure.deadline-noun"
                                                                                               if tok.pos_ == "NOUN" else "measure.must-leave", 0.6)))
    return facts


def _obliged(verb) -> bool:
    """'had to leave', 'must leave': people obliged to leave (not "decided to leave")."""
    head = verb.head
    people = lambda v: any(c.dep_ == "nsubj" and c.lemma_.lower() in GROUP_NOUNS | ASYLUM_PEOPLE | MIGRANT_WORDS for c in v.children)  # noqa: E731
    if verb.dep_ == "xcomp" and head.lemma_.lower() == "have" and _to_infinitive(verb):
        return people(head)
    return any(c.dep_ == "aux" and c.lower_ == "must" for c in verb.children) and people(verb)


MIGRANT_WORDS = {"holder", "foreigner", "immigrant", "national", "alien"}


def _to_infinitive(verb) -> bool:
    return verb.tag_ == "VB" and any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)


def _pledger(ctx, subj) -> str | None:
    """A state, body or organisation, or a person who holds an office (not any named person); a
    state body named by a common noun ("the Ruiz administration") when its name is no such actor."""
    if subj is None:
        return None
    key = ctx.subject_entity(subj)
    kind = ctx.kind(key)
    if key is None or kind not in ACTOR_KINDS or kind is Kind.PERSON and not ctx.entities[key].country or (
            kind is Kind.PLACE and not ctx.entities[key].country):
        return _state_body(ctx, subj)
    return key


def _noun_agent(ctx, noun) -> str | None:
    """The owner of a noun ("the minister's pledge") or its "by"/"from" agent ("a call by the committee")."""
    for child in noun.children:
        if child.dep_ == "poss":
            return _pledger(ctx, child)
        if child.dep_ in ("prep", "agent") and child.lower_ in ("by", "from"):
            pobj = next((c for c in child.children if c.dep_ == "pobj"), None)
            if pobj is not None:
                return _pledger(ctx, pobj)
    return None


CLAUSE_DEPS = ("relcl", "acl", "advcl", "ccomp", "parataxis", "appos")


def _content_label(verb) -> str:
    """The content verb phrase: the verb, its object or first prepositional phrase, and a verb
    coordinated with it ("cooperate and seek the perpetrators"), without "to" and without the
    clauses inside (at most 10 words)."""
    picked = sorted(_vp_words(verb, 0), key=lambda t: t.i)
    words = []
    for t in picked:  # the contiguous run from the verb
        if words and t.i != words[-1].i + 1:
            break
        words.append(t)
    while words and (words[-1].is_punct or words[-1].dep_ in ("cc", "prep", "det")):
        words.pop()
    return " ".join(t.text for t in words[:10]).replace(" - ", "-").replace(" ,", ",").replace(" ’s", "’s").replace(" 's", "'s")


def _vp_words(verb, depth: int) -> set:
    words = {verb}
    first_prep = True
    for c in verb.children:
        if c.dep_ in ("dobj", "prt", "dative", "attr", "acomp", "oprd") or c.dep_ == "prep" and first_prep:
            words |= _phrase(c)
            first_prep = first_prep and c.dep_ != "prep"
        elif c.dep_ == "cc" and depth == 0:
            words.add(c)
        elif c.dep_ == "conj" and c.pos_ == "VERB" and depth == 0 and not any(g.dep_ in ("nsubj", "mark") for g in c.children):
            words |= _vp_words(c, 1)
    return words


def _phrase(tok) -> set:
    """A phrase's words without the clauses inside it."""
    cut = set()
    for t in tok.subtree:
        if t.dep_ in CLAUSE_DEPS and t is not tok:
            cut |= {u.i for u in t.subtree}
    return {t for t in tok.subtree if t.i not in cut}


def _verb_measure(ctx, tok) -> tuple | None:
    """(actor, type, label, modality) for a verb that is itself a measure ("sealed its border")."""
    lemma = tok.lemma_.lower()
    mtype, default = ("deportation", "send back") if _sends_back(tok) else ("admission", "admission") if _takes_in(tok) else (
        ("arrests", "custody") if _into_custody(tok) else VERB_MEASURES[lemma])
    if not _verb_ok(tok, lemma) or not _misparsed_ok(tok) or _unreal(tok) or _gerund_reported(tok) or _evaluated(tok):
        return None
    speaker = _quoted_actor(ctx, tok)
    actor, modality, above = (speaker, "announced", None) if speaker else _actor_and_modality(ctx, tok) if subject_of(tok) is None else (None, None, None)
    if above is not None and above.lemma_.lower() in JUDGING_VERBS | OPPOSING_VERBS:
        return None  # "praised Colombia's initiative to provide ...": the praising subject does not act
    if actor is None:
        subj = _doer(tok)
        described = subj is not None and subj.i == tok.head.i and tok.dep_ == "relcl"
        if described:
            actor = _described_entity(ctx, subj)
        else:
            actor = ctx.subject_entity(subj) if subj is not None else None if _is_passive(tok) else verb_actor(ctx, tok)
        if actor is None and subj is not None and subj.lower_ == "it":
            actor = _state_it(ctx, subj)
        if actor is None and subj is not None and subj.lemma_.lower() in GENERIC_AGENTS and not described:
            actor, modality, _ = _actor_and_modality(ctx, tok)
        if actor is None and subj is not None:
            actor = _state_body(ctx, subj)
        if (actor is None or ctx.kind(actor) not in ACTOR_KINDS) and _agentless_passive(tok) and ctx.speaker_at(tok) is None:
            # (a passive inside a quotation is a witness's description, not the narrator's report)
            actor = _implicit_state_body(ctx, tok)
        if actor is None and tok.dep_ == "acl" and tok.head.lemma_.lower() in PLEDGE_WORDS | set(NOMINAL_DOINGS):
            # "Hale's pledge to stop the boats" (not "Okafor's refusal to secure the border")
            actor, modality, _ = _owner(ctx, tok.head) or (None, modality, None)
    if modality is None:
        future = {c.lower_ for c in tok.children if c.dep_ == "aux"} & {"will", "would", "shall"}
        modality = "announced" if future else MODALITY_VERBS.get(lemma, "carried out")
    return actor, mtype, _verb_label(tok, default), modality


def _noun_measure(ctx, tok) -> tuple | None:
    """(actor, type, label, modality) for a measure noun or named instrument that a verb of
    deciding or doing governs, or that an owner, a court or an operation's doer stands behind."""
    hit = _measure_noun(tok) or _court_decision(ctx, tok)
    if hit is None:
        return None
    mtype, phrase = hit
    name = _proper_name(tok) if tok.pos_ == "PROPN" else None
    if tok.dep_ == "compound" and " " not in phrase and name is None:
        return None
    head = tok.doc[name[1] - 1] if name else tok
    actor, modality, verb = (_court_owner(ctx, head) or _owner(ctx, head) or _operation_actor(ctx, head)
                             or noun_actor(ctx, head))
    if actor is None and mtype in ENFORCEMENT_TYPES and _done_without_agent(ctx, head):
        # "joint patrols were being organised", "a curfew was imposed": the authorities of the article's country
        body = _implicit_authorities(ctx)
        if body is not None:
            return body, mtype, _measure_label(tok, head, phrase, name, mtype), "carried out"
    if (actor is None or ctx.key_at(head.i) == actor) and name is not None and _enacted_without_agent(head):
        # (the law's own name is no actor)
        # "The Illegal Migration Bill has become law": no one named, the government of the article's country
        body = _implicit_government(ctx)
        if body is not None:
            return body, mtype, _measure_label(tok, head, phrase, name, mtype), "carried out"
    near = _first_subject(head)
    if near is not None and near.lower_ in ("it", "they", "this") and verb is not None and near.head is not verb:
        return None  # "before it imposes new requirements": whoever "it" is, not a subject further up
    if actor is None and modality is not None:
        actor = _subject_actor(ctx, near)
    if verb is None and modality is None or verb is not None and verb is not tok and (
            modality is None and verb.lemma_.lower() not in ("include", "face", "want", "need")):
        return None
    if verb is not None and verb.head is not head and not _governed_by_doing(head) or (
            actor is not None and ctx.key_at(head.i) == actor) or verb is not None and verb.lemma_.lower() in JUDGING_VERBS:
        return None
    if head.lemma_.lower() == "pushback" and any(c.dep_ == "prep" and c.lower_ in ("from", "against") for c in head.children):
        return None  # "despite pushback from opposition parties": resistance, not a border pushback
    return actor, mtype, _measure_label(tok, head, phrase, name, mtype), modality or "proposed"


def _measure_label(tok, head, phrase: str, name: tuple[int, int] | None, mtype: str) -> str:
    """A named instrument's name, a court decision with its court, else the phrase and its modifiers."""
    if name:
        return tok.doc[name[0] : name[1]].text
    court = _court_child(head) if mtype == "court ruling" else None
    if court is not None:
        return " ".join(t.text for t in tok.doc[court.left_edge.i : head.i + 1] if t.dep_ != "det")
    if " " in phrase:
        head = tok.doc[tok.i + len(phrase.split()) - 1]
    return _noun_label(head, phrase)


# Head nouns of state bodies that act without a name: "the coast guard", "French law
# enforcement", "immigration officers", "a federal court", "Libyan officials".
# "Five migrants were arrested", "the groups were transferred to reception centres": with no
# agent, the doer of an arrest is the police and of a transfer the authorities of the country.
# A deportation's doer is the government of the country the people are sent from: the article's
# own unless a "from" phrase names another, and none when they are sent to the article's own.
IMPLICIT_STATE_AGENTS = {"arrest": "police", "detain": "police", "transfer": "authorities", "transport": "authorities",
                         "relocate": "authorities", "deport": "government", "repatriate": "government",
                         "expel": "government", "remove": "government"}


def _agentless_passive(verb) -> bool:
    """A passive measure verb that happened ("were arrested", "have been transferred") with no "by"
    agent; not a warning or plan ("you will be arrested") nor a non-finite one ("to avoid being arrested")."""
    children = {c.dep_ for c in verb.children}
    finite = any(c.dep_ in ("aux", "auxpass") and c.tag_ in ("VBD", "VBP", "VBZ") for c in verb.children) and not any(
        c.dep_ == "aux" and c.tag_ == "MD" for c in verb.children)
    return (verb.lemma_.lower() in IMPLICIT_STATE_AGENTS and verb.tag_ == "VBN" and "auxpass" in children
            and "agent" not in children and finite)


def _implicit_state_body(ctx, verb) -> str | None:
    """The state body an agentless passive implies, of the article's own country (none without one)."""
    country = ctx.home_country
    name = IMPLICIT_STATE_AGENTS[verb.lemma_.lower()]
    if name == "government":
        sent_to = _prep_countries(ctx, verb, ("to",))
        country = next(iter(_prep_countries(ctx, verb, ("from",))), None) or (None if country in sent_to else country)
    if country is None:
        return None
    key = f"{Kind.GOVERNMENT.value}:body-{name}" if country == ctx.home_country else f"{Kind.GOVERNMENT.value}:body-{name}-{country}"
    return ctx.add(Kind.GOVERNMENT, name, key=key, country=country)


# Verbs that complete a law: passed, enacted, signed (passive, no agent); "became law", "came
# into force", "took effect", "received Royal Assent".
ENACTING_VERBS = {"pass", "enact", "approve", "adopt", "sign", "ratify", "promulgate"}


def _enacted_without_agent(noun) -> bool:
    if noun.dep_ not in ("nsubj", "nsubjpass"):
        return False
    verb = noun.head
    lemma, kids = verb.lemma_.lower(), list(verb.children)
    if lemma in ENACTING_VERBS:
        return noun.dep_ == "nsubjpass" and not any(c.dep_ == "agent" for c in kids)
    words = {t.lemma_.lower() for c in kids if c.dep_ in ("attr", "xcomp", "dobj", "prep", "oprd") for t in c.subtree}
    return (lemma == "become" and bool(words & {"law", "act"}) or lemma in ("come", "enter") and "force" in words
            or lemma == "take" and "effect" in words or lemma == "receive" and "assent" in words)


# Measures a state's authorities carry out on the ground (not laws, deals or funds, whose makers the
# text must name).
ENFORCEMENT_TYPES = {"patrols", "checkpoints", "curfew", "state of emergency", "barrier", "border controls", "raid",
                     "evacuation", "eviction", "detention", "surveillance", "crackdown", "identity checks",
                     "closure", "reception facility", "troop deployment", "rescue operation"}


def _done_without_agent(ctx, noun) -> bool:
    """A measure noun that is the subject of a finite passive verb of doing with no agent, outside
    quotations ("joint patrols were being organised"); not a plan ("will be imposed")."""
    verb = noun.head
    return (noun.dep_ == "nsubjpass" and verb.pos_ == "VERB" and verb.lemma_.lower() in MODALITY_VERBS
            and _agentless_finite(verb) and ctx.speaker_at(noun) is None and not _unreal(verb)
            and not any(c.lower_ == "no" for c in noun.children))


def _agentless_finite(verb) -> bool:
    children = {c.dep_ for c in verb.children}
    finite = any(c.dep_ in ("aux", "auxpass") and c.tag_ in ("VBD", "VBP", "VBZ") for c in verb.children) and not any(
        c.dep_ == "aux" and c.tag_ == "MD" for c in verb.children)
    return verb.tag_ == "VBN" and "auxpass" in children and "agent" not in children and finite


def _implicit_authorities(ctx) -> str | None:
    country = ctx.home_country
    if country is None:
        return None
    return ctx.add(Kind.GOVERNMENT, "authorities", key=f"{Kind.GOVERNMENT.value}:body-authorities", country=country)


def _implicit_government(ctx) -> str | None:
    country = ctx.home_country
    if country is None:
        return None
    return ctx.add(Kind.GOVERNMENT, "government", key=f"{Kind.GOVERNMENT.value}:body-government", country=country)


def _prep_countries(ctx, verb, preps: tuple[str, ...]) -> set[str]:
    """Countries named in the verb's "to"/"from" phrases ("deported to Haiti" -> Haiti)."""
    found = set()
    for child in verb.children:
        if child.dep_ == "prep" and child.lower_ in preps:
            for t in child.subtree:
                key = ctx.key_at(t.i)
                if key and ctx.country_of(key):
                    found.add(ctx.country_of(key))
    return found


STATE_BODY_HEADS = {"police", "guard", "court", "government", "ministry", "authority", "officer", "official", "personnel",
                    "enforcement", "navy", "army", "military", "legislature", "parliament", "cabinet", "prefecture",
                    "agency", "department", "administration", "council", "prosecutor", "gendarmerie", "troop", "soldier",
                    "judge"}
FORCE_HEADS = {"navy", "army", "military", "troop", "soldier", "gendarmerie"}


def _first_subject(tok):
    """The subject (or passive agent) of the first verb above ``tok`` that has one; for a relative
    clause, the noun it describes ("Lindqvist, who negotiated an earlier deal")."""
    cur = tok
    for _ in range(10):
        if cur.head is cur or cur.dep_ in ("csubj", "csubjpass"):  # a clause that is a subject has its own
            return None
        cur = cur.head
        if cur.pos_ in ("VERB", "AUX"):
            subj = _agent_of(cur) or subject_of(cur)
            if subj is not None and subj.lower_ in RELATIVE_PRONOUNS and cur.dep_ == "relcl":
                return cur.head
            if subj is not None:
                return subj
    return None


def _subject_actor(ctx, subj) -> str | None:
    """The entity a subject names (not a bare place such as a dateline city), else a state body."""
    if subj is None:
        return None
    key = ctx.subject_entity(subj)
    if key and ctx.kind(key) is Kind.PLACE and not ctx.entities[key].country:
        return None
    return key or _state_body(ctx, subj)


RELATIVE_PRONOUNS = {"who", "which", "that"}
OPERATION_NOUNS = {"raid", "operation", "crackdown", "sweep", "mission", "patrol"}


def _operation_actor(ctx, noun):
    """(actor, "carried out", verb) for "officers detained 59 people in an operation", "hauled
    migrants out in a predawn raid": who acts in the course of an operation carries it out."""
    if noun.lemma_.lower() not in OPERATION_NOUNS or noun.dep_ != "pobj" or noun.head.lower_ not in ("in", "during"):
        return None
    verb = noun.head.head
    if verb.pos_ != "VERB":
        return None
    subj = _agent_of(verb) or subject_of(verb) or (subject_of(verb.head) if verb.dep_ == "conj" else None)
    actor = _subject_actor(ctx, subj)
    return (actor, "carried out", verb) if actor else None
# Nouns of doing whose owner does what their "of" object names: "Moreno's declaration of the Act".
NOMINAL_DOINGS = {"declaration": "declared", "announcement": "announced", "implementation": "carried out",
                  "introduction": "carried out", "adoption": "carried out", "imposition": "carried out",
                  "approval": "carried out", "signing": "carried out", "launch": "carried out", "use": "carried out",
                  "extension": "carried out", "decision": "ordered", "initiative": "carried out", "plan": "planned",
                  "proposal": "proposed", "pledge": "pledged", "promise": "pledged", "order": "ordered"}


def _owner(ctx, noun):
    """(actor, modality, None) when a named owner stands before the measure: "Colombia's
    initiative", "Moreno's declaration of the Emergency Powers Act" (a country counts here: its
    measure is the state's)."""
    holder = noun
    modality = "carried out"
    if noun.dep_ == "pobj" and noun.head.lower_ == "of" and noun.head.head.lemma_.lower() in NOMINAL_DOINGS:
        holder = noun.head.head
        modality = NOMINAL_DOINGS[holder.lemma_.lower()]
    for child in holder.children:
        if child.dep_ == "poss" or child.dep_ == "nmod" and any(c.dep_ == "case" for c in child.children):
            key = ctx.entity_of(child)
            if key and ctx.kind(key) in ACTOR_KINDS and ctx.kind(key) is not Kind.PLACE:
                return key, modality, None
    return None


def _state_body(ctx, subj) -> str | None:
    """An entity for a state body named by a common noun phrase, with the country its phrase
    names (a demonym, a country) or else the article's own."""
    if subj is None or subj.lemma_.lower() not in STATE_BODY_HEADS or subj.pos_ != "NOUN":
        return None
    words = [t for t in subj.lefts if t.dep_ in ("amod", "compound", "nmod") and t.is_alpha] + [subj]
    if subj.i - words[0].i + 1 != len(words) or any(t.lower_ in ("other", "some", "many", "several") for t in words):
        return None
    words = [t for t in subj.doc[words[0].i : subj.i + 1]]
    name = " ".join(t.text for t in words)
    country = next((ctx.country_of(k) for k in ctx.keys_in(words[0].i, subj.i + 1) if ctx.country_of(k)), None)
    kind = Kind.ARMED_FORCES if subj.lemma_.lower() in FORCE_HEADS else Kind.GOVERNMENT
    return ctx.add(kind, name, key=f"{kind.value}:body-{name.lower().replace(' ', '-')}", country=country or ctx.home_country)


DECISION_NOUNS = {"ruling", "decision", "verdict", "judgment", "judgement", "injunction"}


def _court_decision(ctx, tok) -> tuple[str, str] | None:
    """('court ruling', noun) for "a Court of Appeal ruling", "court decisions", "a federal judge's
    injunction": a decision is a measure when a court or judge owns it."""
    if tok.pos_ != "NOUN" or tok.lemma_.lower() not in DECISION_NOUNS or _court_child(tok) is None:
        return None
    return "court ruling", tok.lemma_.lower()


def _court_child(tok):
    """The compound or possessive child of a decision noun that names a court or judge."""
    for child in tok.children:
        if child.dep_ in ("compound", "poss", "nmod") and any(t.lemma_.lower() in COURT_WORDS for t in child.subtree):
            return child
    return None


def _court_owner(ctx, noun):
    """(actor, "ordered", None) for a decision noun owned by a court or judge."""
    if noun.lemma_.lower() not in DECISION_NOUNS:
        return None
    child = _court_child(noun)
    if child is None:
        return None
    actor = ctx.entity_of(child) or _state_body(ctx, child)
    return (actor, "ordered", None) if actor else None


def _is_passive(verb) -> bool:
    return any(c.dep_ in ("auxpass", "nsubjpass") for c in verb.children)


def _doer(verb):
    """Who does what a verb says: the agent of a passive ("were driven ... by the police"), else an
    active subject, also one shared with the verb it is coordinated with; never a passive subject,
    which is the one acted on ("Afghan refugees are being repatriated")."""
    agent = _agent_of(verb)
    if agent is not None:
        return agent
    for v in (verb, verb.head if verb.dep_ == "conj" else None):
        if v is None or _is_passive(v):
            continue
        subj = subject_of(v)
        if subj is not None and subj.lower_ in RELATIVE_PRONOUNS and v.dep_ == "relcl":
            return v.head  # "EU countries that sanctioned the country"
        if subj is not None:
            return subj
    return None


def _state_it(ctx, it) -> str | None:
    """'Japan accepted 202 refugees. It has also accepted ...': "it" as the subject after a sentence
    whose subject is a country or government stands for that state."""
    index = ctx.sent_index(it.i)
    if index == 0:
        return None
    for tok in ctx.sents[index - 1]:
        if tok.dep_ in ("nsubj", "nsubjpass") and tok.head.dep_ == "ROOT":
            key = ctx.subject_entity(tok)
            return key if ctx.kind(key) in (Kind.COUNTRY, Kind.GOVERNMENT) else None
    return None


def _described_entity(ctx, noun) -> str | None:
    """The entity a relative clause describes: the noun's own mention or the name right before it
    ("EU countries that sanctioned ..."), not another name coordinated further left."""
    key = ctx.key_at(noun.i)
    if key is None and noun.left_edge.i < noun.i:
        key = ctx.key_at(noun.i - 1)
    return key


def _agent_of(verb):
    """'were rescued by the coast guard': the doer of a passive verb is its agent, not its subject."""
    agent = next((c for c in verb.children if c.dep_ == "agent"), None)
    return next((c for c in agent.children if c.dep_ == "pobj"), None) if agent is not None else None


# Measures aimed at another country, with the prepositions that name it: "sanctions on Belarus",
# "tariffs on Mexican goods", "sanctioned Niger", "will mobilise EUR 210 million for Mauritania".
TARGETED_TYPES = {"sanctions": ("on", "against", "dobj"), "tariffs": ("on", "against"), "funding": ("for", "to")}


def _target_country(ctx, tok, preps: tuple[str, ...] = ("on", "against")) -> str | None:
    """The country a sanction, tariff or fund is aimed at ("on Minsk", "against Iran", "for Mauritania"),
    or (for "dobj") the object of the verb ("sanctioned Niger")."""
    for child in tok.children:
        if child.dep_ == "prep" and child.lower_ in preps or child.dep_ == "dobj" and "dobj" in preps:
            for sub in child.subtree:
                key = ctx.key_at(sub.i)
                country = ctx.country_of(key) if key else None
                if country:
                    return country
    return None


def _names_a_measure(ctx, key: str) -> bool:
    """'the Temporary Protection Status will provide...': a law or programme is not an actor."""
    words = ctx.entities[key].name.lower().split()
    return ctx.kind(key) is not Kind.PERSON and bool(words) and words[-1] in LEGAL_NAME_HEADS


def _gerund_reported(verb) -> bool:
    """'described closing the borders as out of the question': a measure verb used as the object
    of a verb that is not one of deciding or doing is talked about, not carried out."""
    return verb.dep_ == "dobj" and verb.tag_ == "VBG" and verb.head.lemma_.lower() not in MODALITY_VERBS | GERUND_GOVERNORS


GERUND_GOVERNORS = {"include", "continue", "consider", "support", "resume", "keep", "stop", "finish", "complete"}


def _evaluated(verb) -> bool:
    """'It is intolerable to deport people', 'it would be wrong to close the border': an
    infinitive that a predicate adjective judges is talked about, not done."""
    return verb.dep_ in ("xcomp", "ccomp", "advcl") and verb.head.pos_ == "ADJ" and any(
        c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)


def _unreal(verb) -> bool:
    """'did not include', 'should sue': a measure denied, or urged on the subject by someone else."""
    return any(c.dep_ == "neg" for c in verb.children) or any(
        c.dep_ == "aux" and c.lower_ in ("should", "could", "might", "may") for c in verb.children)


def _quoted_actor(ctx, verb) -> str | None:
    """The speaker of the quotation a measure verb sits in, when the speaker is the one acting:
    no other subject ("I will send..." or none), and not a passive without agent that describes
    ("they are arrested"), though one that announces counts ("the border will be closed")."""
    speaker = ctx.speaker_at(verb)
    if speaker is None:
        return None
    subj = subject_of(verb) or (subject_of(verb.head) if verb.dep_ == "conj" else None)
    passive = any(c.dep_ == "auxpass" for c in verb.children)
    if subj is not None and subj.lower_ not in ("i", "we") and not (passive and subj.dep_ == "nsubjpass"):
        return None
    future = any(c.dep_ == "aux" and c.lower_ in ("will", "would", "shall", "'ll") for c in verb.children)
    if passive and not future:
        return None
    return speaker


# Verbs whose object is someone else's measure, which the subject resists or comments on.
OPPOSING_VERBS = {"circumvent", "challenge", "oppose", "criticize", "criticise", "condemn", "overturn", "reject",
                  "defy", "violate", "ignore", "denounce", "contest", "fight", "resist", "undermine",
                  # undoing someone's barrier or rule ("pulling down border fences", "breached the wall")
                  "breach", "storm", "destroy", "topple", "damage", "climb", "scale", "evade", "bypass"}
# Verbs of judging someone else's measure: their subject comments on it ("IOM praised Colombia's initiative").
JUDGING_VERBS = {"praise", "welcome", "applaud", "hail", "commend", "laud", "salute", "slam", "blast", "decry", "question",
                 "respond", "react", "reply"}  # and reacting to it ("responded to a call to suspend deportations")
# Prepositions that put a measure in dispute: "sued the governor over the barrier", "protested against the law".
DISPUTE_PREPS = {"over", "against", "despite"}


def _governed_by_doing(noun) -> bool:
    """Whether the verb above a measure noun lets it be the subject's measure: not when a negated
    verb governs it ("did not include the directive"), when it is the subject of a verb that is
    not one of deciding ("warned the legislation was unworkable"), or when the verb opposes it
    ("passed legislation to circumvent the ruling")."""
    cur = noun
    for _ in range(8):
        if cur.head is cur:
            return True
        if cur.dep_ in ("nsubj", "csubj") and cur is noun:
            return cur.head.lemma_.lower() in MODALITY_VERBS
        cur = cur.head
        if cur.dep_ == "prep" and cur.lower_ in DISPUTE_PREPS:
            return False
        if cur.pos_ in ("VERB", "AUX"):
            undone = any(c.dep_ == "prt" and c.lower_ == "down" for c in cur.children)  # "pulled down", "tore down"
            return not any(c.dep_ == "neg" for c in cur.children) and cur.lemma_.lower() not in OPPOSING_VERBS | JUDGING_VERBS \
                and not undone
    return True


def _verb_ok(tok, lemma: str) -> bool:
    obj_words = {w.lemma_.lower() for c in verb_objects(tok) for w in c.subtree}
    if lemma in IMPLICIT_STATE_AGENTS:  # "the groups were transferred": the passive subject is the one moved
        obj_words |= {w.lemma_.lower() for c in tok.children if c.dep_ == "nsubjpass" for w in c.subtree}
    if _takes_in(tok) or _into_custody(tok):
        return True
    if lemma in ADMISSION_VERBS:
        return _moves_people(tok, obj_words)
    if lemma in FUNDING_VERBS:
        return any(w.ent_type_ == "MONEY" for c in verb_objects(tok) for w in c.subtree)
    if lemma == "provide":
        return bool(obj_words & PROVIDED_AID) and tok.dep_ not in ("relcl", "acl")
    if lemma == "sanction":
        objs = verb_objects(tok)
        return any(o.ent_type_ in ("GPE", "PERSON", "ORG", "NORP") or o.lemma_.lower() in SANCTIONED_NOUNS for o in objs)
    if lemma in CAUSED_MOTION_VERBS:
        passive_subj = {w.lemma_.lower() for c in tok.children if c.dep_ == "nsubjpass" for w in c.subtree}
        moved = (obj_words | passive_subj) & (MOVED_PEOPLE | ASYLUM_PEOPLE) or any(
            _antecedent(c) is not None for c in verb_objects(tok))
        return bool(moved) and _destination(tok) is not None and not _particle(tok)
    if lemma in PEOPLE_MOVING_VERBS:
        return _moves_people(tok, obj_words)
    if lemma in ("close", "shut"):
        return bool(obj_words & BORDER_OBJECTS)
    if lemma in ("deploy", "send"):
        return bool(obj_words & FORCE_OBJECTS)
    if lemma == "suspend":
        return bool(obj_words & {"visa", "issuance", "flight", "entry", "asylum", "program", "programme", "permit",
                                 "deportation", "removal", "repatriation", "expulsion", "return", "admission"})
    if lemma in ("scrap", "trash", "repeal"):
        return bool(obj_words & {"plan", "scheme", "policy", "law", "deal", "program", "programme"})
    if lemma == "deliver":
        return bool(obj_words & {"vehicle", "troop", "equipment", "aid", "weapon"})
    if lemma in ("break", "sever"):
        return bool(obj_words & {"relation", "relations", "tie", "ties"})
    if lemma in ("seal", "secure"):
        return bool(obj_words & BORDER_OBJECTS)
    if lemma == "crack":
        return any(c.dep_ == "prt" and c.lower_ == "down" for c in tok.children)
    if lemma in COURT_VERBS:
        return _by_a_court(tok)
    if lemma in FLOW_VERBS:
        return bool(obj_words & FLOW_OBJECTS) and tok.dep_ in ("xcomp", "acl") and tok.head.lemma_.lower() in PLEDGE_WORDS
    if lemma == "offer":
        return bool(obj_words & OFFERED_OBJECTS) or any(w.ent_type_ == "MONEY" for c in verb_objects(tok) for w in c.subtree)
    if lemma == "order":
        return any(c.dep_ == "xcomp" and c.lemma_.lower() in ("leave", "depart", "quit") for c in tok.children)
    if lemma == "cut":
        return bool(obj_words & {"aid", "funding", "assistance", "fund"})
    if lemma == "tighten":
        return bool(obj_words & TIGHTENED_OBJECTS)
    if lemma == "install":
        return bool(obj_words & {"barrier", "fence", "buoy", "wall", "container", "camera"})
    return tok.tag_ != "VBN" or any(c.dep_ in ("aux", "auxpass") for c in tok.children)


# "Pledge to stop the boats", "vowed to curb the influx": stopping a flow of people is a measure
# when it is what a pledge or plan promises (as a purpose, "a deal to stem flows", it is not).
FLOW_VERBS = {"stop", "curb", "stem", "halt"}
FLOW_OBJECTS = {"boat", "crossing", "flow", "influx", "arrival", "migration", "immigration", "exodus", "departure", "smuggling"}
PLEDGE_WORDS = {"pledge", "vow", "promise", "plan", "aim", "goal", "bid", "commitment", "intend", "want"}


# What a government offers as a measure: money, incentives, protection, a legal status.
OFFERED_OBJECTS = {"incentive", "payment", "grant", "money", "cash", "asylum", "amnesty", "protection", "residency",
                   "visa", "permit", "status", "citizenship", "resettlement", "dollar", "euro", "pound", "dinar",
                   "peso", "rupee", "lira", "franc", "yuan", "yen", "rand", "shilling", "dirham", "riyal", "naira"}
COURT_VERBS = {"rule", "reverse", "overturn", "uphold", "reject", "block"}
COURT_WORDS = {"court", "judge", "justice", "tribunal", "magistrate"}


def _by_a_court(verb) -> bool:
    """'A federal court reversed the move', 'Justice Ana Lima rejected a request': a decision is a
    measure when a court or judge takes it (a government "rejecting" criticism is not)."""
    subj = _agent_of(verb) or subject_of(verb)
    if subj is None and verb.dep_ == "conj":
        subj = subject_of(verb.head)
    return subj is not None and any(t.lemma_.lower() in COURT_WORDS for t in subj.subtree)


# Verbs that are a measure when they move or keep out people: "transporting migrants to the
# border", "will send all the refugees home", "had turned away one claimant", "bar Venezuelans".
PEOPLE_MOVING_VERBS = {"transport", "transfer", "relocate", "bus", "return", "repatriate", "ban", "bar", "turn", "send", "remove"}
ASYLUM_PEOPLE = {"claimant", "applicant", "asylum-seeker", "deportee", "detainee", "alien", "illegal"}


def _antecedent(pronoun):
    """The group of people "them" stands for: the nearest plural group noun before it ("...
    migrants. Zagreb has been transporting them")."""
    if pronoun.lower_ != "them":
        return None
    for i in range(pronoun.i - 1, max(-1, pronoun.i - 80), -1):
        tok = pronoun.doc[i]
        if tok.tag_ == "NNS" and tok.lemma_.lower() in GROUP_NOUNS | ASYLUM_PEOPLE:
            return tok
    return None
TIGHTENED_OBJECTS = {"law", "legislation", "rule", "control", "border", "sanction", "requirement", "restriction", "check",
                     "policy", "regulation", "visa"}


def _sends_back(tok) -> bool:
    """'send the refugees home', 'sent more Syrians back': a return of people, not a deployment."""
    return tok.lemma_.lower() == "send" and bool({c.lower_ for c in tok.children if c.dep_ in ("prt", "advmod")} & {"back", "home"})


def _moves_people(tok, obj_words: set[str]) -> bool:
    """The object is a group of people; "send" and "turn" also need their particle ("send back",
    "turned away"), and "send" otherwise keeps its meaning of deploying forces."""
    particles = {c.lower_ for c in tok.children if c.dep_ in ("prt", "advmod")}
    lemma = tok.lemma_.lower()
    if lemma == "send" and not particles & {"back", "home"}:
        return bool(obj_words & FORCE_OBJECTS)
    if lemma == "turn" and not particles & {"back", "away"}:
        return False
    if "group" in obj_words and VERB_MEASURES[lemma][0] == "transfer" and _destination(tok) is not None:
        return True  # "the groups were transferred to reception centres"
    people = obj_words & (GROUP_NOUNS | ASYLUM_PEOPLE) or any(_antecedent(c) is not None for c in verb_objects(tok)) or any(
        w.ent_type_ == "NORP" and w.tag_ == "NNPS" for c in verb_objects(tok) for w in c.subtree)
    return bool(people) and not (lemma == "return" and tok.dep_ in ("relcl", "acl"))


def _takes_in(verb) -> bool:
    """'will take in the remaining migrants': admitting people."""
    return verb.lemma_.lower() == "take" and any(c.dep_ == "prt" and c.lower_ == "in" for c in verb.children) and bool(
        {w.lemma_.lower() for c in verb_objects(verb) for w in c.subtree} & (GROUP_NOUNS | ASYLUM_PEOPLE))


def _into_custody(verb) -> bool:
    """'have taken three suspects into custody': an arrest."""
    return verb.lemma_.lower() in ("take", "place", "put") and any(
        c.dep_ == "prep" and c.lower_ == "into" and any(g.lower_ == "custody" for g in c.children) for c in verb.children)


def _destination(verb):
    """The "to"/"into" phrase a verb of moving names as where people are taken (not "into custody")."""
    for child in verb.children:
        if child.dep_ == "prep" and child.lower_ in DESTINATION_PREPS:
            pobj = next((c for c in child.children if c.dep_ in ("pobj", "pcomp")), None)
            if pobj is not None and pobj.lower_ != "custody":
                return child
    return None


def _particle(verb) -> bool:
    """'take in', 'bring down', 'move on': a phrasal verb means something else than moving people."""
    return any(c.dep_ == "prt" for c in verb.children)


def _destination_words(verb) -> list:
    """'to the desert area of Bir Zar', 'to reception centres': the destination phrase, with a
    short "of" phrase of its noun, without the clauses and places that follow it."""
    prep = _destination(verb)
    if prep is None:
        return []
    pobj = next(c for c in prep.children if c.dep_ in ("pobj", "pcomp"))
    words = [prep] + list(verb.doc[pobj.left_edge.i : pobj.i + 1])
    of = next((c for c in pobj.children if c.dep_ == "prep" and c.lower_ == "of"), None)
    if of is not None and len(list(of.subtree)) <= 4:
        words += list(of.subtree)
    return words


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
