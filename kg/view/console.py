"""Where the command line's tables and reports go: a terminal gets rich's layout at its width;
a pipe or file gets lines that are never wrapped, so IRIs and URLs reach ``grep`` and ``cut``
whole."""
from __future__ import annotations

import sys

PIPE_WIDTH = 1_000_000  # no line of ours is longer: nothing is ever wrapped or cut


def stdout_console(**options):
    """A rich Console for standard output; no wrapping when it is not a terminal.

    >>> import io, contextlib
    >>> with contextlib.redirect_stdout(io.StringIO()):
    ...     stdout_console().width
    1000000
    """
    from rich.console import Console

    if sys.stdout.isatty():
        return Console(**options)
    return Console(width=PIPE_WIDTH, soft_wrap=True, **options)
