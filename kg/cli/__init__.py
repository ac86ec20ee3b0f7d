"""The ``kg`` command line: a thin typer layer over the library, one module per command.

Exit codes: 0 success, 1 bad input or usage, 2 some articles of a batch failed,
130 interrupted. Every error is one line on stderr, ``error: what is wrong; what to do``;
``--debug`` (anywhere on the command line, or ``KG_DEBUG=1``) shows the traceback instead.
``KG_NO_NETWORK=1`` makes any attempt to reach the network fail (see ``kg.store.netguard``).
See ``docs/errors.md``.
"""
from __future__ import annotations

import logging
import os
import sys

import typer

from ..errors import EXIT_BAD_INPUT, EXIT_INTERRUPTED, KgError

app = typer.Typer(
    name="kg",
    help="Turn migration and border news into a knowledge graph: extract, query, validate, visualise, serve.",
    epilog=(
        "Exit codes: 0 success, 1 bad input or usage, 2 some articles of a batch failed, 130 interrupted. "
        "Environment: KG_NO_NETWORK=1 blocks any network access; KG_ALLOW_SERVICE=1 lets SPARQL SERVICE run; "
        "KG_DEBUG=1 (or --debug) shows tracebacks."
    ),
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)

STATE = {"debug": False}


@app.callback()
def _root(debug: bool = typer.Option(False, "--debug", help="Show Python tracebacks on errors.")) -> None:
    STATE["debug"] = STATE["debug"] or debug


def _register() -> None:
    """Import the command modules; each adds its command(s) to ``app``."""
    from . import demo, dump, extract, query, validate  # noqa: F401
    import importlib

    for optional in ("visualize", "stats", "export", "serve", "push", "explain"):
        try:
            importlib.import_module(f"{__name__}.{optional}")
        except ModuleNotFoundError as exc:
            if exc.name != f"{__name__}.{optional}":
                raise


class _StderrHandler(logging.Handler):
    """``warning: ...`` on whatever ``sys.stderr`` is at the time (test runners swap it)."""

    def emit(self, record: logging.LogRecord) -> None:
        try:
            label = "warning" if record.levelno >= logging.WARNING else record.levelname.lower()
            sys.stderr.write(f"{label}: {record.getMessage()}\n")
            sys.stderr.flush()
        except Exception:  # pragma: no cover - never fail a run over a warning
            pass


def _setup_logging(debug: bool) -> None:
    log = logging.getLogger("kg")
    if not any(isinstance(h, _StderrHandler) for h in log.handlers):
        log.addHandler(_StderrHandler())
    log.propagate = False
    log.setLevel(logging.DEBUG if debug else logging.INFO)
    # rdflib logs a full traceback for an ill-typed literal; kg.graph.graphio reports those as one line
    logging.getLogger("rdflib").setLevel(logging.WARNING if debug else logging.ERROR)


def _truthy(name: str) -> bool:
    return os.environ.get(name, "").strip().lower() not in ("", "0", "false", "no")


def _usage_message(exc) -> str:
    """One line for a click usage error, with where to get help."""
    message = " ".join(exc.format_message().split()).rstrip(".")
    ctx = getattr(exc, "ctx", None)
    command = ctx.command_path if ctx is not None else "kg"
    return f"{message}; see '{command} --help'"


def main(argv: list[str] | None = None) -> None:
    """Run ``kg`` with ``argv`` (default ``sys.argv[1:]``) and exit with its exit code."""
    args = list(sys.argv[1:] if argv is None else argv)
    debug = "--debug" in args or _truthy("KG_DEBUG")
    if "--debug" in args:  # accepted anywhere, not only before the command
        args = ["--debug"] + [a for a in args if a != "--debug"]
    STATE["debug"] = debug
    _setup_logging(debug)
    if _truthy("KG_NO_NETWORK"):
        from ..store import netguard

        netguard.enable()
    code = _run(args, debug)
    sys.exit(code)


def _exception_types() -> tuple[tuple[type, ...], tuple[type, ...]]:
    """(usage-error types, abort types) of typer's bundled click and of click itself, if installed."""
    import importlib

    errors: list[type] = []
    aborts: list[type] = [typer.Abort]
    for name in ("typer._click.exceptions", "click.exceptions"):
        try:
            module = importlib.import_module(name)
        except ImportError:
            continue
        for attr, into in (("ClickException", errors), ("Abort", aborts)):
            found = getattr(module, attr, None)
            if isinstance(found, type):
                into.append(found)
    return tuple(errors), tuple(aborts)


def _run(args: list[str], debug: bool) -> int:
    click_errors, click_aborts = _exception_types()
    try:
        _register()
        result = app(args=args, prog_name="kg", standalone_mode=False)
    except KgError as exc:
        if debug:
            raise
        typer.echo(f"{exc.label}: {exc}", err=True)
        return exc.exit_code
    except typer.Exit as exc:
        return exc.exit_code
    except (KeyboardInterrupt, *click_aborts):
        typer.echo("interrupted", err=True)
        return EXIT_INTERRUPTED
    except click_errors as exc:
        if exc.__class__.__name__ == "NoArgsIsHelpError":
            exc.show()  # `kg` alone: the help text
            return EXIT_BAD_INPUT
        typer.echo(f"error: {_usage_message(exc)}", err=True)
        return EXIT_BAD_INPUT
    except BrokenPipeError:
        # `kg query ... | head`: the reader went away; stop quietly
        try:
            devnull = os.open(os.devnull, os.O_WRONLY)
            os.dup2(devnull, sys.stdout.fileno())
        except (OSError, ValueError):
            pass
        return EXIT_BAD_INPUT
    except MemoryError:
        if debug:
            raise
        typer.echo("error: out of memory; give smaller inputs (see --max-bytes) or fewer articles at once", err=True)
        return EXIT_BAD_INPUT
    except OSError as exc:
        if debug:
            raise
        where = f"{exc.filename}: " if getattr(exc, "filename", None) else ""
        typer.echo(f"error: {where}{exc.strerror or exc} (run with --debug for the traceback)", err=True)
        return EXIT_BAD_INPUT
    except Exception as exc:  # anything unexpected: still one line
        if debug:
            raise
        detail = " ".join(str(exc).split())[:300]
        typer.echo(f"error: {type(exc).__name__}: {detail} (run with --debug for the traceback)", err=True)
        return EXIT_BAD_INPUT
    # standalone_mode=False: typer returns the code of a typer.Exit (and 130 for Ctrl-C) instead of
    # raising it; a command's own return value is not an exit code.
    if isinstance(result, int) and not isinstance(result, bool):
        if result == EXIT_INTERRUPTED:
            typer.echo("interrupted", err=True)
        return result
    return 0
