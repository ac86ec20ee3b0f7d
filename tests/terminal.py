"""Run a command with its stderr on a pseudo-terminal, as a person at a terminal would see it
(progress bars on), optionally pressing Ctrl-C once its progress bar shows enough done."""
from __future__ import annotations

import os
import pty
import re
import select
import signal
import subprocess
import time

ANSI = re.compile(rb"\x1b\[[0-9;?]*[A-Za-z]")


def run_on_terminal(argv: list[str], env: dict, *, cap: float = 300, ctrl_c_after: int | None = None,
                    of: int | None = None) -> tuple[int, str]:
    """(exit code, stderr without terminal codes) of ``argv``. With ``ctrl_c_after``, Ctrl-C is sent
    once the progress bar reads at least that many of ``of`` done; the process then has ``cap``
    seconds to stop."""
    master, slave = pty.openpty()
    proc = subprocess.Popen(argv, env=env, stdout=subprocess.DEVNULL, stderr=slave, stdin=subprocess.DEVNULL)
    os.close(slave)
    seen = b""
    interrupted = ctrl_c_after is None
    try:
        deadline = time.monotonic() + cap
        while time.monotonic() < deadline:
            ready, _, _ = select.select([master], [], [], 0.1)
            if ready:
                try:
                    chunk = os.read(master, 65536)
                except OSError:  # the terminal closed: the process has ended
                    break
                if not chunk:
                    break
                seen += chunk
            elif proc.poll() is not None:
                break
            done = [int(n) for n in re.findall(rb"(\d+)/%d" % (of or 0), seen)] if not interrupted else []
            if done and max(done) >= ctrl_c_after:
                proc.send_signal(signal.SIGINT)
                interrupted = True
                deadline = time.monotonic() + cap
        proc.wait(timeout=cap)
    finally:
        os.close(master)
        if proc.poll() is None:
            proc.kill()
            proc.wait()
    return proc.returncode, ANSI.sub(b"", seen).decode("utf-8", "replace")
