"""The example SPARQL queries (``*.rq``), installed with kg as the package ``kg.queries``
(pyproject.toml maps it to this folder), so ``kg serve``'s query page offers them in a wheel
install too. This file only makes the folder importable; the queries are the ``.rq`` files."""
