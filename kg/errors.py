"""The exceptions the command line turns into a clear one-line message and an exit code.

Exit codes (see ``docs/errors.md``):

====  ==========================================================
0     success
1     bad input or usage (the message says what is wrong and what to do)
2     partial failure: some articles of a batch failed, the rest were written
130   interrupted (Ctrl-C)
====  ==========================================================

Library code raises :class:`KgError` (or a subclass) for anything the user can fix, and calls
:func:`warn` for things worth knowing that do not stop the run (a Latin-1 file, a text that does
not look like English). Warnings go to the ``kg`` logger; the command line prints them on stderr
as ``warning: ...``.
"""
from __future__ import annotations

import logging

EXIT_OK = 0
EXIT_BAD_INPUT = 1
EXIT_PARTIAL = 2
EXIT_INTERRUPTED = 130

logger = logging.getLogger("kg")


class KgError(Exception):
    """Bad input or usage: the message says what is wrong and what to do (exit code 1)."""

    exit_code = EXIT_BAD_INPUT
    #: the word the command line puts before the message: ``error: ...``
    label = "error"


class GraphFileError(KgError):
    """A graph file is missing, empty or does not parse; the message names the file and line."""


class QueryError(KgError):
    """A SPARQL query is malformed or may not run; the message gives line and column."""


class PartialFailure(KgError):
    """Some items of a batch failed but the others were written (exit code 2)."""

    exit_code = EXIT_PARTIAL


class Interrupted(KgError):
    """The user pressed Ctrl-C; the message says what was (not) written (exit code 130)."""

    exit_code = EXIT_INTERRUPTED
    label = "interrupted"


def warn(message: str) -> None:
    """Report something worth knowing that does not stop the run (stderr ``warning: ...`` in the CLI)."""
    logger.warning(message)
