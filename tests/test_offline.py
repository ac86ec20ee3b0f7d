"""Nothing in extract, query, validate, visualize or export touches the network.

Three layers: the in-process guard (``kg.store.netguard``, switched on by ``KG_NO_NETWORK=1``) is tested
directly; every command then runs under it as a subprocess; and, where the kernel allows it, the
commands run again in a new network namespace with no network at all (``unshare -n``).
"""
from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
from pathlib import Path

import pytest
from rdflib import Dataset, Literal, URIRef

from kg.store import netguard
from kg.errors import KgError

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "examples" / "tacna-arica.txt"
SERVICE_QUERY = "SELECT * WHERE { SERVICE <http://example.org/sparql> { ?s ?p ?o } }"


def kg_command() -> list[str]:
    script = Path(sys.executable).with_name("kg")
    if script.is_file() and os.access(script, os.X_OK):
        return [str(script)]
    return [sys.executable, "-c", "import sys; from kg.cli import main; sys.argv[0] = 'kg'; main()"]


def run_kg(*args, cwd: Path, env: dict | None = None, prefix: list[str] | None = None) -> subprocess.CompletedProcess:
    full_env = {**os.environ, "PYTHONPATH": str(ROOT) + os.pathsep + os.environ.get("PYTHONPATH", "")}
    for name in ("KG_DEBUG", "KG_ALLOW_SERVICE", "KG_NO_NETWORK"):
        full_env.pop(name, None)
    full_env.update(env or {})
    return subprocess.run(
        [*(prefix or []), *kg_command(), *map(str, args)], cwd=cwd, env=full_env, capture_output=True, text=True,
        timeout=600,
    )


def _commands() -> set[str]:
    import kg.cli

    kg.cli._register()
    return {c.name or c.callback.__name__ for c in kg.cli.app.registered_commands}


# -- the guard itself ----------------------------------------------------------------------------------

def test_guard_blocks_name_resolution_and_connections(capsys):
    before = len(netguard.ATTEMPTS)
    with netguard.blocked():
        with pytest.raises(netguard.NetworkBlocked) as info:
            socket.getaddrinfo("example.org", 443)
        assert str(info.value) == "network access blocked (KG_NO_NETWORK=1): resolve example.org:443"
        with pytest.raises(OSError):  # NetworkBlocked is an OSError too: libraries handle it as one
            socket.create_connection(("192.0.2.1", 80), timeout=1)
        import urllib.request

        with pytest.raises(OSError):
            urllib.request.urlopen("https://example.org/", timeout=1)
    assert len(netguard.ATTEMPTS) == before + 3
    err = capsys.readouterr().err
    assert "warning: network access blocked (KG_NO_NETWORK=1): resolve example.org:443" in err
    assert isinstance(info.value, KgError)


def test_guard_allows_loopback_and_is_off_afterwards():
    with netguard.blocked():
        socket.getaddrinfo("localhost", 80)
        server = socket.socket()
        server.bind(("127.0.0.1", 0))
        server.listen(1)
        client = socket.create_connection(server.getsockname(), timeout=5)
        client.close()
        server.close()
    assert not netguard.is_enabled()
    socket.getaddrinfo("localhost", 80)  # and nothing raises once it is off


def test_requested_reads_the_environment(monkeypatch):
    for value, expected in [("1", True), ("yes", True), ("0", False), ("", False), ("false", False)]:
        monkeypatch.setenv("KG_NO_NETWORK", value)
        assert netguard.requested() is expected


# -- SPARQL SERVICE and FROM --------------------------------------------------------------------------

@pytest.fixture()
def small_dataset() -> Dataset:
    ds = Dataset(default_union=True)
    g = ds.graph(URIRef("http://example.org/g"))
    g.add((URIRef("http://example.org/a"), URIRef("http://example.org/p"), Literal("border service")))
    return ds


def test_service_is_refused_by_default(small_dataset, monkeypatch):
    from kg.store.query import run_query

    monkeypatch.delenv("KG_ALLOW_SERVICE", raising=False)
    with pytest.raises(KgError) as info:
        run_query(small_dataset, SERVICE_QUERY)
    assert str(info.value) == (
        "the query uses SERVICE, which would make this machine send requests to other servers; it is refused "
        "by default. To allow it, use --allow-service (or set KG_ALLOW_SERVICE=1)"
    )


def test_the_word_service_in_a_string_is_not_a_service_clause(small_dataset, monkeypatch):
    from kg.store.query import refuse_service, run_query

    monkeypatch.delenv("KG_ALLOW_SERVICE", raising=False)
    query = 'SELECT ?s WHERE { ?s ?p "border service" } # no SERVICE here'
    assert run_query(small_dataset, query).rows == [["http://example.org/a"]]
    refuse_service(query)  # the text check skips strings and comments


def test_from_names_a_graph_and_downloads_nothing(small_dataset):
    from kg.store.query import run_query

    before = len(netguard.ATTEMPTS)
    with netguard.blocked():
        answer = run_query(small_dataset, "SELECT ?o FROM <http://example.org/g> WHERE { ?s ?p ?o }")
        assert answer.rows == [["border service"]]
        answer = run_query(small_dataset, "SELECT ?o FROM <http://example.org/elsewhere> WHERE { ?s ?p ?o }")
        assert answer.rows == []
    assert len(netguard.ATTEMPTS) == before


# -- every command under KG_NO_NETWORK=1 --------------------------------------------------------------

@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    """A folder with the example article and a graph extracted from it (or hand-built, if the
    extractor cannot run yet)."""
    folder = tmp_path_factory.mktemp("offline")
    shutil.copy(EXAMPLE, folder / EXAMPLE.name)
    if EXAMPLE.with_suffix(".json").exists():
        shutil.copy(EXAMPLE.with_suffix(".json"), folder / EXAMPLE.with_suffix(".json").name)
    from factories import article_facts

    from kg.graph.graphio import save_graph
    from kg.graph.rdf import article_dataset

    save_graph(article_dataset(article_facts()), folder / "graph.trig")
    return folder


def _extractor_ready() -> str | None:
    try:
        from kg.extract.articles import article_from_text
        from kg.extract.pipeline import Extractor

        Extractor().extract(article_from_text("Peru closed its border with Chile.", published="2025-11-28"))
    except (ImportError, AttributeError) as exc:
        return f"the extractor is not complete yet ({type(exc).__name__}: {exc})"
    return None


CASES = {
    "extract": lambda d: ["extract", EXAMPLE.name, "-o", d / "out" / "extracted.jsonld", "--force"],  # run by two tests
    "query": lambda d: ["query", "graph.trig", "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }", "-f", "csv"],
    "query-jsonld": lambda d: ["query", "graph.jsonld", "ASK { ?s ?p ?o }"],
    "validate": lambda d: ["validate", "graph.trig"],
    "visualize": lambda d: ["visualize", "graph.trig", "-o", d / "out" / "view.html"],
    "export": lambda d: ["export", "graph.trig", "-o", d / "out" / "export.graphml"],
}


def _prepare(case: str, corpus: Path) -> None:
    command = case.split("-")[0]
    if command not in _commands():
        pytest.skip(f"kg {command} does not exist yet (kg/cli/{command}.py); enable when it lands")
    if command == "extract":
        why = _extractor_ready()
        if why:
            pytest.skip(why)
    if command == "validate":
        pytest.importorskip("kg.graph.validation", reason="kg validate needs kg/graph/validation.py")
    if case == "query-jsonld" and not (corpus / "graph.jsonld").exists():
        from kg.graph.graphio import load_graph, save_graph

        save_graph(load_graph(corpus / "graph.trig"), corpus / "graph.jsonld")


def _check_offline_run(result: subprocess.CompletedProcess) -> None:
    assert "network access blocked" not in result.stderr, result.stderr
    assert "Traceback" not in result.stderr, result.stderr
    assert result.returncode == 0, result.stderr


@pytest.mark.parametrize("case", sorted(CASES))
def test_command_runs_with_network_blocked(corpus, case):
    _prepare(case, corpus)
    result = run_kg(*CASES[case](corpus), cwd=corpus, env={"KG_NO_NETWORK": "1"})
    _check_offline_run(result)


def test_guard_is_really_on_in_the_cli(corpus):
    """Control: with SERVICE allowed, the query tries the network and the guard stops it."""
    result = run_kg("query", "graph.trig", SERVICE_QUERY, cwd=corpus, env={"KG_NO_NETWORK": "1", "KG_ALLOW_SERVICE": "1"})
    assert "Traceback" not in result.stderr
    assert result.returncode == 1
    assert "warning: network access blocked (KG_NO_NETWORK=1): " in result.stderr
    assert result.stderr.splitlines()[-1] == (
        "error: network access blocked (KG_NO_NETWORK=1): open http://example.org/sparql"
    )


def test_service_refused_in_the_cli(corpus):
    result = run_kg("query", "graph.trig", SERVICE_QUERY, cwd=corpus)
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert result.stderr == (
        "error: the query uses SERVICE, which would make this machine send requests to other servers; it is "
        "refused by default. To allow it, use --allow-service (or set KG_ALLOW_SERVICE=1)\n"
    )


def test_remote_jsonld_context_refused_in_the_cli(corpus):
    (corpus / "remote.jsonld").write_text('{"@context": "https://schema.org/", "@id": "https://example.org/a", "name": "A"}')
    result = run_kg("query", "remote.jsonld", "ASK { ?s ?p ?o }", cwd=corpus, env={"KG_NO_NETWORK": "1"})
    assert result.returncode == 1
    assert "network access blocked" not in result.stderr  # refused before any attempt
    assert result.stderr == (
        "error: remote.jsonld: the JSON-LD @context 'https://schema.org/' is remote and kg never fetches from "
        "the network; replace it with the context itself (an inline object)\n"
    )


# -- no network at all: a fresh network namespace --------------------------------------------------------

def _unshare_prefix() -> list[str]:
    unshare = shutil.which("unshare")
    if unshare is None:
        pytest.skip("unshare is not installed")
    try:
        probe = subprocess.run([unshare, "-n", "true"], capture_output=True, text=True, timeout=30)
    except (OSError, subprocess.TimeoutExpired) as exc:
        pytest.skip(f"unshare -n cannot run here: {exc}")
    if probe.returncode != 0:
        pytest.skip(f"unshare -n is not permitted here: {probe.stderr.strip() or probe.returncode}")
    return [unshare, "-n"]


@pytest.mark.parametrize("case", ["extract", "query", "validate", "visualize", "export"])
def test_command_runs_without_any_network(corpus, case):
    prefix = _unshare_prefix()
    _prepare(case, corpus)
    result = run_kg(*CASES[case](corpus), cwd=corpus, prefix=prefix)
    assert "Traceback" not in result.stderr, result.stderr
    assert result.returncode == 0, result.stderr


def test_unshare_really_has_no_network(corpus):
    """Control for the namespace: an outbound connection fails there."""
    prefix = _unshare_prefix()
    probe = subprocess.run(
        [*prefix, sys.executable, "-c",
         "import socket\ntry:\n    socket.create_connection(('192.0.2.1', 80), timeout=2)\nexcept OSError as e:\n    print('no network', e.errno)\n"],
        capture_output=True, text=True, timeout=60,
    )
    assert probe.stdout.startswith("no network"), probe.stdout + probe.stderr
