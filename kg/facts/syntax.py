"""Small helpers over the dependency parse that several fact rules share."""
from __future__ import annotations

SUBJECTS = {"nsubj", "nsubjpass", "csubj", "agent"}
GENERIC_AGENTS = {"authority", "police", "government", "official", "force", "agency", "ministry", "administration", "officer"}


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
    """The explicit subject (or passive agent's object) of a verb, if any."""
    for child in verb.children:
        if child.dep_ in ("nsubj", "nsubjpass", "csubj"):
            return child
    for child in verb.children:
        if child.dep_ == "agent":
            for grand in child.children:
                if grand.dep_ == "pobj":
                    return grand
    return None


def governing_verbs(tok, limit: int = 8):
    """Verbs above ``tok`` in the parse, nearest first."""
    cur = tok
    for _ in range(limit):
        if cur.head is cur:
            return
        cur = cur.head
        if cur.pos_ in ("VERB", "AUX"):
            yield cur


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


def phrase(tok, max_tokens: int = 8, drop_det: bool = True) -> str:
    """The words of a noun phrase headed by ``tok`` up to the head (no clauses), trimmed."""
    left = tok.left_edge.i
    words = [t for t in tok.doc[left : tok.i + 1]]
    while words and (words[0].dep_ in ("det", "poss", "case", "predet") or words[0].is_punct or words[0].tag_ in ("POS", "PRP$", "DT")):
        words = words[1:]
    # drop possessive owners like "the country’s"
    for j, w in enumerate(words):
        if w.tag_ == "POS":
            words = words[j + 1 :]
            break
    words = [w for w in words if w.ent_type_ != "DATE" and not w.like_num or w.i == tok.i]
    text = " ".join(w.text for w in words[-max_tokens:])
    return text.replace(" - ", "-").strip()


def subtree_text(tok, max_tokens: int = 10) -> str:
    toks = list(tok.subtree)[:max_tokens]
    return " ".join(t.text for t in toks).replace(" ,", ",").replace(" - ", "-")
