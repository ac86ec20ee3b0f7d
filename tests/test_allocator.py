"""kg.store.allocator: glibc's malloc is tuned once for a batch, and nothing is done elsewhere."""
import platform

import pytest

from kg.store import allocator


class FakeLibc:
    def __init__(self, answer: int = 1):
        self.calls: list[tuple[int, int]] = []
        self.answer = answer
        outer = self

        class Mallopt:
            argtypes = restype = None

            def __call__(self, param, value):
                outer.calls.append((param, value))
                return outer.answer

        self.mallopt = Mallopt()


@pytest.fixture
def fake_libc(monkeypatch):
    libc = FakeLibc()
    monkeypatch.setattr(allocator, "_tuned", False)
    monkeypatch.setattr(allocator.ctypes, "CDLL", lambda name: libc)
    monkeypatch.setattr(allocator.platform, "system", lambda: "Linux")
    monkeypatch.setattr(allocator.platform, "libc_ver", lambda: ("glibc", "2.36"))
    return libc


def test_glibc_gets_the_three_settings_once(fake_libc):
    assert allocator.tune_for_batch()
    assert fake_libc.calls == [
        (allocator.M_MMAP_THRESHOLD, 32 * 1024 * 1024),
        (allocator.M_TRIM_THRESHOLD, 1024 * 1024 * 1024),
        (allocator.M_TOP_PAD, 64 * 1024 * 1024),
    ]
    assert allocator.tune_for_batch()
    assert len(fake_libc.calls) == 3  # a second batch in the same process changes nothing


def test_other_c_libraries_are_left_alone(fake_libc, monkeypatch):
    monkeypatch.setattr(allocator.platform, "libc_ver", lambda: ("", ""))
    assert not allocator.tune_for_batch()
    assert fake_libc.calls == []


def test_a_refused_setting_is_reported(fake_libc):
    fake_libc.answer = 0
    assert not allocator.tune_for_batch()


@pytest.mark.skipif(platform.system() != "Linux" or platform.libc_ver()[0] != "glibc", reason="needs glibc")
def test_the_real_mallopt_accepts_the_settings(monkeypatch):
    monkeypatch.setattr(allocator, "_tuned", False)
    assert allocator.tune_for_batch()
