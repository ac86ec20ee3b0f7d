"""Long texts are parsed in pieces cut at paragraph breaks and joined into one Doc, so that
spaCy's memory stays bounded and Ctrl-C is seen between pieces, with the same text, offsets,
sentences, entities and facts as a parse of the whole text."""
from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kg.extract.nlp import split_into_pieces

ROOT = Path(__file__).resolve().parents[1]


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.sampled_from("ab .\n?!"), max_size=400), st.integers(min_value=4, max_value=60))
def test_pieces_join_back_into_the_text(text, size):
    pieces = split_into_pieces(text, size)
    assert "".join(pieces) == text
    assert all(pieces)
    assert all(len(p) <= size for p in pieces[:-1])


def test_pieces_end_at_paragraph_breaks_when_there_are_some():
    text = "".join(f"Paragraph {n} says something about the border.\n\n" for n in range(40))
    pieces = split_into_pieces(text, 300)
    assert len(pieces) > 5
    assert all(p.endswith("\n\n") for p in pieces)


@pytest.fixture(scope="module")
def nlp():
    from kg.extract.nlp import load_model

    return load_model(None)


def test_parse_in_pieces_gives_the_whole_texts_doc_and_facts(nlp):
    from kg.extract.articles import article_from_text
    from kg.extract.facts import extract_facts
    from kg.extract.nlp import parse

    text = "\n\n".join([(ROOT / "examples" / "tacna-arica.txt").read_text(encoding="utf-8")] * 3)
    whole, pieces = nlp(text), parse(nlp, text, piece_chars=2500)
    assert pieces.text == text
    assert [(t.idx, t.tag_, t.dep_, t.head.i) for t in pieces] == [(t.idx, t.tag_, t.dep_, t.head.i) for t in whole]
    assert [s.start for s in pieces.sents] == [s.start for s in whole.sents]
    assert [(e.start_char, e.end_char, e.label_) for e in pieces.ents] == [(e.start_char, e.end_char, e.label_) for e in whole.ents]
    article = article_from_text(text, slug="long", published="2025-11-28")
    assert set(map(repr, extract_facts(article, pieces).facts)) == set(map(repr, extract_facts(article, whole).facts))


def test_ctrl_c_stops_a_long_single_text_at_once(tmp_path):
    """Ctrl-C during one long article drops it (nothing half-written) and exits 130 within seconds,
    instead of finishing minutes of work first (regression: it was ignored for more than 85 s)."""
    import os
    import signal
    import subprocess
    import sys
    import time

    sys.path.insert(0, str(ROOT / "benchmarks"))
    from synthetic import generate

    texts = [p.read_text(encoding="utf-8") for p in sorted(generate(tmp_path / "arts", 250))]
    long = tmp_path / "long.txt"
    long.write_text("\n\n".join(texts), encoding="utf-8")
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    proc = subprocess.Popen([sys.executable, "-c", "from kg.cli import main; main()", "extract", str(long),
                             "--date", "2025-01-01", "--max-bytes", "2000000", "-o", str(tmp_path / "out.trig")],
                            env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    time.sleep(8)  # the model is loaded and the long text is being parsed
    assert proc.poll() is None, "the long text was extracted before Ctrl-C could be tried"
    proc.send_signal(signal.SIGINT)
    sent = time.monotonic()
    _, err = proc.communicate(timeout=60)
    took = time.monotonic() - sent
    assert proc.returncode == 130, err
    assert "interrupted: stopped after 0 of 1 articles" in err
    assert "Traceback" not in err
    assert not (tmp_path / "out.trig").exists()
    assert took < 5, f"Ctrl-C took {took:.1f} s"


def test_parse_reports_each_piece(nlp):
    """A long text's progress: characters parsed after each piece, ending at the whole text."""
    from kg.extract.nlp import parse

    text = "\n\n".join([(ROOT / "examples" / "tacna-arica.txt").read_text(encoding="utf-8")] * 2)
    heard: list[tuple[int, int]] = []
    parse(nlp, text, piece_chars=2000, on_piece=lambda done, total: heard.append((done, total)))
    assert len(heard) >= 3
    assert [d for d, _ in heard] == sorted(d for d, _ in heard)
    assert heard[-1] == (len(text), len(text))


def test_long_text_progress_bar_on_a_terminal(tmp_path):
    """On a terminal, a long single text shows a second bar for the characters parsed."""
    import os
    import pty
    import subprocess
    import sys

    long = tmp_path / "long.txt"
    long.write_text("\n\n".join([(ROOT / "examples" / "tacna-arica.txt").read_text(encoding="utf-8")] * 12),
                    encoding="utf-8")
    master, slave = pty.openpty()
    env = {**os.environ, "PYTHONPATH": str(ROOT), "COLUMNS": "120"}
    proc = subprocess.Popen([sys.executable, "-c", "from kg.cli import main; main()", "extract", str(long),
                             "--date", "2025-11-28", "-o", str(tmp_path / "out.trig")],
                            env=env, stdout=subprocess.DEVNULL, stderr=slave, stdin=subprocess.DEVNULL)
    os.close(slave)
    seen = b""
    while True:
        try:
            chunk = os.read(master, 65536)
        except OSError:
            break
        if not chunk:
            break
        seen += chunk
    assert proc.wait(timeout=300) == 0, seen.decode(errors="replace")[-2000:]
    assert b"parsing a long text (characters)" in seen
