"""``kg serve`` and ``kg push`` against real servers on 127.0.0.1 (started and stopped here): kg's own
endpoint, and a stock Oxigraph server for ``kg push``. More endpoint tests: test_serve_endpoint.py."""
from __future__ import annotations

import os
import re
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest

from test_batch import ROOT, kg, write_corpus

pytestmark = pytest.mark.server

COUNT_QUADS = "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_for_port(port: int, proc: subprocess.Popen, limit: float = 60) -> None:
    deadline = time.monotonic() + limit
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise AssertionError(f"server exited early ({proc.returncode}): {proc.stderr.read() if proc.stderr else ''}")
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.5):
                return
        except OSError:
            time.sleep(0.1)
    raise AssertionError(f"nothing listens on 127.0.0.1:{port}")


def port_closed(port: int, limit: float = 10) -> bool:
    deadline = time.monotonic() + limit
    while time.monotonic() < deadline:
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.5):
                time.sleep(0.1)
        except OSError:
            return True
    return False


def stop(proc: subprocess.Popen) -> None:
    if proc.poll() is None:
        proc.terminate()
        try:
            proc.wait(timeout=15)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


def sparql(port: int, query: str) -> list[dict]:
    import httpx

    response = httpx.post(f"http://127.0.0.1:{port}/query", data={"query": query},
                          headers={"Accept": "application/sparql-results+json"}, timeout=30)
    response.raise_for_status()
    return [{k: v["value"] for k, v in b.items()} for b in response.json()["results"]["bindings"]]


@pytest.fixture(scope="module")
def graph_file(tmp_path_factory) -> Path:
    base = tmp_path_factory.mktemp("serve")
    trig = base / "corpus.trig"
    kg("extract", str(write_corpus(base / "corpus")), "-o", str(trig), check=True)
    return trig


@pytest.fixture
def oxigraph_server(tmp_path):
    """A writable Oxigraph server (the PyPI package's binary) on a free loopback port."""
    from kg.store.serve import oxigraph_binary

    port = free_port()
    proc = subprocess.Popen(
        [oxigraph_binary(), "serve", "--location", str(tmp_path / "server-db"), "--bind", f"127.0.0.1:{port}"],
        stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
    )
    try:
        wait_for_port(port, proc)
        yield port
    finally:
        stop(proc)


def serve_kg(*args: str) -> tuple[subprocess.Popen, int]:
    port = free_port()
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    proc = subprocess.Popen(
        [sys.executable, "-c", "from kg.cli import main; main()", "serve", *args, "--port", str(port)],
        env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
    )
    wait_for_port(port, proc)
    return proc, port


# -- serve ---------------------------------------------------------------------------------------

def test_serve_graph_file_read_only(graph_file):
    import httpx

    proc, port = serve_kg(str(graph_file), "--timeout", "10")
    try:
        rows = sparql(port, "SELECT (COUNT(DISTINCT ?a) AS ?n) WHERE { ?a a <https://schema.org/NewsArticle> }")
        assert rows == [{"n": "3"}]  # the union of the articles' graphs is the default graph
        page = httpx.get(f"http://127.0.0.1:{port}/", timeout=10)
        assert page.status_code == 200 and "/query" in page.text  # the project's own query page
        assert "https://" not in page.text.split("<body")[0]  # the page's scripts are served locally
        update = httpx.post(f"http://127.0.0.1:{port}/update", content="INSERT DATA { <urn:a> <urn:b> <urn:c> }",
                            headers={"Content-Type": "application/sparql-update"}, timeout=10)
        assert update.status_code in (403, 405), update.text
        assert not sparql(port, "SELECT * WHERE { <urn:a> ?p ?o }")
    finally:
        stop(proc)
    assert proc.returncode in (0, -signal.SIGTERM)
    assert port_closed(port), "the Oxigraph server outlived kg serve"


def test_serve_store_allow_update(tmp_path, graph_file):
    import httpx

    store = tmp_path / "store"
    kg("load", str(graph_file), "--store", str(store), check=True)
    proc, port = serve_kg("--store", str(store), "--allow-update")
    try:
        update = httpx.post(f"http://127.0.0.1:{port}/update", content="INSERT DATA { GRAPH <urn:g> { <urn:a> <urn:b> <urn:c> } }",
                            headers={"Content-Type": "application/sparql-update"}, timeout=10)
        assert update.status_code in (200, 204), update.text
        assert sparql(port, "SELECT ?o WHERE { <urn:a> <urn:b> ?o }") == [{"o": "urn:c"}]
    finally:
        stop(proc)
    assert port_closed(port)
    answer = kg("query", "--store", str(store), "ASK { <urn:a> <urn:b> <urn:c> }", "--format", "csv", check=True)
    assert answer.stdout.split() == ["ask", "true"]  # written to the store itself


def test_serve_refuses_a_busy_port(graph_file):
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        sock.listen()
        port = sock.getsockname()[1]
        proc = kg("serve", str(graph_file), "--port", str(port), timeout=60)
    assert proc.returncode == 1 and str(port) in proc.stderr


# -- push ----------------------------------------------------------------------------------------

def test_push_twice_never_duplicates(graph_file, oxigraph_server):
    from kg.graph.graphio import load_graph

    port = oxigraph_server
    endpoint = f"http://127.0.0.1:{port}/store"
    expected = sum(len(g) for g in load_graph(graph_file).graphs() if len(g))
    first = kg("push", str(graph_file), "--endpoint", endpoint, check=True)
    assert "pushed 3 graphs" in first.stderr
    assert sparql(port, COUNT_QUADS) == [{"n": str(expected)}]
    kg("push", str(graph_file), "--endpoint", endpoint, check=True)
    assert sparql(port, COUNT_QUADS) == [{"n": str(expected)}]
    graphs = sparql(port, "SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } } ORDER BY ?g")
    assert [row["g"].rsplit("/", 1)[-1] for row in graphs] == ["chile-runoff", "peru-emergency", "tacna-governor"]


def test_push_store_with_basic_auth_header(tmp_path, graph_file, oxigraph_server):
    """Oxigraph ignores credentials; the push still succeeds and replaces what the file pushed."""
    port = oxigraph_server
    endpoint = f"http://127.0.0.1:{port}/store"
    store = tmp_path / "store"
    kg("load", str(graph_file), "--store", str(store), check=True)
    kg("push", str(graph_file), "--endpoint", endpoint, check=True)
    before = sparql(port, COUNT_QUADS)
    kg("push", "--store", str(store), "--endpoint", endpoint, "--user", "alice", "--password", "secret", check=True)
    assert sparql(port, COUNT_QUADS) == before


def test_push_errors(graph_file, oxigraph_server):
    refused = kg("push", str(graph_file), "--endpoint", f"http://127.0.0.1:{free_port()}/store")
    assert refused.returncode == 1 and "cannot connect" in refused.stderr
    wrong = kg("push", str(graph_file), "--endpoint", f"http://127.0.0.1:{oxigraph_server}/no-such-path")
    assert wrong.returncode == 1 and "HTTP 404" in wrong.stderr
    bad_url = kg("push", str(graph_file), "--endpoint", "localhost:7878")
    assert bad_url.returncode == 1 and "--endpoint" in bad_url.stderr


def test_push_to_read_only_server_is_an_http_error(graph_file):
    proc, port = serve_kg(str(graph_file))
    try:
        refused = kg("push", str(graph_file), "--endpoint", f"http://127.0.0.1:{port}/store")
    finally:
        stop(proc)
    assert refused.returncode == 1 and "HTTP 403" in refused.stderr


def test_push_turtle_needs_a_graph_name(tmp_path, graph_file, oxigraph_server):
    """A .ttl file has no named graphs: pushed only into a graph the user names."""
    from kg.graph.graphio import load_graph, save_graph

    ttl = tmp_path / "union.ttl"
    save_graph(load_graph(graph_file), ttl)
    endpoint = f"http://127.0.0.1:{oxigraph_server}/store"
    refused = kg("push", str(ttl), "--endpoint", endpoint)
    assert refused.returncode == 1 and "--graph" in refused.stderr
    kg("push", str(ttl), "--endpoint", endpoint, "--graph", "urn:example:all", check=True)
    triples = len(load_graph(ttl))
    assert sparql(oxigraph_server, "SELECT (COUNT(*) AS ?n) WHERE { GRAPH <urn:example:all> { ?s ?p ?o } }") == [{"n": str(triples)}]


# -- PUT with retries (kg extract --push) --------------------------------------------------------

class _ScriptedStore:
    """A Graph Store stand-in on loopback that answers PUTs from a script: ``answers`` maps a
    graph's last path segment to the statuses to give it in turn (204 once they run out)."""

    def __init__(self, answers: dict[str, list[int]]):
        import threading
        from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
        from urllib.parse import parse_qs, urlsplit

        self.answers = {k: list(v) for k, v in answers.items()}
        self.requests: list[tuple[str, int]] = []
        store = self

        class Handler(BaseHTTPRequestHandler):
            def do_PUT(self):  # noqa: N802 - http.server's naming
                self.rfile.read(int(self.headers.get("Content-Length", 0)))
                graph = parse_qs(urlsplit(self.path).query)["graph"][0].rsplit("/", 1)[-1]
                queue = store.answers.get(graph, [])
                status = queue.pop(0) if queue else 204
                store.requests.append((graph, status))
                self.send_response(status)
                if status == 503:
                    self.send_header("Retry-After", "0")
                body = b"" if status == 204 else f"scripted {status}".encode()
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, *args):
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}/store"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()


def test_put_graph_retries_only_what_may_pass_later():
    import httpx

    from kg.store.push import PutError, put_graph

    server = _ScriptedStore({"busy": [503, 502], "bad": [400], "locked": [403], "down": [503] * 5})
    retries: list[str] = []
    try:
        with httpx.Client(timeout=10) as client:
            def put(graph: str):
                return put_graph(client, server.url, f"urn:g/{graph}", b"<urn:a> <urn:b> <urn:c> .\n", attempts=3,
                                 first_wait=0.01, on_retry=lambda message, wait: retries.append(message))

            assert put("busy").status_code == 204  # 503, 502, then stored
            with pytest.raises(PutError) as bad:
                put("bad")
            assert bad.value.about_graph and "HTTP 400" in str(bad.value)  # this graph's fault: no retry
            with pytest.raises(PutError) as locked:
                put("locked")
            assert not locked.value.about_graph and "HTTP 403" in str(locked.value)  # the endpoint's: no retry
            with pytest.raises(PutError) as down:
                put("down")
            assert not down.value.about_graph and "tried 3 times" in str(down.value)
    finally:
        server.close()
    assert [g for g, _ in server.requests] == ["busy"] * 3 + ["bad", "locked"] + ["down"] * 3
    assert len(retries) == 4 and "trying again in" in retries[0]


def test_extract_push_names_a_refused_article_and_pushes_the_others(tmp_path):
    sys.path.insert(0, str(ROOT / "benchmarks"))
    from synthetic import generate

    generate(tmp_path / "corpus", 3, seed=5)
    server = _ScriptedStore({"article-00001": [400]})
    try:
        proc = kg("extract", str(tmp_path / "corpus"), "--push", server.url)
    finally:
        server.close()
    assert proc.returncode == 2, proc.stderr
    assert re.search(r"error: \S*article-00001\.txt: not pushed: .*HTTP 400", proc.stderr)
    assert "extracted 2 of 3 articles" in proc.stderr
    assert sorted(g for g, status in server.requests if status == 204) == ["article-00000", "article-00002"]
