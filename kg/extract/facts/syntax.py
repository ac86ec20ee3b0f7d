"""Small helpers over the dependency parse that several fact rules share."""
from __future__ import annotations

from ..lexicon import MODALITY_VERBS
from ..records import Kind

ACTOR_KINDS = {Kind.PERSON, Kind.GOVERNMENT, Kind.ORGANIZATION, Kind.ARMED_FORCES, Kind.COUNTRY, Kind.PLACE}
NOUN_PATH = {"dobj", "pobj", "prep", "compound", "amod", "conj", "appos", "xcomp", "acl", "attr", "nsubjpass", "pcomp", "advcl", "ccomp", "relcl"}
GENERIC_AGENTS = {"authority", "police", "government", "official", "force", "agency", "ministry", "administration", "officer", "state", "country", "nation"}


def tense_of(tok) -> str | None:
    """'past', 'future' or 'present' for the verb that governs ``tok``; None if none is found."""
    verb = tok
    for _ in range(6):
        if verb.pos_ in ("VERB", "AUX"):
            break
        if verb.head is verb:
            return None
        verb = verb.head
    else:
        return None
    if verb.pos_ not in ("VERB", "AUX"):
        return None
    auxes = {c.lower_ for c in verb.children if c.dep_ in ("aux", "auxpass")}
    if auxes & {"will", "'ll", "shall", "would"} or verb.lower_ in ("will",):
        return "future"
    if verb.tag_ == "VBD" or auxes & {"had", "was", "were", "did"}:
        return "past"
    if verb.tag_ == "VBN" and auxes & {"has", "have"}:
        return "past"
    if verb.tag_ in ("VBZ", "VBP") or auxes & {"is", "are", "am"}:
        return "present"
    return None


def subject_of(verb):
    """The explicit subject (or passive agent's object) of a verb, if any; of two, the nearer
    (a dateline such as "LIMA, Peru --" is sometimes parsed as a second subject)."""
    subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass", "csubj")]
    if subjects:
        return min(subjects, key=lambda c: abs(verb.i - c.i))
    for child in verb.children:
        if child.dep_ == "agent":
            for grand in child.children:
                if grand.dep_ == "pobj":
                    return grand
    return None


def inherited_subject(verb):
    """Subject of a verb, or of the verb it is coordinated with or depends on (xcomp, conj)."""
    cur = verb
    for _ in range(6):
        subj = subject_of(cur)
        if subj is not None:
            return subj
        if cur.dep_ in ("conj", "xcomp", "advcl") and cur.head is not cur:
            cur = cur.head
            continue
        return None
    return None


def actor_and_modality(ctx, start):
    """Walk up from ``start`` to a verb with an entity subject: (actor, modality, verb)."""
    cur = start
    modality = None
    for _ in range(10):
        if cur.head is cur:
            return None, modality, None
        if cur.dep_ not in NOUN_PATH and cur is not start:
            return None, modality, None
        cur = cur.head
        if cur.pos_ not in ("VERB", "AUX"):
            continue
        if cur.dep_ == "amod":
            return None, modality, None
        modality = modality or MODALITY_VERBS.get(cur.lemma_.lower())
        if modality is None and {c.lower_ for c in cur.children if c.dep_ == "aux"} & {"will", "would", "shall"}:
            modality = "announced"  # "the government would speed up repatriations", as someone said
        subj = subject_of(cur)
        if subj is None and cur.dep_ == "conj":
            subj = subject_of(cur.head)
        if subj is None:
            continue
        key = ctx.subject_entity(subj)
        if key and ctx.kind(key) in ACTOR_KINDS:
            if ctx.kind(key) is Kind.PLACE and not ctx.entities[key].country:
                return None, modality, None
            return key, modality, cur
        if subj.lemma_.lower() in GENERIC_AGENTS or subj.lower_ in ("it", "that"):
            continue
        if subj.lower_ in ("we", "i") :
            continue
        return None, modality, None
    return None, modality, None


def noun_actor(ctx, tok):
    """Who stands behind a noun: its owner ("the Commission’s deal"), the agent of a clause on it
    ("blockades set up by the National Guard", "containers that the president ordered installed"),
    the speaker of the quotation it sits in, or the subject of the verbs above it."""
    for child in tok.children:
        if child.dep_ == "poss":
            key = ctx.entity_of(child)
            if key and ctx.kind(key) in ACTOR_KINDS and ctx.kind(key) is not Kind.COUNTRY:
                return key, "carried out", None
    for child in tok.children:
        if child.dep_ in ("acl", "relcl") and child.pos_ == "VERB" and (child.lemma_.lower() in MODALITY_VERBS or child.lemma_.lower() in DOING_VERBS):
            subj = subject_of(child)
            key = ctx.subject_entity(subj) if subj is not None else None
            if key and ctx.kind(key) in ACTOR_KINDS:
                return key, MODALITY_VERBS.get(child.lemma_.lower(), "carried out"), child
    actor, modality, verb = actor_and_modality(ctx, tok)
    speaker = ctx.speaker_at(tok)
    if speaker and modality and (actor is None or ctx.kind(actor) is not Kind.PERSON):
        return speaker, modality, verb or tok  # the speaker announces what the quotation says
    return actor, modality, verb


DOING_VERBS = {"set", "place", "build", "put", "erect", "install", "order", "impose", "use"}


def is_misparsed_verb(verb) -> bool:
    """A finite past-tense verb the small parser attached as a modifier ("Vera, a leftist, deployed troops")."""
    return verb.tag_ == "VBD" and verb.dep_ in ("amod", "compound", "nmod")


def verb_objects(verb) -> list:
    """Direct objects (or passive subjects) of a verb; for a misparsed verb, the noun it was attached to."""
    objs = [c for c in verb.children if c.dep_ in ("dobj", "nsubjpass")]
    if not objs and is_misparsed_verb(verb):
        objs = [verb.head]
    return objs


def surface_subject(ctx, verb, kinds=None):
    """The nearest entity before a misparsed verb in its sentence."""
    kinds = kinds or ACTOR_KINDS
    for i in range(verb.i - 1, max(verb.sent.start - 1, verb.i - 15), -1):
        key = ctx.key_at(i)
        if key and ctx.kind(key) in kinds and ctx.is_name_of_country(i):
            return key
    return None


def verb_actor(ctx, verb):
    """Entity that does what ``verb`` says: its subject, inherited subject, or surface neighbour."""
    subj = inherited_subject(verb)
    if subj is not None:
        key = ctx.subject_entity(subj)
        if key:
            return key
    if is_misparsed_verb(verb):
        return surface_subject(ctx, verb)
    return None
