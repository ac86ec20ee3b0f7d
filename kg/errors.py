"""The one exception type the command line turns into a clear message and an exit code."""
from __future__ import annotations


class KgError(Exception):
    """Bad input or usage: the message says what is wrong and what to do (exit code 1)."""

    exit_code = 1
