"""SHACL validation (kg/graph/validation.py, ontology/shapes.ttl): the extractor's graph conforms, broken graphs do not."""
from __future__ import annotations

import dataclasses
import subprocess
import sys
import time
from pathlib import Path

import pytest
from rdflib import Dataset, Graph, Literal, URIRef
from rdflib.namespace import PROV, RDF, XSD

from factories import SENTENCES, TEXT, article_facts, span, with_evidence
from kg.graph.rdf import article_dataset, article_iri, graph_iri, new_dataset, add_article
from kg.extract.records import Article, ArticleFacts, EventFact, MeasureFact, QuantityFact, RoleFact, Span
from kg.graph.validation import ValidationReport, union_graph, validate_graph
from kg.graph.vocab import ID, MIG, NIF, SEM

ROOT = Path(__file__).resolve().parent.parent


def of_type(facts: ArticleFacts, cls: type) -> int:
    """Index of the first fact of type ``cls``."""
    return next(i for i, f in enumerate(facts.facts) if isinstance(f, cls))


def fact_nodes(ds: Dataset, cls: URIRef) -> list[URIRef]:
    return sorted(set(ds.subjects(RDF.type, cls)))


def the_graph(ds: Dataset, facts: ArticleFacts) -> Graph:
    return ds.graph(graph_iri(facts.article))


def violations_at(report: ValidationReport, focus: str, path: str | None = None) -> list:
    return [
        p
        for p in report.problems
        if p.severity == "Violation" and focus in p.focus and (path is None or p.path == path)
    ]


# -- what the extractor writes conforms ----------------------------------------------------------


def test_factory_graph_conforms():
    report = validate_graph(article_dataset(article_facts()))
    assert report.conforms, report.text
    assert report.violations == 0
    assert report.warnings == 0, report.text
    assert report.text.startswith("Graph conforms: 0 violations")


def test_factory_spans_are_real_substrings():
    facts = article_facts()
    assert facts.article.text == TEXT
    spans = [s for e in facts.entities.values() for s in e.mentions] + [f.evidence.sentence for f in facts.facts]
    assert len(spans) > 20
    for s in spans:
        assert TEXT[s.start:s.end] == s.text


def test_factory_covers_every_kind_and_fact_type():
    from kg.extract.records import Kind, MovementFact, OrientationFact, QuoteFact

    facts = article_facts()
    assert {e.kind for e in facts.entities.values()} == set(Kind)
    assert {type(f) for f in facts.facts} == {
        RoleFact, MeasureFact, EventFact, QuoteFact, MovementFact, QuantityFact, OrientationFact
    }
    ds = article_dataset(facts)
    for cls in (MIG.RoleAssignment, MIG.Measure, MIG.Election, SEM.Event, MIG.Movement, MIG.NumericFact,
                MIG.OrientationAttribution, URIRef("https://schema.org/Quotation")):
        assert fact_nodes(ds, cls), cls


def test_written_and_reread_graph_conforms(tmp_path):
    ds = article_dataset(article_facts())
    path = tmp_path / "out.trig"
    path.write_bytes(ds.serialize(format="trig", encoding="utf-8"))
    reread = Dataset(default_union=True)
    reread.parse(path, format="trig")
    report = validate_graph(reread)
    assert report.conforms, report.text


def test_plain_graph_input_is_accepted():
    report = validate_graph(union_graph(article_dataset(article_facts())))
    assert report.conforms, report.text


def test_empty_graph_conforms():
    report = validate_graph(Graph())
    assert report.conforms and report.violations == 0


# -- graphs broken on purpose -----------------------------------------------------------------------


def test_fact_without_evidence_sentence_does_not_conform():
    facts = article_facts()
    ds = article_dataset(facts)
    measure = fact_nodes(ds, MIG.Measure)[0]
    the_graph(ds, facts).remove((measure, PROV.wasDerivedFrom, None))
    report = validate_graph(ds)
    assert not report.conforms
    assert report.violations == 1
    [problem] = violations_at(report, str(measure), "prov:wasDerivedFrom")
    assert "nif:Sentence" in problem.message
    assert str(measure) in report.text and "prov:wasDerivedFrom" in report.text


def test_fact_whose_evidence_is_not_a_sentence_does_not_conform():
    facts = article_facts()
    ds = article_dataset(facts)
    role = fact_nodes(ds, MIG.RoleAssignment)[0]
    sentence = ds.value(role, PROV.wasDerivedFrom)
    the_graph(ds, facts).remove((sentence, RDF.type, NIF.Sentence))
    report = validate_graph(ds)
    assert not report.conforms
    assert violations_at(report, str(role), "prov:wasDerivedFrom")


def test_country_code_peru_does_not_conform():
    facts = article_facts()
    facts.entities["country:MX"].iso_code = "peru"
    report = validate_graph(article_dataset(facts))
    assert not report.conforms
    [problem] = violations_at(report, "/id/country/MX", "gn:countryCode")
    assert problem.value == '"peru"'
    assert "two upper-case letters" in problem.message
    assert '"peru"' in report.text


def test_country_without_code_does_not_conform():
    facts = article_facts()
    facts.entities["country:GT"].iso_code = None
    report = validate_graph(article_dataset(facts))
    assert not report.conforms
    assert violations_at(report, "/id/country/GT", "gn:countryCode")


def test_confidence_of_3_does_not_conform():
    facts = article_facts()
    i = of_type(facts, RoleFact)
    facts.facts[i] = with_evidence(facts.facts[i], confidence=3)
    ds = article_dataset(facts)
    report = validate_graph(ds)
    assert not report.conforms
    assert report.violations == 1
    [problem] = [p for p in report.problems if p.path == "mig:confidence"]
    assert "/id/role/" in problem.focus
    assert "between 0 and 1" in problem.message
    assert "3" in problem.value


def test_negative_confidence_does_not_conform():
    facts = article_facts()
    i = of_type(facts, QuantityFact)
    facts.facts[i] = with_evidence(facts.facts[i], confidence=-0.2)
    report = validate_graph(article_dataset(facts))
    assert not report.conforms
    assert [p for p in report.problems if p.path == "mig:confidence"]


def test_confidence_as_float_or_two_values_does_not_conform():
    facts = article_facts()
    ds = article_dataset(facts)
    g = the_graph(ds, facts)
    measure, event = fact_nodes(ds, MIG.Measure)[0], fact_nodes(ds, MIG.Election)[0]
    g.set((measure, MIG.confidence, Literal("0.5", datatype=XSD.double)))
    g.add((event, MIG.confidence, Literal("0.1", datatype=XSD.decimal)))
    report = validate_graph(ds)
    assert violations_at(report, str(measure), "mig:confidence")
    assert violations_at(report, str(event), "mig:confidence")


def test_empty_rule_does_not_conform():
    facts = article_facts()
    facts.facts[0] = with_evidence(facts.facts[0], rule="")
    report = validate_graph(article_dataset(facts))
    assert not report.conforms
    assert [p for p in report.problems if p.path == "mig:rule"]


def test_unknown_modality_and_role_status_do_not_conform():
    facts = article_facts()
    m, r = of_type(facts, MeasureFact), of_type(facts, RoleFact)
    facts.facts[m] = dataclasses.replace(facts.facts[m], modality="maybe")
    facts.facts[r] = dataclasses.replace(facts.facts[r], status="was")
    report = validate_graph(article_dataset(facts))
    assert not report.conforms
    paths = {p.path for p in report.problems if p.severity == "Violation"}
    assert {"mig:modality", "mig:roleStatus"} <= paths


def test_role_holder_must_be_a_person():
    facts = article_facts()
    i = of_type(facts, RoleFact)
    facts.facts[i] = dataclasses.replace(facts.facts[i], person="organization:unhcr")
    report = validate_graph(article_dataset(facts))
    assert not report.conforms
    assert [p for p in report.problems if p.path == "mig:holder" and "schema:Person" in p.message]


def test_number_without_value_or_range_does_not_conform():
    facts = article_facts()
    i = of_type(facts, QuantityFact)
    facts.facts[i] = dataclasses.replace(facts.facts[i], value=None, minimum=None, maximum=None)
    report = validate_graph(article_dataset(facts))
    assert not report.conforms
    assert [p for p in report.problems if "schema:value, or both" in p.message]


def test_range_with_minimum_above_maximum_does_not_conform():
    facts = article_facts()
    i = next(i for i, f in enumerate(facts.facts) if isinstance(f, QuantityFact) and f.minimum is not None)
    facts.facts[i] = dataclasses.replace(facts.facts[i], minimum=900, maximum=500)
    report = validate_graph(article_dataset(facts))
    assert not report.conforms
    assert [p for p in report.problems if p.path == "schema:minValue"]


def test_event_date_that_is_not_iso_does_not_conform():
    facts = article_facts()
    i = of_type(facts, EventFact)
    facts.facts[i] = dataclasses.replace(facts.facts[i], date="last Monday")
    report = validate_graph(article_dataset(facts))
    assert not report.conforms
    [problem] = [p for p in report.problems if p.path == "sem:hasTimeStamp"]
    assert "xsd:date" in problem.message and "last Monday" in problem.value


def test_span_that_is_not_the_text_at_its_offsets_does_not_conform():
    facts = article_facts()
    mention = facts.entities["country:MX"].mentions[0]
    facts.entities["country:MX"].mentions[0] = Span(mention.start, mention.end, "Mexica")
    report = validate_graph(article_dataset(facts))
    assert not report.conforms
    [problem] = [p for p in report.problems if "span text" in p.message]
    assert "#char=" in problem.focus and "Mexica" in problem.message


def test_evidence_past_the_end_of_the_text_does_not_conform():
    facts = article_facts()
    last = span(TEXT, SENTENCES[-1])
    facts.facts[0] = with_evidence(facts.facts[0], sentence=Span(last.start, last.end + 5, last.text + " More"))
    report = validate_graph(article_dataset(facts))
    assert not report.conforms
    assert [p for p in report.problems if "span text" in p.message]


def test_crossing_that_joins_no_country_does_not_conform():
    facts = article_facts()
    facts.entities["crossing:ciudad-hidalgo-crossing"].joins = []
    report = validate_graph(article_dataset(facts))
    assert not report.conforms
    assert violations_at(report, "/id/crossing/", "mig:connects")


def test_dangling_reference_does_not_conform():
    facts = article_facts()
    ds = article_dataset(facts)
    event = fact_nodes(ds, MIG.Election)[0]
    the_graph(ds, facts).add((event, SEM.hasActor, ID["person/nobody"]))
    report = validate_graph(ds)
    assert not report.conforms
    [problem] = violations_at(report, str(event), "sem:hasActor")
    assert "described in the graph" in problem.message
    assert any("rdfs:label" in d for d in problem.details)
    assert report.violations == 1


def test_article_end_index_must_match_its_text():
    facts = article_facts()
    ds = article_dataset(facts)
    art = article_iri(facts.article)
    the_graph(ds, facts).set((art, NIF.endIndex, Literal(3, datatype=XSD.nonNegativeInteger)))
    report = validate_graph(ds)
    assert not report.conforms
    assert [p for p in report.problems if "not the length of its text" in p.message]


def test_span_iri_must_match_its_offsets():
    facts = article_facts()
    ds = article_dataset(facts)
    phrase = URIRef(f"{article_iri(facts.article)}#char=0,6")
    the_graph(ds, facts).set((phrase, NIF.beginIndex, Literal(1, datatype=XSD.nonNegativeInteger)))
    report = validate_graph(ds)
    assert not report.conforms
    assert [p for p in violations_at(report, str(phrase)) if "#char=1,6" in p.message]


def test_fact_sentence_from_another_article_does_not_conform():
    facts = article_facts()
    ds = article_dataset(facts)
    measure = fact_nodes(ds, MIG.Measure)[0]
    g = the_graph(ds, facts)
    sentence = ds.value(measure, PROV.wasDerivedFrom)
    other = URIRef("https://w3id.org/migration-kg/id/article/other")
    g.set((sentence, NIF.referenceContext, other))
    report = validate_graph(ds)
    assert not report.conforms
    assert [p for p in violations_at(report, str(measure), "prov:wasDerivedFrom") if "another article" in p.message]


def test_orientation_must_be_copied_to_the_person():
    facts = article_facts()
    ds = article_dataset(facts)
    attribution = fact_nodes(ds, MIG.OrientationAttribution)[0]
    the_graph(ds, facts).remove((ds.value(attribution, MIG.person), MIG.politicalOrientation, None))
    report = validate_graph(ds)
    assert not report.conforms
    [problem] = violations_at(report, str(attribution), "mig:orientation")
    assert '"left-wing populist"' in problem.message


def test_country_iri_that_does_not_match_its_code_is_a_warning():
    facts = article_facts()
    facts.entities["country:GT"].iso_code = "GU"
    report = validate_graph(article_dataset(facts))
    assert report.conforms, report.text
    [warning] = [p for p in report.problems if p.severity == "Warning"]
    assert "/id/country/GT" in warning.focus and "country/GU" in warning.message


def test_warning_is_reported_but_does_not_fail():
    facts = article_facts()
    i = of_type(facts, EventFact)
    facts.facts[i] = dataclasses.replace(facts.facts[i], place="person:julio-rios")
    report = validate_graph(article_dataset(facts))
    assert report.conforms, report.text
    assert report.violations == 0 and report.warnings == 1
    assert "[Warning]" in report.text and "sem:hasPlace" in report.text


def test_every_named_graph_of_a_dataset_is_checked():
    good = article_facts()
    bad = ArticleFacts(
        article=Article(slug="second", text="Peru closed the border."),
        entities={},
        facts=[MeasureFact(None, "border closure", "border closure", "carried out", None,
                           with_evidence(good.facts[0], sentence=Span(0, 23, "Peru closed the border.")).evidence)],
    )
    bad.entities["country:PE"] = dataclasses.replace(good.entities["country:MX"], key="country:PE", name="Peru",
                                                     mentions=[Span(0, 4, "Peru")], iso_code="pe", wikidata=None)
    ds = new_dataset()
    add_article(ds, good)
    add_article(ds, bad)
    assert len([g for g in ds.graphs() if len(g)]) == 2
    report = validate_graph(ds)
    assert not report.conforms
    assert [p for p in report.problems if p.path == "gn:countryCode" and '"pe"' == p.value]


# -- the report ----------------------------------------------------------------------------------


def test_report_lists_focus_path_value_and_message_per_violation():
    facts = article_facts()
    facts.entities["country:MX"].iso_code = "peru"
    i = of_type(facts, RoleFact)
    facts.facts[i] = with_evidence(facts.facts[i], confidence=3)
    report = validate_graph(article_dataset(facts))
    assert report.violations == 2
    assert report.text.count("[Violation]") == 2
    assert report.text.splitlines()[0].startswith("Graph does not conform: 2 violations")
    for needle in ("path:    gn:countryCode", "value:   \"peru\"", "path:    mig:confidence", "message: "):
        assert needle in report.text


# -- cost ------------------------------------------------------------------------------------------


def test_validation_is_quick():
    ds = article_dataset(article_facts())
    validate_graph(ds)  # parse shapes and ontology once
    start = time.perf_counter()
    validate_graph(ds)
    assert time.perf_counter() - start < 8


def test_validation_does_not_load_spacy():
    code = (
        "import sys\n"
        "sys.path.insert(0, 'tests')\n"
        "from factories import article_facts\n"
        "from kg.graph.rdf import article_dataset\n"
        "from kg.graph.validation import validate_graph\n"
        "assert validate_graph(article_dataset(article_facts())).conforms\n"
        "assert 'spacy' not in sys.modules, 'spacy was imported'\n"
    )
    env_path = str(ROOT)
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True,
        env={"PYTHONPATH": env_path, "PATH": "/usr/bin:/bin"},
    )
    assert result.returncode == 0, result.stderr


def test_kg_validate_command(tmp_path, capsys):
    from kg.cli import main

    facts = article_facts()
    good = tmp_path / "good.trig"
    good.write_bytes(article_dataset(facts).serialize(format="trig", encoding="utf-8"))
    facts.entities["country:MX"].iso_code = "peru"
    bad = tmp_path / "bad.trig"
    bad.write_bytes(article_dataset(facts).serialize(format="trig", encoding="utf-8"))

    with pytest.raises(SystemExit) as exit_good:
        main(["validate", str(good)])
    assert exit_good.value.code == 0
    assert "Graph conforms" in capsys.readouterr().out

    with pytest.raises(SystemExit) as exit_bad:
        main(["validate", str(bad)])
    assert exit_bad.value.code == 1
    out = capsys.readouterr().out
    assert "gn:countryCode" in out and '"peru"' in out
