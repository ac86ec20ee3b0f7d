"""The ``kg`` command line: a thin typer layer over the library, one module per command.

Exit codes: 0 success, 1 bad input or usage, 2 some articles of a batch failed,
130 interrupted. ``--debug`` shows the traceback of an error.
"""
from __future__ import annotations

import sys

import typer

from ..errors import KgError

app = typer.Typer(
    name="kg",
    help="Turn migration and border news into a knowledge graph: extract, query, validate, visualise, serve.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)

STATE = {"debug": False}


@app.callback()
def _root(debug: bool = typer.Option(False, "--debug", help="Show Python tracebacks on errors.")) -> None:
    STATE["debug"] = debug


def _register() -> None:
    """Import the command modules; each adds its command(s) to ``app``."""
    from . import demo, extract, query, validate  # noqa: F401
    import importlib

    for optional in ("visualize", "stats", "export", "serve", "push", "explain"):
        try:
            importlib.import_module(f"{__name__}.{optional}")
        except ModuleNotFoundError as exc:
            if exc.name != f"{__name__}.{optional}":
                raise


def fail(message: str, code: int = 1) -> None:
    """Print a one-line error and exit with ``code``."""
    typer.echo(f"error: {message}", err=True)
    raise typer.Exit(code)


def main() -> None:
    _register()
    debug = "--debug" in sys.argv
    try:
        app(standalone_mode=False)
    except KgError as exc:
        if debug:
            raise
        typer.echo(f"error: {exc}", err=True)
        sys.exit(exc.exit_code)
    except typer.Exit as exc:
        sys.exit(exc.exit_code)
    except KeyboardInterrupt:
        typer.echo("interrupted", err=True)
        sys.exit(130)
    except Exception as exc:  # click usage errors and anything unexpected
        import click

        if isinstance(exc, click.exceptions.Abort):
            typer.echo("interrupted", err=True)
            sys.exit(130)
        if isinstance(exc, click.ClickException):
            exc.show()
            sys.exit(1)
        if debug:
            raise
        typer.echo(f"error: {type(exc).__name__}: {exc} (run with --debug for the traceback)", err=True)
        sys.exit(1)
