"""Offices and roles people hold or run for (cq01), and their political orientation (cq09).

Three shapes carry a role in news prose: a title before the name ("Peruvian President Ana
Ruiz"), a noun phrase in apposition ("the regional governor of Piura, Ana Ruiz" / "Ali
Khan, a Pakistani official"), and candidacy in an election. Orientation words come in the
same places ("communist rival Ana Ruiz", "Vera, a leftist,") or as a definite description
that refers back to the last person named ("the far-right leader said").
"""
from __future__ import annotations

from ..lexicon import CANDIDATE_WORDS, HONORIFICS, OFFICE_WORDS, OFFICES, ORIENTATIONS, PARTY_WORDS, PAST_MARKERS, ROLE_MODIFIERS, WEAK_OFFICES
from ..gazetteer import SUPRANATIONAL, city_code, international_body
from ..records import Kind, OrientationFact, RoleFact

ABBREVIATIONS = {"gov.": "Governor", "sen.": "Senator", "rep.": "Representative", "pm": "Prime Minister", "gen.": "General"}
HEAD_OF_STATE = {"president", "prime minister", "premier", "chancellor", "taoiseach", "king", "queen", "governor", "gov.", "mayor", "emir"}


def _title_tokens(doc, start: int) -> list:
    """Tokens directly before a name that form its title: 'Texas Gov.', 'Outgoing President'."""
    toks = []
    i = start - 1
    sent_start = doc[start].sent.start
    while i >= sent_start:
        t = doc[i]
        low = t.lower_
        if t.is_punct and t.text != "-":
            break
        if low in ("the", "a", "an", "and", "of", "'s", "’s") and not toks:
            break
        if (low == "the" and toks[-1].text[:1].isupper() and i - 2 >= sent_start and doc[i - 1].lower_ in ("of", "for")
                and doc[i - 2].lower_ in OFFICE_WORDS):
            toks.append(t)  # "Minister of the Interior"
            i -= 1
            continue
        if low in ("the", "a", "an"):
            break
        if t.text in ("'s", "’s"):
            toks.append(t)
            i -= 1
            continue
        if not toks and low in ("designate", "elect") and i - 1 >= sent_start and doc[i - 1].lower_ in OFFICE_WORDS:
            toks.append(t)  # "Prime Minister designate X": an office named with a postposed modifier
            i -= 1
            continue
        if toks and toks[-1].text == "-" and t.is_alpha:  # the first half of "arch-conservative"
            toks.append(t)
            i -= 1
            continue
        if t.i >= 2 and doc[t.i - 1].text == "-" and f"{doc[t.i - 2].lower_}-{low}" in ORIENTATIONS:
            toks.append(t)  # the second half of "far-right"
            i -= 1
            continue
        if not toks and t.tag_ == "NN" and t.is_alpha and t.is_lower and i - 1 >= sent_start and doc[i - 1].lower_ in ORIENTATIONS:
            toks.append(t)  # "conservative historian Karol Nawrocki": an occupation after an orientation
            i -= 1
            continue
        if (low in ("of", "for") and toks and (toks[-1].text[:1].isupper() or toks[-1].lower_ == "the") and i - 1 >= sent_start
                and doc[i - 1].lower_ in OFFICE_WORDS):
            toks.append(t)  # "Chief of Mission", "Minister of Interior", "Secretary of State"
            i -= 1
            continue
        if toks and t.tag_ in ("NN", "NNS") and t.is_alpha and t.is_lower and t.dep_ == "compound" and t.head in toks:
            toks.append(t)  # "communications director": a portfolio noun on the office
            i -= 1
            continue
        if (low in OFFICE_WORDS or low in ROLE_MODIFIERS or low in ORIENTATIONS or low in PARTY_WORDS
                or low in CANDIDATE_WORDS or low in PAST_MARKERS or t.text[:1].isupper() or t.text == "-"):
            toks.append(t)
            i -= 1
            continue
        break
    toks.reverse()
    return toks


def _office_in(tokens) -> tuple[str, int] | None:
    """The longest office in a token list: (label, index of its last token)."""
    lows = [t.lower_ for t in tokens]
    best = None
    for office in sorted(OFFICES, key=lambda o: -len(o.split())):
        words = office.split()
        for i in range(len(lows) - len(words), -1, -1):
            if lows[i : i + len(words)] == words:
                if best is None or i + len(words) - 1 > best[1]:
                    best = (office, i + len(words) - 1)
                break
    return best


def _without_country_names(ctx, tokens, label: str) -> str:
    """'United Kingdom Prime Minister' -> 'Prime Minister': the country is its own column, and a
    cut-off part of its name ('Kingdom Prime Minister') is no office."""
    names = {t.text for t in tokens if ctx.kind(ctx.key_at(t.i)) is Kind.COUNTRY and ctx.is_name_of_country(t.i)}
    kept = [w for w in label.split() if w not in names]
    return " ".join(kept) if kept else label


def _office_tail(tokens, office_end: int) -> int:
    """Index of the last token of 'of Mission' in 'Chief of Mission', 'for Refugees' in 'High
    Commissioner for Refugees' (office_end if none)."""
    j = office_end + 1
    the = 1 if j + 2 < len(tokens) and tokens[j + 1].lower_ == "the" else 0  # "Minister of the Interior"
    if (j + 1 + the < len(tokens) and tokens[j].lower_ in ("of", "for") and tokens[j + 1 + the].text[:1].isupper()
            and tokens[j + 1 + the].ent_type_ not in ("GPE", "LOC", "NORP")):  # "governor of Texas": a jurisdiction
        k = j + 1 + the
        while k + 1 < len(tokens) and tokens[k + 1].text[:1].isupper() and tokens[k + 1].ent_type_ != "PERSON":
            k += 1
        return k
    return office_end


def _role_label(tokens, office_end: int) -> str:
    """Office words with their modifiers, abbreviations spelled out: 'Outgoing President'."""
    tail = _office_tail(tokens, office_end)
    label = _role_words(tokens, office_end)
    if tail > office_end:
        label = " ".join([label] + [t.text for t in tokens[office_end + 1 : tail + 1]])
    return label


def _role_words(tokens, office_end: int) -> str:
    words = []
    for t in tokens[: office_end + 1]:
        low = t.lower_
        if low in ORIENTATIONS or t.ent_type_ in ("PERSON",) or t.text in ("'s", "’s"):
            words = []
            continue
        words.append(ABBREVIATIONS.get(low, t.text))
    # keep the office and the modifiers right before it
    kept = []
    for w in reversed(words):
        low = w.lower()
        if low in ("the", "a", "an", "his", "her", "its", "their"):
            break
        if low in ("of", "for") and kept and len(words) > len(kept) + 1 and words[-len(kept) - 2].lower() in OFFICE_WORDS:
            kept.append(w)  # "Secretary of State"
            continue
        if low in OFFICE_WORDS or low in ROLE_MODIFIERS or low in PAST_MARKERS or low in CANDIDATE_WORDS or w in ABBREVIATIONS.values() or (w[:1].isupper() and len(kept) < 3):
            kept.append(w)
        else:
            break
    kept.reverse()
    return " ".join(kept).replace(" - ", "-")


def _status(tokens, label: str) -> str:
    lows = {t.lower_ for t in tokens}
    if lows & {"former", "ex", "late"}:
        return "held"
    if set(label.lower().split()) & (CANDIDATE_WORDS | {"hopeful"}):
        return "candidate"
    return "holds"


def _in_hyphen_compound(doc, t) -> bool:
    """'Russia-aligned', 'Iran-backed', 'US-born': a country inside a compound adjective
    describes an allegiance or origin, not the country of the office."""
    return t.i + 2 < len(doc) and doc[t.i + 1].text == "-" and doc[t.i + 2].is_lower


def _country_from(ctx, tokens) -> str | None:
    """Country named in a title: a mention's country, else a capitalised place name the
    model left untagged ('Mizoram Chief Minister', 'Kuala Lumpur Immigration director')."""
    for t in tokens:
        key = ctx.key_at(t.i)
        if key and not _in_hyphen_compound(ctx.doc, t):
            c = ctx.country_of(key)
            if c:
                return c
    return _place_in_title(ctx, tokens) or international_body_in(ctx, tokens)


def international_body_in(ctx, tokens) -> str | None:
    """An intergovernmental body named in a title ('UN chief', 'IOM's Chief of Mission'): its
    officials hold office for the body, which stands in the country column."""
    for t in tokens:
        key = ctx.key_at(t.i)
        if key and ctx.kind(key) in (Kind.ORGANIZATION, Kind.GOVERNMENT) and international_body(ctx.entities[key].name):
            return key
        if not key and international_body(t.text):
            return ctx.add(Kind.ORGANIZATION, t.text, t.i, t.i + 1)
    return None


def _place_in_title(ctx, tokens) -> str | None:
    """Country of an untagged place name (one or two capitalised words) inside a title."""
    for n in (2, 1):
        for j in range(len(tokens) - n + 1):
            words = tokens[j : j + n]
            if any(ctx.key_at(t.i) or not t.text[:1].isupper() or not t.is_alpha or t.lower_ in OFFICE_WORDS
                   or t.lower_ in ROLE_MODIFIERS for t in words):
                continue
            text = " ".join(t.text for t in words)
            code = ctx.gaz.capital_code(text) or ctx.gaz.region_code(text) or ctx.gaz.seat_code(text)
            if code:
                return ctx.country(code)
    return None


def _of_country(ctx, head) -> str | None:
    """'governor of Piura' -> the country Piura is in."""
    for child in head.children:
        if child.dep_ == "prep" and child.lower_ in ("of", "for"):
            for pobj in child.children:
                if pobj.dep_ == "pobj":
                    key = ctx.entity_of(pobj)
                    c = ctx.country_of(key) or _untagged_place_country(ctx, pobj)
                    if c:
                        return c
    return None


def _untagged_place_country(ctx, pobj) -> str | None:
    """'Deputy Commissioner of Quetta district': a town or province the model left untagged,
    named by the object or its proper-noun compound; GeoNames towns only when unambiguous."""
    for t in [c for c in pobj.children if c.dep_ == "compound"] + [pobj]:
        if t.pos_ == "PROPN" and not ctx.key_at(t.i):
            code = ctx.gaz.place_code(t.text) or city_code(t.text)
            if code:
                return ctx.country(code)
    return None


def context_country(ctx, tok, head_of_state: bool = True) -> str | None:
    """Country a bare title refers to: a country named before it in its sentence (one that is a
    subject or a possessor first: "Latvia's minister, worried by Belarus, ... prime minister Y"),
    else a town's country there, else (for heads of state and government) a country of the
    previous sentence; else the country whose officials the article is about."""
    sent = ctx.sent_of(tok)
    previous = _previous_sentence(ctx, sent) if head_of_state else None
    for kinds, s, stop in (((Kind.COUNTRY,), sent, tok.i), ((Kind.PLACE,), sent, tok.i), ((Kind.COUNTRY,), previous, None),
                           ((Kind.PLACE,), previous, None) if ctx.home_country is None else ((), None, None)):
        if s is None:
            continue
        found = []
        for t in s:
            if stop is not None and t.i >= stop:
                break
            key = ctx.key_at(t.i)
            c = ctx.country_of(key) if key and ctx.kind(key) in kinds else None
            if c and not ctx.in_quote(t) and not ctx.describes_people_or_place(t) and not _in_hyphen_compound(ctx.doc, t) \
                    and not _people_demonym(ctx, t):
                found.append((t, c))
        if found:
            owner = [c for t, c in found if t.dep_ in ("nsubj", "nsubjpass", "poss")]
            return owner[0] if owner else found[0][1]
    return ctx.home_country


def _people_demonym(ctx, t) -> bool:
    """'imposed by the British': a demonym standing alone names a people, not a state."""
    return not ctx.is_name_of_country(t.i) and t.dep_ not in ("amod", "compound", "poss")


def _previous_sentence(ctx, sent):
    if sent.start == 0:
        return None
    return ctx.sent_of(ctx.tokens[sent.start - 1])


def _orientations(tokens) -> list[str]:
    """Orientation words in a title, hyphenated ones whole: 'arch-conservative'."""
    out = []
    for j, t in enumerate(tokens):
        low = t.lower_
        if j + 2 < len(tokens) and tokens[j + 1].text == "-":
            joined = f"{low}-{tokens[j + 2].lower_}"
            if joined in ORIENTATIONS:
                out.append(joined)
                continue
        if j >= 2 and tokens[j - 1].text == "-" and f"{tokens[j - 2].lower_}-{low}" in ORIENTATIONS:
            continue
        if low in ORIENTATIONS:
            out.append(t.text.lower())
        elif low in PARTY_WORDS and (t.text[:1].isupper() or low == "opposition"):
            out.append(PARTY_WORDS[low])
    return out


def person_mentions(ctx):
    """(key, first token, last token) of each person mention, in order."""
    seen = []
    doc = ctx.doc
    i = 0
    while i < len(doc):
        key = ctx.key_at(i)
        if key and ctx.kind(key) is Kind.PERSON:
            j = i
            while j + 1 < len(doc) and ctx.key_at(j + 1) == key:
                j += 1
            seen.append((key, doc[i], doc[j]))
            i = j + 1
        else:
            i += 1
    return seen


def extract_roles(ctx) -> list:
    facts: list = []
    done: set[tuple] = set()
    pending: list[tuple] = []

    def emit(person, label, country, status, sent, rule, conf, tok=None, infer=False):
        if not label or (person, label.lower()) in done:
            return
        done.add((person, label.lower()))
        if country is None and infer:
            pending.append((person, label, status, sent, rule, conf, tok))
            return
        if country and ctx.kind(country) is Kind.COUNTRY and ctx.entities[country].iso_code not in SUPRANATIONAL:  # not the UN, the EU
            if not ctx.entities[person].country:
                ctx.entities[person].country = country
            ctx.note_home(country)
        facts.append(RoleFact(person, label, country, status, ctx.evidence(sent, rule, conf)))

    for key, first, last in person_mentions(ctx):
        sent = ctx.sent_of(first)
        title = _title_tokens(ctx.doc, first.i)
        for o in _orientations(title):
            facts.append(OrientationFact(key, o, ctx.evidence(sent, "orientation.title", 0.8)))
        party = _party_in_title(ctx, title)
        if party:
            facts.append(OrientationFact(key, party, ctx.evidence(sent, "orientation.party-in-title", 0.75)))
        office = _office_in(title)
        if office and not (office[0] in WEAK_OFFICES and _office_tail(title, office[1]) != len(title) - 1):
            label = _without_country_names(ctx, title, _role_label(title, office[1]))
            country = _country_from(ctx, title)
            emit(key, label, country, _status(title, label), sent, "role.title-before-name", 0.85, first, infer=True)
        # apposition before: "<office NP>, NAME"
        if first.i >= 2 and (not title or all(t.lower_ in ORIENTATIONS or t.text == "-" or t.is_alpha and t.text.islower()
                                              or t.lower_ in HONORIFICS for t in title)):  # "the junta leader, Gen. Ana Ruiz,"
            comma = ctx.doc[first.i - len(title) - 1]
            if comma.text == ",":
                head = ctx.doc[comma.i - 1]
                while head.lower_ not in OFFICE_WORDS and head.dep_ in ("pobj", "prep", "compound") and head.head is not head and head.head.i < head.i:
                    head = head.head
                _appositive_role(ctx, key, head, sent, emit, "role.apposition-before")
        # apposition after: "NAME, a/the <office NP>,"
        after = last.i + 1
        if after + 1 < len(ctx.doc) and ctx.doc[after].text == ",":
            for tok in ctx.doc[after + 1 : min(len(ctx.doc), after + 8)]:
                if tok.is_punct:
                    break
                if tok.lower_ in OFFICE_WORDS and (tok.i + 1 >= len(ctx.doc) or ctx.doc[tok.i + 1].lower_ not in OFFICE_WORDS):
                    if _titles_next_person(ctx, tok):
                        break  # "President A, Prime Minister B and ...": a list of titled people
                    _appositive_role(ctx, key, tok, sent, emit, "role.apposition-after", left=after + 1)
                    break
            # orientation in apposition: "Vera, a leftist,"
            seg = [t for t in ctx.doc[after + 1 : min(len(ctx.doc), after + 5)]]
            if seg and seg[0].lower_ in ("a", "an", "the"):
                for t in seg[1:]:
                    if t.is_punct:
                        break
                    if t.lower_ in ORIENTATIONS or (t.lower_ in PARTY_WORDS and t.text[:1].isupper()):
                        facts.append(OrientationFact(key, t.text.lower() if t.lower_ in ORIENTATIONS else PARTY_WORDS[t.lower_],
                                                     ctx.evidence(sent, "orientation.apposition", 0.8)))
                        break
        _as_office(ctx, key, last, sent, emit)
        for party in _party_after(ctx.doc, last.i + 1):
            facts.append(OrientationFact(key, party, ctx.evidence(sent, "orientation.party-after-name", 0.75)))
    for person, label, status, sent, rule, conf, tok in pending:
        head_of_state = bool(set(label.lower().split()) & {w for o in HEAD_OF_STATE for w in o.split()})
        country = ctx.entities[person].country or context_country(ctx, tok, head_of_state)
        facts.append(RoleFact(person, label, country, status, ctx.evidence(sent, rule, conf * 0.9)))
        if country and not ctx.entities[person].country:
            ctx.entities[person].country = country
    facts.extend(_definite_orientations(ctx))
    return facts


# Offices held for a party: a named organisation right before them is the party ("Fine Gael TD").
PARTY_OFFICES = {"councillor", "councilor", "mp", "mep", "td", "senator", "sen.", "lawmaker", "legislator", "congressman",
                 "congresswoman", "assemblyman", "assemblywoman", "politician", "candidate"}


def _party_in_title(ctx, tokens) -> str | None:
    """'Sinn Fein councillor Ana Ruiz', 'Likud lawmaker Ana Ruiz': the organisation named right
    before an office held for a party is the holder's party."""
    for j, t in enumerate(tokens[1:], start=1):
        if t.lower_ not in PARTY_OFFICES:
            continue
        key = ctx.key_at(tokens[j - 1].i)
        if not key or ctx.kind(key) is not Kind.ORGANIZATION or international_body(ctx.entities[key].name):
            return None
        return ctx.entities[key].name
    return None


PARTY_HEADS = {"party", "alliance", "front", "league", "coalition", "movement"}
US_PARTY_LETTERS = {"R": "Republican", "D": "Democrat", "I": "Independent"}


def _party_after(doc, i: int) -> list[str]:
    """The party a name is placed in right after it: 'Ana Ruiz of the opposition Fair Party',
    'Ruiz's Justice and Development Party', and the US 'Jane Roe, R-Tampa,' / '(D-Texas)'."""
    if i + 2 < len(doc) and doc[i].text in (",", "(") and doc[i + 1].text in US_PARTY_LETTERS and doc[i + 2].text == "-":
        return [US_PARTY_LETTERS[doc[i + 1].text]]
    if i + 1 < len(doc) and doc[i].lower_ == "of" and doc[i + 1].lower_ == "the":
        j = i + 2
    elif i < len(doc) and doc[i].text in ("'s", "’s"):
        j = i + 1
    else:
        return []
    while j < len(doc) and doc[j].is_lower and doc[j].lower_ in ORIENTATIONS | {"opposition", "ruling", "governing"}:
        j += 1
    start = j
    while j < len(doc) and (doc[j].text[:1].isupper() or doc[j].lower_ == "and" and j + 1 < len(doc) and doc[j + 1].text[:1].isupper()):
        j += 1
    if j - start >= 2 and doc[j - 1].lower_ in PARTY_HEADS:
        return [doc[start:j].text]
    return []


def _as_office(ctx, person, last, sent, emit) -> None:
    """'..., accepted by 50 countries as interim president of Venezuela' -> that office."""
    doc = ctx.doc
    for tok in doc[last.i + 1 : sent.end]:
        if tok.lower_ == "as" and tok.i + 1 < sent.end:
            head = next((c for c in tok.children if c.dep_ == "pobj"), None)
            if head is not None and head.lower_ in OFFICE_WORDS and ctx.person_before(tok.i, window=tok.i - last.i + 1) == person:
                tokens = [t for t in doc[head.left_edge.i : head.i + 1]]
                office = _office_in(tokens)
                country = _of_country(ctx, head)
                if office and country:
                    emit(person, _role_label(tokens, office[1]), country, "holds", sent, "role.as-office", 0.7)
            return


def _of_names_end(doc, i: int) -> int:
    """Last token of the 'of Mission of IOM Yemen' that follows office word ``i`` (i if none)."""
    while i + 2 < len(doc) and doc[i + 1].lower_ == "of" and doc[i + 2].text[:1].isupper() and doc[i + 2].ent_type_ != "PERSON":
        i += 2
        while i + 1 < len(doc) and doc[i + 1].text[:1].isupper() and doc[i + 1].ent_type_ != "PERSON" and doc[i + 1].is_alpha:
            i += 1
    return i


def _titles_next_person(ctx, office) -> bool:
    """The office word is the title of the name right after it ('..., caretaker Prime Minister
    B'), possibly with a postposed 'designate'/'elect', so it is no apposition of the name before."""
    j = office.i + 1
    if j < len(ctx.doc) and ctx.doc[j].lower_ in ("designate", "elect", "-"):
        j += 2 if ctx.doc[j].text == "-" else 1
    key = ctx.key_at(j) if j < len(ctx.doc) else None
    return bool(key) and ctx.kind(key) is Kind.PERSON


def _appositive_role(ctx, person, head, sent, emit, rule, left: int | None = None) -> None:
    """Read an office noun phrase headed by ``head`` (starting at ``left`` when the parse is unsure):
    its label, and its country."""
    if head.lower_ not in OFFICE_WORDS:
        return
    left = min(head.left_edge.i, left) if left is not None else head.left_edge.i
    end = head.i
    if end + 1 < len(ctx.doc) and f"{head.lower_} {ctx.doc[end + 1].lower_}" in OFFICES:
        end += 1  # "secretary general": the office's second word is no office word of its own
    tokens = [t for t in ctx.doc[left : _of_names_end(ctx.doc, end) + 1]]
    office = _office_in(tokens)
    if not office:
        return
    label = _role_label(tokens, office[1])
    label = " ".join(w for w in label.split() if not ctx.gaz.demonym_code(w) and not ctx.gaz.country_code(w))
    country = _country_from(ctx, tokens) or _of_country(ctx, head)
    emit(person, label, country, _status(tokens, label), sent, rule, 0.8, head,
         infer=True)


def _definite_orientations(ctx) -> list:
    """'the far-right leader said', 'the Republican’s latest tactic' -> the last person named."""
    facts = []
    doc = ctx.doc
    for tok in ctx.tokens:
        if tok.lower_ not in ("the",) or tok.i + 1 >= len(doc):
            continue
        nxt = doc[tok.i + 1]
        low = nxt.lower_
        label = None
        if tok.i + 4 < len(doc) and doc[tok.i + 2].text == "-" and f"{low}-{doc[tok.i + 3].lower_}" in ORIENTATIONS:
            named = tok.i + 5 < len(doc) and ctx.key_at(tok.i + 5) and ctx.kind(ctx.key_at(tok.i + 5)) is Kind.PERSON
            if doc[tok.i + 4].lower_ in OFFICE_WORDS | {"politician", "lawmaker", "party", "government"} and not named:
                person = ctx.person_before(tok.i, window=80)
                if person:
                    facts.append(OrientationFact(person, f"{low}-{doc[tok.i + 3].lower_}", ctx.evidence(ctx.sent_of(tok), "orientation.definite-description", 0.6)))
            continue
        if low in ORIENTATIONS and tok.i + 2 < len(doc) and doc[tok.i + 2].lower_ in OFFICE_WORDS | {"politician", "lawmaker", "party"}:
            label = nxt.text.lower()
        elif low in PARTY_WORDS and nxt.text[:1].isupper() and tok.i + 2 < len(doc) and doc[tok.i + 2].text in ("'s", "’s"):
            label = PARTY_WORDS[low]
        after = tok.i + 3
        if label and after < len(doc) and ctx.key_at(after) and ctx.kind(ctx.key_at(after)) is Kind.PERSON:
            label = None  # "the communist leader Ana Ruiz": a title, read by the title rule
        if label:
            person = ctx.person_before(tok.i, window=80)
            if person:
                facts.append(OrientationFact(person, label, ctx.evidence(ctx.sent_of(tok), "orientation.definite-description", 0.6)))
    return facts
