"""What a wheel install ships: every kg package, and the example queries as package data
(``kg.queries``, mapped by pyproject.toml to examples/queries/, the one copy)."""
from __future__ import annotations

import tomllib
from importlib.resources import files
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def _setuptools() -> dict:
    return tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["setuptools"]


def test_every_kg_package_is_listed_for_the_wheel():
    listed = set(_setuptools()["packages"])
    found = {".".join(p.parent.relative_to(ROOT).parts) for p in (ROOT / "kg").rglob("__init__.py")}
    assert found <= listed, f"add to [tool.setuptools] packages in pyproject.toml: {sorted(found - listed)}"


def test_example_queries_are_package_data_from_the_examples_folder():
    config = _setuptools()
    assert config["package-dir"]["kg.queries"] == "examples/queries"
    patterns = config["package-data"]["kg.queries"]
    folder = ROOT / "examples" / "queries"
    shipped = {p.relative_to(folder).as_posix() for pattern in patterns for p in folder.glob(pattern)}
    every = {p.relative_to(folder).as_posix() for p in folder.rglob("*.rq")}
    assert shipped == every and len(every) >= 12
    installed = files("kg.queries")
    assert sorted(p.name for p in installed.iterdir() if p.name.endswith(".rq")) == sorted(
        p.name for p in folder.glob("*.rq"))


def test_query_page_examples_come_from_the_package():
    from kg.store.endpoint import example_queries

    examples = example_queries()
    names = [q["name"] for q in examples]
    assert names[:9] == sorted(p.stem for p in (ROOT / "examples/queries").glob("cq*.rq"))
    assert len(names) == len(list((ROOT / "examples/queries").glob("*.rq")))
    cq01 = next(q for q in examples if q["name"].startswith("cq01"))
    store_form = next((ROOT / "examples/queries/store").glob("cq01*.rq")).read_text(encoding="utf-8")
    assert cq01["query"] == store_form  # the form written for Oxigraph stores, when there is one
