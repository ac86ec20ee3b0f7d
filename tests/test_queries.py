"""The competency-question queries answered over the example article (expected rows written here)."""
from __future__ import annotations

from pathlib import Path

import pytest

from kg.store.query import run_query

ROOT = Path(__file__).resolve().parents[1]
QUERIES = ROOT / "examples" / "queries"


@pytest.fixture(scope="module")
def example_graph(tmp_path_factory):
    from kg.api import extract_files

    out = tmp_path_factory.mktemp("example") / "tacna-arica.trig"
    return extract_files([ROOT / "examples" / "tacna-arica.txt"], out=out)


def rows(graph, cq: str, *columns: str) -> set[tuple]:
    query = next(QUERIES.glob(f"{cq}-*.rq")).read_text(encoding="utf-8")
    answer = run_query(graph, query)
    index = [answer.columns.index(c) for c in columns]
    return {tuple(r[i] for i in index) for r in answer.rows}


def test_every_cq_has_a_query_with_the_agreed_columns(example_graph):
    expected = {
        "cq01": ["person", "role", "country"], "cq02": ["crossing", "country"], "cq03": ["actor", "measure", "country"],
        "cq04": ["event", "eventType", "place", "date"], "cq05": ["speaker", "quote", "medium"],
        "cq06": ["group", "origin", "destination"], "cq07": ["what", "amount", "place", "date", "source"],
        "cq08": ["election", "country", "date", "candidate"], "cq09": ["person", "orientation"],
    }
    for cq, columns in expected.items():
        answer = run_query(example_graph, next(QUERIES.glob(f"{cq}-*.rq")).read_text(encoding="utf-8"))
        assert answer.columns[: len(columns)] == columns
        assert answer.rows, f"{cq} has no answer on the example"
        for row in answer.rows:  # labels and literals, never bare IRIs
            assert not any(v and v.startswith("http") for v in row), row


def test_cq01_people_and_offices(example_graph):
    assert rows(example_graph, "cq01", "person", "role", "country") >= {
        ("José Jerí", "Peruvian President", "Peru"),
        ("Luis Torres", "regional governor of Tacna", "Peru"),
        ("José Antonio Kast", "leading presidential candidate", "Chile"),
        ("Jeannette Jara", "presidential candidate", "Chile"),
        ("Gabriel Boric", "Outgoing President", "Chile"),
    }


def test_cq02_crossings_and_borders(example_graph):
    assert rows(example_graph, "cq02", "crossing", "country") == {
        ("Tacna–Arica border crossing", "Peru"), ("Tacna–Arica border crossing", "Chile"),
        ("Chile–Peru border", "Peru"), ("Chile–Peru border", "Chile"),
        ("Bolivia–Chile border", "Bolivia"), ("Bolivia–Chile border", "Chile"),
    }


def test_cq03_measures(example_graph):
    assert rows(example_graph, "cq03", "actor", "measure", "country") >= {
        ("José Jerí", "state of emergency", "Peru"),
        ("José Jerí", "identity checks", "Peru"),
        ("José Antonio Kast", "toughest migration crackdown", "Chile"),
        ("José Antonio Kast", "criminalizing irregular entry", "Chile"),
        ("José Antonio Kast", "expulsion", "Chile"),
        ("Gabriel Boric", "troop deployment", "Chile"),
    }


def test_cq04_events_with_place_and_date(example_graph):
    found = rows(example_graph, "cq04", "event", "eventType", "place", "date")
    assert ("blockade", "blockade", "Tacna–Arica border crossing", "2025-11-28") in found
    assert ("runoff", "election", "Chile", "2025-12-14") in found
    assert ("troop deployment", "deployment", "Chile", "2023") in found
    assert ("deadline", "deadline", "Chile", "2026-03-11") in found  # "you have 103 days left"
    assert ("extraordinary Cabinet meeting", "meeting", "Peru", None) in found


def test_cq05_quotes_with_speaker_and_medium(example_graph):
    found = rows(example_graph, "cq05", "speaker", "quote", "medium")
    assert ("José Jerí", "Our borders must be respected", "X") in found
    assert ("Luis Torres", "They’ve even blocked the road — they’re not letting cars, trucks, or anything pass", "RPP Noticias") in found
    assert ("José Antonio Kast", "To the irregular immigrants in Chile, you have 103 days left to leave our homeland voluntarily", "X") in found
    assert len(found) == 5


def test_cq06_to_cq09(example_graph):
    assert rows(example_graph, "cq06", "group", "origin", "destination") == {("migrants", "Chile", "Peru")}
    assert rows(example_graph, "cq07", "what", "amount", "place", "date", "source") == {
        ("Venezuelans", "70-80", "Chile", "2025-11-28", "Luis Torres"),
        ("days", "103", "Chile", "2025-11-28", "José Antonio Kast"),  # "you have 103 days left": as of publication
        ("undocumented migrants", "337000", "Chile", "2023", "migration agency"),
    }
    assert rows(example_graph, "cq08", "election", "country", "date", "candidate") == {
        ("runoff", "Chile", "2025-12-14", "José Antonio Kast"), ("runoff", "Chile", "2025-12-14", "Jeannette Jara")}
    assert rows(example_graph, "cq09", "person", "orientation") == {
        ("José Antonio Kast", "arch-conservative"), ("Jeannette Jara", "communist"), ("Gabriel Boric", "leftist")}


def test_quotes_by_speaker_example_shows_the_source_sentence(example_graph):
    from kg.store.query import bind_variables, parse_binding

    text = bind_variables((QUERIES / "quotes-by-speaker.rq").read_text(encoding="utf-8"), [parse_binding("name=Kast")])
    answer = run_query(example_graph, text)
    assert len(answer.rows) == 2
    sentence = answer.columns.index("sentence")
    assert all("Kast posted on X" in r[sentence] or "103 days" in r[sentence] for r in answer.rows)


def test_a_comment_that_mentions_an_update_keyword_is_not_an_update(example_graph):
    # regression: "# ... people move ..." was read as the SPARQL update MOVE
    query = "# Which groups of people move, and where?\nSELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"
    assert int(run_query(example_graph, query).rows[0][0]) > 0


# examples/queries/store/ holds the CQs written as hash-joined blocks for large Oxigraph stores;
# each must answer exactly like the plain query of the same name (on both engines).
@pytest.mark.parametrize("cq", [f"cq0{n}" for n in range(1, 10)])
def test_store_form_of_each_cq_answers_like_the_plain_query(example_graph, cq):
    import pyoxigraph as ox

    from kg.store.store import dataset_to_nquads, query_store

    plain_file = next(QUERIES.glob(f"{cq}-*.rq"))
    fast = (QUERIES / "store" / plain_file.name).read_text(encoding="utf-8")
    plain = plain_file.read_text(encoding="utf-8")
    expected = run_query(example_graph, plain).rows
    assert expected, f"{cq}: the example should answer it"
    assert sorted(run_query(example_graph, fast).rows, key=str) == sorted(expected, key=str)
    db = ox.Store()
    db.load(dataset_to_nquads(example_graph), format=ox.RdfFormat.N_QUADS)
    assert sorted(query_store(db, fast).rows, key=str) == sorted(query_store(db, plain).rows, key=str)
