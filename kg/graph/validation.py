"""SHACL validation of a graph against ``ontology/shapes.ttl`` (with ``ontology/migration.ttl``).

``validate_graph`` takes a Graph or a Dataset (whose named graphs are validated together, as one
union) and returns a :class:`ValidationReport`: ``conforms`` is False when any shape of severity
``sh:Violation`` fails; warnings are listed in ``text`` but do not fail the graph.

No spaCy here: validation needs only rdflib and pyshacl, and the shapes and ontology are parsed
once per process.

>>> from rdflib import Graph
>>> validate_graph(Graph()).conforms
True
"""
from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from rdflib import Dataset, Graph, Literal, URIRef
from rdflib.namespace import RDF, SH
from rdflib.term import Node

from ..errors import KgError
from .vocab import bind_prefixes

ONTOLOGY_DIR = Path(__file__).resolve().parents[2] / "ontology"
SHAPES_PATH = ONTOLOGY_DIR / "shapes.ttl"
ONTOLOGY_PATH = ONTOLOGY_DIR / "migration.ttl"

_SEVERITY_NAME = {SH.Violation: "Violation", SH.Warning: "Warning", SH.Info: "Info"}
_SEVERITY_RANK = {"Violation": 0, "Warning": 1, "Info": 2}


@dataclass(frozen=True)
class Problem:
    """One SHACL validation result, in readable terms."""

    severity: str  # "Violation" | "Warning" | "Info"
    focus: str
    path: str
    value: str
    message: str
    shape: str
    details: tuple[str, ...] = ()  # messages of the nested results that explain this one (sh:detail)


@dataclass
class ValidationReport:
    """The outcome of validating a graph.

    ``conforms``: no violations (warnings allowed); ``violations``: how many results of severity
    Violation; ``text``: a readable report, one entry per result (focus node, path, value, message).
    """

    conforms: bool
    text: str
    violations: int
    warnings: int = 0
    problems: list[Problem] = field(default_factory=list)


@lru_cache(maxsize=1)
def _shapes_and_ontology() -> tuple[Graph, Graph]:
    for path in (SHAPES_PATH, ONTOLOGY_PATH):
        if not path.is_file():
            raise KgError(f"{path}: missing; the SHACL shapes and ontology ship in the project's ontology/ folder")
    return Graph().parse(SHAPES_PATH, format="turtle"), Graph().parse(ONTOLOGY_PATH, format="turtle")


def union_graph(data: Graph | Dataset) -> Graph:
    """One plain Graph holding every triple of ``data`` (all named graphs of a Dataset).

    Typed literals are rebuilt from their lexical form, so the check sees what a serialised file
    holds: ``Literal(0.75, datatype=XSD.decimal)`` keeps a Python float in memory, which
    pyshacl's sh:datatype would reject although it is written as a valid "0.75"^^xsd:decimal.
    """
    union = Graph()
    bind_prefixes(union)
    graphs = data.graphs() if isinstance(data, Dataset) else [data]
    for graph in graphs:
        for s, p, o in graph:
            if isinstance(o, Literal) and o.datatype is not None:
                o = Literal(str(o), datatype=o.datatype)
            union.add((s, p, o))
    return union


def validate_graph(data: Graph | Dataset) -> ValidationReport:
    """Validate ``data`` (a Graph, or a Dataset: the union of its graphs) against the project's shapes."""
    from pyshacl import validate

    shapes, ontology = _shapes_and_ontology()
    graph = union_graph(data)
    _conforms, results, _text = validate(
        graph,
        shacl_graph=shapes,
        ont_graph=ontology,
        inference="none",
        abort_on_first=False,
        allow_warnings=True,
        allow_infos=True,
        advanced=True,
        meta_shacl=False,
        inplace=False,
    )
    problems = _problems(results, graph)
    violations = sum(1 for p in problems if p.severity == "Violation")
    warnings = sum(1 for p in problems if p.severity == "Warning")
    conforms = violations == 0
    return ValidationReport(
        conforms=conforms,
        text=_render(problems, conforms, violations, warnings, len(graph)),
        violations=violations,
        warnings=warnings,
        problems=problems,
    )


def _problems(results: Graph, data: Graph) -> list[Problem]:
    def show(node: Node | None) -> str:
        if node is None:
            return ""
        if isinstance(node, URIRef):
            return node.n3(data.namespace_manager)
        if isinstance(node, Literal):
            text = node.n3(data.namespace_manager)
            return text if len(text) <= 120 else text[:117] + "..."
        return _path_text(results, node, data) or "_:" + str(node)[:8]

    problems = []
    top_level = [r for report in results.subjects(RDF.type, SH.ValidationReport) for r in results.objects(report, SH.result)]
    for result in top_level:
        severity = results.value(result, SH.resultSeverity)
        shape = results.value(result, SH.sourceShape)
        details = tuple(sorted({_message(results, d, data) for d in results.objects(result, SH.detail)}))
        problems.append(
            Problem(
                severity=_SEVERITY_NAME.get(severity, str(severity)),
                focus=show(results.value(result, SH.focusNode)),
                path=show(results.value(result, SH.resultPath)),
                value=show(results.value(result, SH.value)),
                message=_message(results, result, data),
                shape=shape.n3(data.namespace_manager) if isinstance(shape, URIRef) else "",
                details=details,
            )
        )
    problems.sort(key=lambda p: (_SEVERITY_RANK.get(p.severity, 9), p.focus, p.path, p.message, p.value))
    return problems


def _message(results: Graph, result: Node, data: Graph) -> str:
    messages = sorted(str(m) for m in results.objects(result, SH.resultMessage))
    if messages:
        return "; ".join(messages)
    component = results.value(result, SH.sourceConstraintComponent)
    return component.n3(data.namespace_manager) if component is not None else "constraint failed"


def _path_text(results: Graph, node: Node, data: Graph) -> str:
    """A blank-node SHACL path (e.g. [sh:inversePath p]) as text."""
    inverse = results.value(node, SH.inversePath)
    if inverse is not None:
        return f"^{inverse.n3(data.namespace_manager)}"
    return ""


def _render(problems: list[Problem], conforms: bool, violations: int, warnings: int, triples: int) -> str:
    def plural(n: int, word: str) -> str:
        return f"{n} {word}{'' if n == 1 else 's'}"

    verdict = "conforms" if conforms else "does not conform"
    lines = [f"Graph {verdict}: {plural(violations, 'violation')}, {plural(warnings, 'warning')} ({triples} distinct triples checked)."]
    for p in problems:
        lines.append("")
        lines.append(f"[{p.severity}] {p.focus}")
        if p.path:
            lines.append(f"  path:    {p.path}")
        if p.value:
            lines.append(f"  value:   {p.value}")
        lines.append(f"  message: {p.message}")
        for detail in p.details:
            lines.append(f"  because: {detail}")
    return "\n".join(lines)
