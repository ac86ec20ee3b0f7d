"""``kg serve``'s own endpoint (issue 13), against the real server on 127.0.0.1 only.

No outbound requests (a loopback listener must receive nothing), a real per-query deadline, no
200 with a truncated body, row and concurrency caps, the SPARQL 1.1 Protocol with a real client
(SPARQLWrapper), serving while ``kg extract --store`` writes, a bounded load test, and the query
page requesting nothing off-host. Timing assertions are the issue's own limits plus a margin.
"""
from __future__ import annotations

import json
import os
import re
import socket
import subprocess
import sys
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from test_batch import ARTICLES, ROOT, kg, write_corpus
from test_serve_push import free_port, graph_file, oxigraph_server, stop, wait_for_port  # noqa: F401 - fixtures

pytestmark = pytest.mark.server

RUNAWAY = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }"
ARTICLE_COUNT = "SELECT (COUNT(DISTINCT ?a) AS ?n) WHERE { ?a a schema:NewsArticle }"  # project prefix, no PREFIX line
QUADS = "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }"
CQ_DIR = ROOT / "examples" / "queries"


class Served:
    """A running ``kg serve`` (subprocess) and its base URL."""

    def __init__(self, proc: subprocess.Popen, port: int):
        self.proc, self.port = proc, port
        self.base = f"http://127.0.0.1:{port}"
        self.url = f"{self.base}/query"

    def post(self, query: str, accept: str = "application/sparql-results+json", timeout: float = 60):
        import httpx

        return httpx.post(self.url, data={"query": query}, headers={"Accept": accept}, timeout=timeout)

    def count(self, query: str) -> int:
        response = self.post(query)
        assert response.status_code == 200, response.text
        return int(response.json()["results"]["bindings"][0]["n"]["value"])


def start(*args: str) -> Served:
    port = free_port()
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    proc = subprocess.Popen(
        [sys.executable, "-c", "from kg.cli import main; main()", "serve", *args, "--port", str(port), "--host", "127.0.0.1"],
        env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
    )
    wait_for_port(port, proc)
    return Served(proc, port)


@pytest.fixture(scope="module")
def store(tmp_path_factory, graph_file) -> Path:  # noqa: F811
    folder = tmp_path_factory.mktemp("endpoint") / "store"
    kg("load", str(graph_file), "--store", str(folder), check=True)
    return folder


@pytest.fixture(scope="module")
def server(store):
    served = start("--store", str(store), "--timeout", "3", "--workers", "2", "--max-rows", "200")
    yield served
    stop(served.proc)


class Listener:
    """A loopback TCP listener that records every connection made to it."""

    def __init__(self):
        self.sock = socket.socket()
        self.sock.bind(("127.0.0.1", 0))
        self.sock.listen(16)
        self.sock.settimeout(0.2)
        self.port = self.sock.getsockname()[1]
        self.hits: list[bytes] = []
        self.running = True
        self.thread = threading.Thread(target=self._loop, daemon=True)
        self.thread.start()

    def _loop(self):
        while self.running:
            try:
                conn, _ = self.sock.accept()
            except OSError:
                continue
            with conn:
                conn.settimeout(1)
                try:
                    self.hits.append(conn.recv(4096) or b"(connected)")
                except OSError:
                    self.hits.append(b"(connected)")

    def close(self):
        self.running = False
        self.thread.join(2)
        self.sock.close()


@pytest.fixture
def listener():
    sink = Listener()
    yield sink
    sink.close()


def service_queries(port: int) -> list[str]:
    target = f"<http://127.0.0.1:{port}/sparql>"
    return [
        f"SELECT * WHERE {{ SERVICE {target} {{ ?s ?p ?o }} }}",
        f"select * where {{ service silent {target} {{ ?s ?p ?o }} }}",
        f"SELECT * WHERE {{ ?a a schema:NewsArticle OPTIONAL {{ {{ SERVICE {target} {{ ?a ?p ?o }} }} }} }}",
        f"SELECT * WHERE {{ ?a a schema:NewsArticle FILTER EXISTS {{ SERVICE {target} {{ ?a ?p ?o }} }} }}",
        f"SELECT * WHERE {{ {{ SELECT ?s WHERE {{ SERVICE {target} {{ ?s ?p ?o }} }} }} }}",
        f"ASK {{ MINUS {{ SERVIC\\u0045 {target} {{ ?s ?p ?o }} }} }}",
        f"CONSTRUCT {{ ?s ?p ?o }} WHERE {{ # comment\n SERVICE {target} {{ ?s ?p ?o }} }}",
    ]


# -- no outbound requests ---------------------------------------------------------------------------

def test_service_is_refused_without_any_outbound_request(server, listener):
    import httpx

    for query in service_queries(listener.port):
        for response in (server.post(query),
                         httpx.get(server.url, params={"query": query}, timeout=30),
                         httpx.post(server.url, content=query, headers={"Content-Type": "application/sparql-query"}, timeout=30)):
            assert response.status_code == 400, (query, response.status_code, response.text)
            assert "SERVICE" in response.text and "--allow-service" in response.text
    # the word inside strings, IRIs, comments or names is not a SERVICE clause
    fine = server.post('SELECT ?service WHERE { BIND("SERVICE <x> {}" AS ?service) } # SERVICE <y> {}')
    assert fine.status_code == 200, fine.text
    time.sleep(0.5)
    assert listener.hits == []


def test_allow_service_control(graph_file, listener):  # noqa: F811
    """Control for the two tests around it: with --allow-service the listener does see the request."""
    served = start(str(graph_file), "--allow-service", "--timeout", "10")
    try:
        served.post(service_queries(listener.port)[0])  # the listener does not speak SPARQL: an error
        deadline = time.monotonic() + 5
        while not listener.hits and time.monotonic() < deadline:
            time.sleep(0.1)
    finally:
        stop(served.proc)
    assert listener.hits and listener.hits[0].startswith(b"POST /sparql")


def test_kg_query_refuses_service_without_outbound_request(store, graph_file, listener):  # noqa: F811
    query = service_queries(listener.port)[3]
    for args in (("--store", str(store), query), (str(graph_file), query)):
        proc = kg("query", *args, timeout=120)
        assert proc.returncode == 1 and "--allow-service" in proc.stderr and "Traceback" not in proc.stderr
    time.sleep(0.3)
    assert listener.hits == []


# -- the time limit -------------------------------------------------------------------------------

def _children(pid: int) -> set[int]:
    found = set()
    for task in Path(f"/proc/{pid}/task").iterdir():
        text = (task / "children").read_text().split()
        found.update(int(c) for c in text)
    return found


def _cpu_seconds(pid: int) -> float:
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


@pytest.mark.skipif(not Path("/proc/self/task").is_dir(), reason="reads worker processes from /proc (Linux)")
def test_runaway_query_is_cut_at_the_limit_while_others_are_answered(server):
    limit = 3.0
    outcome = {}

    def runaway():
        began = time.monotonic()
        response = server.post(RUNAWAY, timeout=60)
        outcome["elapsed"] = time.monotonic() - began
        outcome["response"] = response

    before = _children(server.proc.pid)
    thread = threading.Thread(target=runaway)
    thread.start()
    time.sleep(0.5)
    answered = []
    while thread.is_alive():  # another client meanwhile: answered, and quickly
        began = time.monotonic()
        assert server.count(ARTICLE_COUNT) == 3
        answered.append(time.monotonic() - began)
        time.sleep(0.1)
    thread.join()
    response = outcome["response"]
    assert response.status_code == 503
    assert "time limit of 3 s" in response.text and "--timeout" in response.text
    # the issue asks for limit + 1 s (measured: 0.1-0.4 s over, docs/endpoint.md); the margin is for a loaded machine
    assert outcome["elapsed"] < limit + 1.5, outcome["elapsed"]
    assert answered and max(answered) < 3.0, answered
    # the runaway's worker was killed (a new one replaces it) and no worker burns CPU any more
    deadline = time.monotonic() + 15
    while len(_children(server.proc.pid) - before) < 1 and time.monotonic() < deadline:
        time.sleep(0.2)
    after = _children(server.proc.pid)
    assert before - after, "the runaway query's worker is still there"
    cpu = {pid: _cpu_seconds(pid) for pid in after}
    time.sleep(1.0)
    busy = {pid: _cpu_seconds(pid) - used for pid, used in cpu.items() if Path(f"/proc/{pid}").exists()}
    assert all(spent < 0.5 for spent in busy.values()), busy
    assert server.count(ARTICLE_COUNT) == 3


# -- errors are never a 200 ------------------------------------------------------------------------

def test_failures_are_never_a_200_and_rows_are_capped(server):
    too_many = server.post("SELECT * WHERE { ?s ?p ?o }")
    assert too_many.status_code == 413 and "--max-rows" in too_many.text and "200" in too_many.text
    capped = server.post("SELECT * WHERE { ?s ?p ?o } LIMIT 200")
    assert capped.status_code == 200
    assert len(capped.content) == int(capped.headers["content-length"])
    assert len(capped.json()["results"]["bindings"]) == 200
    also = server.post("CONSTRUCT WHERE { ?s ?p ?o }", accept="text/turtle")
    assert also.status_code == 413
    broken = server.post("SELECT * WHERE { ?s ?p ")
    assert broken.status_code == 400 and "malformed SPARQL" in broken.text
    unknown = server.post("SELECT * WHERE { ?s nope:thing ?o }")
    assert unknown.status_code == 400
    assert server.post("SELECT * WHERE { ?s ?p ?o } LIMIT 1", accept="image/png").status_code == 406


def test_concurrency_cap_says_busy(store):
    served = start("--store", str(store), "--timeout", "3", "--workers", "1", "--max-concurrent", "1")
    try:
        results = {}
        thread = threading.Thread(target=lambda: results.setdefault("runaway", served.post(RUNAWAY)))
        thread.start()
        time.sleep(0.7)
        busy = served.post(ARTICLE_COUNT)
        thread.join()
        assert busy.status_code == 503 and "busy" in busy.text and "--max-concurrent" in busy.text
        assert busy.headers.get("retry-after") == "1"
        assert results["runaway"].status_code == 503
        deadline = time.monotonic() + 20  # the replacement worker starts in the background
        while served.post(ARTICLE_COUNT).status_code != 200:
            assert time.monotonic() < deadline, "no worker came back after the runaway query"
            time.sleep(0.3)
    finally:
        stop(served.proc)


# -- updates stay refused ------------------------------------------------------------------------

def test_writes_are_refused_with_403(server):
    import httpx

    attempts = [
        httpx.post(f"{server.base}/update", content="INSERT DATA { <urn:a> <urn:b> <urn:c> }",
                   headers={"Content-Type": "application/sparql-update"}, timeout=10),
        httpx.post(f"{server.base}/update", data={"update": "DROP ALL"}, timeout=10),
        httpx.post(server.url, data={"update": "LOAD <http://127.0.0.1:9/x>"}, timeout=10),
        httpx.post(server.url, data={"query": "CLEAR DEFAULT"}, timeout=10),
        httpx.put(f"{server.base}/store", params={"graph": "urn:g"}, content="<urn:a> <urn:b> <urn:c> .",
                  headers={"Content-Type": "text/turtle"}, timeout=10),
        httpx.delete(f"{server.base}/store", params={"graph": "urn:g"}, timeout=10),
        httpx.post(f"{server.base}/store", params={"default": ""}, content="<urn:a> <urn:b> <urn:c> .",
                   headers={"Content-Type": "text/turtle"}, timeout=10),
    ]
    for response in attempts:
        assert response.status_code == 403, (response.request.method, response.request.url, response.text)
        assert "--allow-update" in response.text
    assert server.count(ARTICLE_COUNT) == 3


# -- updates (--allow-update) are under the same time limit ------------------------------------------

#: three unrelated patterns over the named graphs (with --allow-update the default graph holds no copy)
RUNAWAY_UPDATE = ("INSERT { GRAPH <urn:runaway> { ?a <urn:with> ?d } } "
                  "WHERE { GRAPH ?x { ?a ?b ?c } GRAPH ?y { ?d ?e ?f } GRAPH ?z { ?g ?h ?i } }")


def test_update_is_cut_at_the_limit_and_leaves_nothing(tmp_path, graph_file):  # noqa: F811
    import httpx

    store = tmp_path / "store"
    kg("load", str(graph_file), "--store", str(store), check=True)
    served = start("--store", str(store), "--allow-update", "--timeout", "3")
    update_url = f"{served.base}/update"
    headers = {"Content-Type": "application/sparql-update"}
    try:
        outcome = {}

        def runaway():
            began = time.monotonic()
            outcome["response"] = httpx.post(update_url, content=RUNAWAY_UPDATE, headers=headers, timeout=60)
            outcome["elapsed"] = time.monotonic() - began

        thread = threading.Thread(target=runaway)
        thread.start()
        time.sleep(0.5)
        answered = []
        while thread.is_alive():  # queries are answered meanwhile
            answered.append(served.count(ARTICLE_COUNT))
            time.sleep(0.1)
        thread.join()
        response = outcome["response"]
        assert response.status_code == 503, response.text
        assert "time limit of 3 s" in response.text and "--timeout" in response.text and "nothing" in response.text
        assert outcome["elapsed"] < 3 + 1.5, outcome["elapsed"]
        assert answered and set(answered) == {3}
        assert served.count("SELECT (COUNT(*) AS ?n) WHERE { GRAPH <urn:runaway> { ?s ?p ?o } }") == 0
        # the writer is replaced: a later update is applied and seen by the next query
        deadline = time.monotonic() + 30
        while True:
            done = httpx.post(update_url, content="INSERT DATA { GRAPH <urn:g> { <urn:a> <urn:b> <urn:c> } }",
                              headers=headers, timeout=30)
            if done.status_code == 204 or time.monotonic() > deadline:
                break
            time.sleep(0.5)
        assert done.status_code == 204, done.text
        assert served.count("SELECT (COUNT(*) AS ?n) WHERE { <urn:a> <urn:b> <urn:c> }") == 1
        # Graph Store PUT replaces the graph in one go
        put = httpx.put(f"{served.base}/store", params={"graph": "urn:g"}, content='<urn:a> <urn:b> "d\\u00e9" .',
                        headers={"Content-Type": "application/n-triples"}, timeout=30)
        assert put.status_code == 204, put.text
        rows = served.post("SELECT ?o WHERE { GRAPH <urn:g> { <urn:a> <urn:b> ?o } }").json()["results"]["bindings"]
        assert [row["o"]["value"] for row in rows] == ["d\u00e9"]
    finally:
        stop(served.proc)


# -- the protocol with a real client -----------------------------------------------------------------

def test_protocol_with_sparqlwrapper(server):
    SPARQLWrapper = pytest.importorskip("SPARQLWrapper", reason="SPARQLWrapper (the test extra) is not installed")
    from SPARQLWrapper import CSV, GET, JSON, N3, POST, POSTDIRECTLY, TSV, TURTLE, URLENCODED, XML

    query = "SELECT ?a WHERE { ?a a schema:NewsArticle } ORDER BY ?a"
    expected = sorted(f"https://w3id.org/migration-kg/id/article/{slug}" for slug in ARTICLES)
    for method, encoding in ((GET, URLENCODED), (POST, URLENCODED), (POST, POSTDIRECTLY)):
        client = SPARQLWrapper.SPARQLWrapper(server.url)
        client.setMethod(method)
        client.setRequestMethod(encoding)
        client.setQuery(query)
        client.setReturnFormat(JSON)
        rows = client.queryAndConvert()["results"]["bindings"]
        assert [r["a"]["value"] for r in rows] == expected, (method, encoding)
        client.setReturnFormat(XML)
        xml = client.queryAndConvert()
        assert [n.firstChild.data for n in xml.getElementsByTagName("uri")] == expected
        client.setReturnFormat(CSV)
        assert client.queryAndConvert().decode().split() == ["a", *expected]
        client.setReturnFormat(TSV)
        assert client.queryAndConvert().decode().split() == ["?a", *[f"<{e}>" for e in expected]]
    client = SPARQLWrapper.SPARQLWrapper(server.url)
    client.setQuery("CONSTRUCT WHERE { ?a a schema:NewsArticle }")
    for fmt in (TURTLE, N3):
        client.setReturnFormat(fmt)
        text = client.queryAndConvert().decode()
        assert text.count("NewsArticle") >= 1 and "tacna-governor" in text
    client.setQuery("ASK { ?a a schema:NewsArticle }")
    client.setReturnFormat(JSON)
    assert client.queryAndConvert()["boolean"] is True


def test_content_negotiation_and_n_triples(server):
    import httpx

    nt = server.post("CONSTRUCT WHERE { ?a a schema:NewsArticle }", accept="application/n-triples")
    assert nt.status_code == 200 and nt.headers["content-type"].startswith("application/n-triples")
    assert len(nt.text.strip().splitlines()) == 3
    csv_first = server.post(ARTICLE_COUNT, accept="text/html;q=0.9, text/csv;q=0.95, application/xml;q=0.5")
    assert csv_first.headers["content-type"].startswith("text/csv") and csv_first.text.split() == ["n", "3"]
    anything = httpx.get(server.url, params={"query": ARTICLE_COUNT}, headers={"Accept": "*/*"}, timeout=10)
    assert anything.headers["content-type"].startswith("application/sparql-results+json")
    one = "https://w3id.org/migration-kg/id/graph/chile-runoff"
    only = httpx.get(server.url, params={"query": ARTICLE_COUNT, "default-graph-uri": one}, timeout=10)
    assert only.status_code == 200 and only.json()["results"]["bindings"][0]["n"]["value"] == "1"
    named = httpx.post(server.url, data={"query": "SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } }",
                                         "named-graph-uri": one}, timeout=10)
    assert [b["g"]["value"] for b in named.json()["results"]["bindings"]] == [one]


def test_rdflib_sparqlstore(server):
    from rdflib.plugins.stores.sparqlstore import SPARQLStore

    remote = SPARQLStore(server.url, returnFormat="json")
    rows = list(remote.query("SELECT ?a WHERE { ?a a <https://schema.org/NewsArticle> }"))
    assert len(rows) == 3


# -- serve while ingesting ------------------------------------------------------------------------

MORE = {f"{slug}-later": text for slug, text in ARTICLES.items()}


def test_serve_while_kg_extract_writes_to_the_store(tmp_path, graph_file):  # noqa: F811
    store = tmp_path / "store"
    kg("load", str(graph_file), "--store", str(store), check=True)
    served = start("--store", str(store), "--timeout", "20")
    failures, counts = [], []
    stop_polling = threading.Event()

    def poll():
        while not stop_polling.is_set():
            try:
                response = served.post(ARTICLE_COUNT, timeout=30)
                if response.status_code != 200:
                    failures.append((response.status_code, response.text))
                else:
                    counts.append(int(response.json()["results"]["bindings"][0]["n"]["value"]))
            except Exception as exc:  # noqa: BLE001 - any failure is the test's business
                failures.append(repr(exc))
            time.sleep(0.05)

    poller = threading.Thread(target=poll)
    poller.start()
    try:
        extracted = kg("extract", str(write_corpus(tmp_path / "more", MORE)), "--store", str(store), timeout=300)
        assert extracted.returncode == 0, extracted.stderr
        deadline = time.monotonic() + 15
        while served.count(ARTICLE_COUNT) != 6:  # visible without a restart
            assert time.monotonic() < deadline, "the new articles did not become visible"
            time.sleep(0.2)
        again = kg("load", str(graph_file), "--store", str(store), timeout=300)  # kg load too: replaces, never doubles
        assert again.returncode == 0, again.stderr
        time.sleep(0.5)
        served_quads = served.count(QUADS)
    finally:
        stop_polling.set()
        poller.join()
        stop(served.proc)
    assert not failures, failures[:3]
    assert counts and counts[0] == 3 and counts == sorted(counts), counts[:: max(1, len(counts) // 20)]
    clean = tmp_path / "clean"
    kg("extract", str(write_corpus(tmp_path / "all", {**ARTICLES, **MORE})), "--store", str(clean), check=True)
    expected = kg("query", "--store", str(clean), QUADS, "--format", "csv", check=True).stdout.split()[-1]
    assert served_quads == int(expected)  # nothing lost or doubled


def test_serve_while_a_batch_replaces_articles(tmp_path):
    """A batch that re-extracts articles already in the store replaces their graphs one transaction
    at a time (RocksDB's write-ahead log grows; see docs/endpoint.md): the endpoint keeps
    answering, never counts an article twice or loses one, and ends with a clean run's quads."""
    corpus = write_corpus(tmp_path / "corpus", ARTICLES)
    store = tmp_path / "store"
    kg("extract", str(corpus), "--store", str(store), check=True)
    expected = kg("query", "--store", str(store), QUADS, "--format", "csv", check=True).stdout.split()[-1]
    served = start("--store", str(store), "--timeout", "20")
    failures, counts = [], []
    stop_polling = threading.Event()

    def poll():
        while not stop_polling.is_set():
            response = served.post(ARTICLE_COUNT, timeout=30)
            if response.status_code != 200:
                failures.append((response.status_code, response.text))
            else:
                counts.append(int(response.json()["results"]["bindings"][0]["n"]["value"]))
            time.sleep(0.05)

    poller = threading.Thread(target=poll)
    poller.start()
    try:
        for _ in range(2):
            again = kg("extract", str(corpus), "--store", str(store), "--jobs", "1", timeout=300)
            assert again.returncode == 0, again.stderr
        time.sleep(0.5)
        served_quads = served.count(QUADS)
    finally:
        stop_polling.set()
        poller.join()
        stop(served.proc)
    assert not failures, failures[:3]
    assert counts and set(counts) == {3}, counts
    assert served_quads == int(expected)


# -- load ------------------------------------------------------------------------------------------

def cq_queries() -> dict[str, str]:
    return {p.stem: p.read_text(encoding="utf-8") for p in sorted((CQ_DIR / "store").glob("cq*.rq"))}


def test_bounded_load(server):
    """300 requests of the nine CQs from 4 clients: all answered, identically, within a hard cap."""
    import httpx

    queries = cq_queries()
    assert len(queries) == 9
    reference = {}
    for name, text in queries.items():
        response = server.post(text)
        assert response.status_code == 200, (name, response.text)
        reference[name] = response.content
    jobs = [list(queries)[i % 9] for i in range(300)]

    def client(names: list[str]) -> list[tuple[str, int, bool, float]]:
        out = []
        with httpx.Client(timeout=60) as http:
            for name in names:
                began = time.monotonic()
                r = http.post(server.url, data={"query": queries[name]}, headers={"Accept": "application/sparql-results+json"})
                out.append((name, r.status_code, r.content == reference[name], time.monotonic() - began))
        return out

    began = time.monotonic()
    with ThreadPoolExecutor(4) as pool:
        results = [row for part in pool.map(client, [jobs[i::4] for i in range(4)]) for row in part]
    took = time.monotonic() - began
    assert len(results) == 300
    assert all(status == 200 and same for _, status, same, _ in results), [r for r in results if r[1] != 200 or not r[2]][:3]
    assert took < 120, took


# -- the query page --------------------------------------------------------------------------------

def test_query_page_is_self_contained(server):
    import httpx

    page = httpx.get(f"{server.base}/", timeout=10)
    assert page.status_code == 200 and page.headers["content-type"].startswith("text/html")
    html = page.text
    assert not re.search(r"""(?:src|href)\s*=\s*["']?(?:https?:)?//""", html), "the page loads something from another host"
    assert "prefix.cc" not in html and "yasgui" not in html.lower()
    data = json.loads(re.search(r'<script id="kg-data" type="application/json">(.*?)</script>', html, re.S).group(1))
    assert data["endpoint"] == "/query"
    assert data["prefixes"]["mig"] == "https://w3id.org/migration-kg/ontology#"
    names = [q["name"] for q in data["examples"]]
    assert [n for n in names if n.startswith("cq")] == sorted(cq_queries())
    assert {"facts-with-provenance", "mentions-per-country", "quotes-by-speaker"} <= set(names)


@pytest.mark.browser
def test_query_page_in_a_browser_requests_nothing_off_host(chromium, server):
    """Every request the page makes is recorded; only the endpoint's own host may be asked."""
    context = chromium.new_context()
    page = context.new_page()
    requests, problems = [], []
    own = f"http://127.0.0.1:{server.port}/"

    def route(r):
        requests.append(r.request.url)
        r.continue_() if r.request.url.startswith(own) else r.abort()

    page.route("**/*", route)
    page.on("pageerror", lambda exc: problems.append(str(exc)))
    try:
        page.goto(own)
        assert page.locator("#endpoint").inner_text() == "/query"
        assert page.locator("#cqs button").count() == 9
        assert "PREFIX mig:" in page.locator("#prefixes").text_content()  # inside a closed <details>
        page.locator("#cqs button").first.click()
        page.wait_for_function("document.querySelector('#status').textContent.includes('row')", timeout=30_000)
        assert page.locator("#results table").count() == 1
        page.fill("#query", ARTICLE_COUNT)
        page.click("#run")
        page.wait_for_function("document.querySelector('#results td') && document.querySelector('#results td').textContent === '3'",
                               timeout=30_000)
    finally:
        context.close()
    assert not problems, problems
    assert requests and all(url.startswith(own) for url in requests), requests


# -- bad input -------------------------------------------------------------------------------------

@pytest.mark.parametrize("args, words", [
    (("--timeout", "0"), "--timeout"),
    (("--max-rows", "0"), "--max-rows"),
    (("--max-concurrent", "0"), "--max-concurrent"),
    (("--port", "70000"), "--port"),
])
def test_bad_flags_are_clear_errors(store, args, words):
    proc = kg("serve", "--store", str(store), *args, timeout=60)
    assert proc.returncode != 0 and words in proc.stderr and "Traceback" not in proc.stderr


def test_push_hint_about_the_union_default_graph(graph_file, oxigraph_server, tmp_path):  # noqa: F811
    stock = kg("push", str(graph_file), "--endpoint", f"http://127.0.0.1:{oxigraph_server}/store", check=True)
    assert "GRAPH ?g" in stock.stderr and "union" in stock.stderr
    served = start(str(graph_file), "--allow-update")
    try:
        ours = kg("push", str(graph_file), "--endpoint", f"{served.base}/store", check=True)
        assert "GRAPH ?g" not in ours.stderr
        assert served.count(ARTICLE_COUNT) == 3  # replaced, not doubled
    finally:
        stop(served.proc)
