"""The README's Python examples run as they are written (from the project folder)."""
from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def _python_blocks() -> list[str]:
    return re.findall(r"```python\n(.*?)```", (ROOT / "README.md").read_text(encoding="utf-8"), re.S)


def test_readme_has_a_library_example():
    assert any("run_query" in block for block in _python_blocks())


def test_readme_python_blocks_run():
    for block in _python_blocks():
        result = subprocess.run([sys.executable, "-c", block], cwd=ROOT, capture_output=True, text=True, timeout=300)
        assert result.returncode == 0, result.stderr
        if "run_query" in block:  # the quotes of the example article are printed, speaker first
            assert re.search(r"^José Jerí - ", result.stdout, re.M), result.stdout[-2000:]
