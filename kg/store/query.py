"""Run SPARQL over a graph and format the answers as a table, CSV or JSON.

Queries never reach the network: ``SERVICE`` clauses are refused unless explicitly allowed
(``allow_service=True``, or ``KG_ALLOW_SERVICE=1`` in the environment), and ``FROM <iri>`` names
a graph already in the dataset instead of downloading one. A malformed query is reported with
the line and column where the parser stopped.
"""
from __future__ import annotations

import csv
import io
import json
import os
import re
from dataclasses import dataclass
from pathlib import Path

from ..errors import KgError, QueryError

ALLOW_SERVICE_ENV = "KG_ALLOW_SERVICE"


@dataclass
class Answer:
    """The rows of a SELECT (values as strings, None when unbound), or a boolean for ASK."""

    columns: list[str]
    rows: list[list[str | None]]

    def __iter__(self):
        """Each row as a dict of column -> value: ``for row in answer: print(row["speaker"])``."""
        return (dict(zip(self.columns, row)) for row in self.rows)

    def __len__(self) -> int:
        return len(self.rows)


def read_query(query: str) -> str:
    """A query given as a file path (.rq/.sparql) or as the query text itself."""
    candidate = Path(query)
    if len(query) < 4096 and "\n" not in query and candidate.suffix in (".rq", ".sparql"):
        if not candidate.is_file():
            raise QueryError(f"{query}: no such query file; check the path or give the query text")
        try:
            return candidate.read_text(encoding="utf-8-sig")
        except UnicodeDecodeError:
            raise QueryError(f"{query}: the query file is not UTF-8 text; save it as UTF-8") from None
        except OSError as exc:
            raise QueryError(f"{query}: cannot read the query file: {exc.strerror or exc}") from None
    return query


def _service_allowed(allow_service: bool | None) -> bool:
    if allow_service is not None:
        return allow_service
    return os.environ.get(ALLOW_SERVICE_ENV, "").strip().lower() in ("1", "true", "yes")


def _uses_service(node) -> bool:
    """Whether a parsed query (rdflib algebra) contains a SERVICE pattern anywhere."""
    from rdflib.plugins.sparql.parserutils import CompValue

    stack, seen = [node], set()
    while stack:
        item = stack.pop()
        if id(item) in seen:
            continue
        seen.add(id(item))
        if isinstance(item, CompValue):
            if item.name == "ServiceGraphPattern":
                return True
            stack.extend(item.values())
        elif isinstance(item, dict):
            stack.extend(item.values())
        elif isinstance(item, (list, tuple)):
            stack.extend(item)
    return False


_ESCAPE = re.compile(r"\\u([0-9A-Fa-f]{4})|\\U([0-9A-Fa-f]{8})")
# What can hide a keyword without being one: comments, strings (long forms first), IRIs.
_NOT_CODE = re.compile(
    r"#[^\n\r]*"
    r"|'''(?:[^'\\]|\\.|'(?!''))*'''"
    r'|"""(?:[^"\\]|\\.|"(?!""))*"""'
    r"|'(?:[^'\\\n\r]|\\.)*'"
    r'|"(?:[^"\\\n\r]|\\.)*"'
    r'|<[^<>"{}|^`\\\x00-\x20]*>',
    re.DOTALL,
)


def _unescape(match: re.Match) -> str:
    code = int(match.group(1) or match.group(2), 16)
    return chr(code) if code < 0x110000 else match.group(0)


def code_of(text: str) -> str:
    """The query text with comments, strings and IRIs blanked out, after SPARQL's \\u escapes.

    SPARQL decodes ``\\uXXXX`` escapes before parsing (so ``SERVIC\\u0045`` is a keyword):
    decoding first keeps the keyword checks from being fooled.
    """
    return _NOT_CODE.sub(" ", _ESCAPE.sub(_unescape, text))


def has_keyword(text: str, word: str) -> bool:
    """Whether SPARQL keyword ``word`` occurs in ``text`` as a keyword (not in a string, comment,
    IRI, variable, prefixed name or blank node label).

    A scan of the text rather than a parse: it needs no parser that agrees with Oxigraph's on
    every query, and it errs on the side of "yes" (a query wrongly flagged is refused with a
    message; a missed one would reach the network).
    """
    pattern = re.compile(rf"(?<![\w:?$\-]){re.escape(word)}(?![\w:\-])", re.IGNORECASE)
    return pattern.search(code_of(text)) is not None


def uses_service(text: str) -> bool:
    """Whether a query (or update) has a SERVICE clause anywhere: nested, in EXISTS, in a subquery."""
    return has_keyword(text, "SERVICE")


SERVICE_REFUSED = (
    "the query uses SERVICE, which would make this machine send requests to other servers; "
    "it is refused by default. To allow it, use --allow-service (or set {env}=1)"
)


def refuse_service(text_or_query, allow_service: bool | None = None) -> None:
    """SPARQL SERVICE would reach the network: refuse it unless allowed.

    Takes the query text (a keyword scan that skips strings, comments and IRIs, see
    :func:`has_keyword`) or an rdflib prepared query (an exact check of its algebra).
    """
    if _service_allowed(allow_service):
        return
    if isinstance(text_or_query, str):
        found = uses_service(text_or_query)
    else:
        found = _uses_service(getattr(text_or_query, "algebra", text_or_query))
    if found:
        raise QueryError(SERVICE_REFUSED.format(env=ALLOW_SERVICE_ENV))


_UPDATE = re.compile(
    r"^\s*(?:(?:PREFIX\s+\S*:\s*<[^>]*>|BASE\s*<[^>]*>|#[^\n]*(?=\n|$))\s*)*"
    r"(INSERT|DELETE|LOAD|CLEAR|CREATE|DROP|COPY|MOVE|ADD|WITH)\b",
    re.IGNORECASE,
)


def parse_query(text: str):
    """Parse SPARQL into an rdflib prepared query, or raise QueryError with line and column."""
    from pyparsing import ParseBaseException
    from rdflib.plugins.sparql import prepareQuery

    from ..graph.vocab import PREFIXES

    if not text.strip():
        raise QueryError("the query is empty; give SPARQL text or a .rq file")
    update = _UPDATE.match(text)
    if update:
        raise QueryError(f"{update.group(1).upper()} is a SPARQL update; kg query only answers SELECT and ASK queries")
    try:
        return prepareQuery(text, initNs=dict(PREFIXES))
    except ParseBaseException as exc:
        raise QueryError(f"malformed SPARQL {_where(exc, text)}; check the query's syntax") from None
    except Exception as exc:  # rdflib: unknown prefix, bad IRI, ...
        message = " ".join(str(exc).split())[:300] or type(exc).__name__
        prefix = re.match(r"Unknown namespace prefix\s*:\s*(\S+)", message)
        if prefix:
            name = prefix.group(1)
            raise QueryError(
                f"malformed SPARQL: unknown prefix {name}:; declare it with PREFIX {name}: <...>"
            ) from None
        raise QueryError(f"malformed SPARQL: {message}") from None


def _where(exc, text: str) -> str:
    """'at line L, column C: Expected ..., found ...' from a pyparsing exception's position."""
    source = exc.pstr if isinstance(getattr(exc, "pstr", None), str) and exc.pstr else text
    loc = max(0, min(int(getattr(exc, "loc", 0) or 0), len(source)))
    line = source.count("\n", 0, loc) + 1
    col = loc - (source.rfind("\n", 0, loc) + 1) + 1
    reason = re.sub(r"\s*\(at char \d+\),?\s*\(line:\d+, col:\d+\)\s*$", "", str(exc)).strip()
    reason = " ".join(reason.split())[:200]
    if loc >= len(source.rstrip()):
        where = f"at line {line}, column {col} (end of the query)"
    else:
        where = f"at line {line}, column {col}"
    return f"{where}: {reason}" if reason else where


_BIND_NAME = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")
_NUMBER = re.compile(r"[+-]?(?:\d+\.?\d*|\.\d+)")


def parse_binding(spec: str) -> tuple[str, str]:
    """``name=value`` from the command line -> (variable name, SPARQL term).

    ``<...>`` is an IRI, a plain number a number, anything else a string literal.

    >>> parse_binding('speaker=Ana Ruiz')
    ('speaker', '"Ana Ruiz"')
    >>> parse_binding("country=<https://w3id.org/migration-kg/id/country/PE>")
    ('country', '<https://w3id.org/migration-kg/id/country/PE>')
    >>> parse_binding("n=3")
    ('n', '3')
    """
    name, sep, value = spec.partition("=")
    name = name.strip().lstrip("?$")
    if not sep or not _BIND_NAME.fullmatch(name):
        raise QueryError(f"--bind {spec!r}: write it as NAME=VALUE, e.g. --bind speaker=\"Ana Ruiz\"")
    if value.startswith("<") and value.endswith(">") and not re.search(r'[\s<>"{}|^`\\]', value[1:-1]):
        return name, value
    if _NUMBER.fullmatch(value):
        return name, value
    escaped = value.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n").replace("\r", "\\r")
    return name, f'"{escaped}"'


def bind_variables(text: str, bindings: list[tuple[str, str]]) -> str:
    """The query with each variable fixed to a value: ``VALUES ?name { term }`` as the first
    element of the WHERE clause, so that FILTERs and patterns of that group see it (a VALUES after
    the query would come too late for a FILTER). A saved query stays reusable as it is.
    """
    if not bindings:
        return text
    code = _NOT_CODE.sub(lambda m: " " * len(m.group(0)), text)  # same offsets as ``text``
    for name, _ in bindings:
        if not re.search(rf"[?$]{name}(?![A-Za-z0-9_])", code):
            raise QueryError(f"--bind {name}=...: the query has no variable ?{name}")
    where = re.search(r"(?<![\w:?$\-])WHERE(?![\w:\-])", code, re.IGNORECASE)
    brace = code.find("{", where.end() if where else 0)
    if brace < 0:
        raise QueryError("--bind: the query has no WHERE clause to bind its variables in")
    values = " ".join(f"VALUES ?{name} {{ {term} }}" for name, term in bindings)
    return f"{text[: brace + 1]} {values} {text[brace + 1 :]}"


def run_query(graph, text: str, allow_service: bool | None = None) -> Answer:
    """Run a SELECT or ASK over an rdflib graph or dataset."""
    import rdflib.plugins.sparql as sparql

    prepared = parse_query(text)
    refuse_service(prepared, allow_service)
    kind = prepared.algebra.name
    if kind not in ("SelectQuery", "AskQuery"):
        label = kind.replace("Query", "").upper()
        raise QueryError(f"{label} queries are not answered here; kg query answers SELECT and ASK")
    # FROM <iri> names a graph of the dataset; never download it
    sparql.SPARQL_LOAD_GRAPHS = False
    try:
        result = graph.query(prepared)
        if result.type == "ASK":
            return Answer(["ask"], [[str(bool(result.askAnswer)).lower()]])
        columns = [str(v) for v in result.vars]
        rows = [[None if row[c] is None else str(row[c]) for c in columns] for row in result]
    except KgError:
        raise
    except Exception as exc:
        raise QueryError(f"the query failed: {' '.join(str(exc).split())[:300] or type(exc).__name__}") from None
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
    from rich.markup import escape
    from rich.table import Table

    table = Table(title=escape(title) if title else None, show_lines=False)
    for column in answer.columns:
        table.add_column(escape(column), overflow="fold")
    for row in answer.rows:
        # values are data, not rich markup: "[bold]" in a label must print as is
        table.add_row(*["" if v is None else escape(v) for v in row])
    from ..view.console import stdout_console

    stdout_console().print(table)
