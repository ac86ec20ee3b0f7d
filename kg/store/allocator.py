"""Tune the C allocator (glibc's malloc) for a long batch run.

A batch moves large buffers through every process: each worker's spaCy batches and N-Triples,
the parent's bulk loads into Oxigraph (hundreds of MB a load, sorted by RocksDB's threads). By
default glibc gives every block over 128 KB its own ``mmap`` and hands freed memory straight back
to the kernel, so the same memory is mapped, zero-filled page by page and unmapped again: on
10,000 articles that was 9 million page faults and 42 s of kernel time (the spaCy floor spends
12 s). Serving blocks up to 32 MB from the heap and keeping freed memory for the next load cuts
the faults to a third and the kernel time by half (``benchmarks/README.md``).

Only glibc is tuned (``mallopt``); on other C libraries this does nothing. The settings are
process-wide and inherited by forked workers, so :func:`tune_for_batch` runs before the pool
starts.
"""
from __future__ import annotations

import ctypes
import platform

# mallopt parameters, from glibc's <malloc.h>
M_TRIM_THRESHOLD = -1
M_TOP_PAD = -2
M_MMAP_THRESHOLD = -3

#: Blocks up to this size come from the heap (glibc's ceiling for the setting on 64-bit).
MMAP_THRESHOLD = 32 * 1024 * 1024
#: Keep up to this much freed memory at the top of the heap instead of returning it.
TRIM_THRESHOLD = 1024 * 1024 * 1024
#: Grow the heap by this much extra each time, so a growing buffer does not fault page by page.
TOP_PAD = 64 * 1024 * 1024

_tuned = False


def tune_for_batch() -> bool:
    """Set glibc's malloc for large, repeated buffers; True if it was (or already is) set."""
    global _tuned
    if _tuned:
        return True
    if platform.system() != "Linux" or platform.libc_ver()[0] != "glibc":
        return False
    try:
        mallopt = ctypes.CDLL(None).mallopt
    except (OSError, AttributeError):
        return False
    mallopt.argtypes = (ctypes.c_int, ctypes.c_int)
    mallopt.restype = ctypes.c_int
    settings = ((M_MMAP_THRESHOLD, MMAP_THRESHOLD), (M_TRIM_THRESHOLD, TRIM_THRESHOLD), (M_TOP_PAD, TOP_PAD))
    _tuned = all(mallopt(param, value) == 1 for param, value in settings)
    return _tuned
