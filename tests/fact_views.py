"""Small views of extraction results that the regression tests compare (names instead of keys)."""
from __future__ import annotations


def name(facts, key):
    """The entity's name for a key of ``facts`` (None stays None)."""
    return facts.entities[key].name if key else None
