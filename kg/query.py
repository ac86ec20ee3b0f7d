"""Run SPARQL over a graph and format the answers as a table, CSV or JSON."""
from __future__ import annotations

import csv
import io
import json
from dataclasses import dataclass
from pathlib import Path

from .errors import KgError


@dataclass
class Answer:
    """The rows of a SELECT (values as strings, None when unbound), or a boolean for ASK."""

    columns: list[str]
    rows: list[list[str | None]]


def read_query(query: str) -> str:
    """A query given as a file path (.rq/.sparql) or as the query text itself."""
    candidate = Path(query)
    if len(query) < 4096 and "\n" not in query and candidate.suffix in (".rq", ".sparql"):
        if not candidate.exists():
            raise KgError(f"{query}: no such query file")
        return candidate.read_text(encoding="utf-8")
    return query


def refuse_service(text: str, allow_service: bool = False) -> None:
    """SPARQL SERVICE would reach the network: refuse it unless asked."""
    import re

    if not allow_service and re.search(r"\bSERVICE\b", text, re.IGNORECASE):
        raise KgError("the query uses SERVICE, which would reach the network; it is refused by default")


def run_query(graph, text: str) -> Answer:
    """Run a SELECT or ASK over an rdflib graph or dataset."""
    refuse_service(text)
    from rdflib.plugins.sparql import prepareQuery

    try:
        prepared = prepareQuery(text)
    except Exception as exc:
        raise KgError(f"malformed SPARQL: {' '.join(str(exc).split())[:400]}") from None
    result = graph.query(prepared)
    if result.type == "ASK":
        return Answer(["ask"], [[str(bool(result.askAnswer)).lower()]])
    if result.type != "SELECT":
        raise KgError("only SELECT and ASK queries are answered here")
    columns = [str(v) for v in result.vars]
    rows = [[None if row[c] is None else str(row[c]) for c in columns] for row in result]
    return Answer(columns, rows)


def format_answer(answer: Answer, fmt: str) -> str:
    if fmt == "json":
        return json.dumps([dict(zip(answer.columns, row)) for row in answer.rows], ensure_ascii=False, indent=2)
    if fmt == "csv":
        buf = io.StringIO()
        writer = csv.writer(buf)
        writer.writerow(answer.columns)
        writer.writerows([["" if v is None else v for v in row] for row in answer.rows])
        return buf.getvalue()
    raise KgError(f"unknown format {fmt!r}; use table, csv or json")


def print_table(answer: Answer, title: str | None = None) -> None:
    """A rich table on the terminal."""
    from rich.console import Console
    from rich.table import Table

    table = Table(title=title, show_lines=False)
    for column in answer.columns:
        table.add_column(column, overflow="fold")
    for row in answer.rows:
        table.add_row(*["" if v is None else v for v in row])
    Console().print(table)
