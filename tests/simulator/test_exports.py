"""The public surface: a sorted `__all__` of importable names, and working doc examples."""

from __future__ import annotations

import doctest
import importlib

import pytest

import ionq_mock.simulator as sim


def test_all_is_sorted_and_importable() -> None:
    assert sim.__all__ == sorted(sim.__all__, key=lambda n: (not n.isupper(), n[0].islower(), n))
    for name in sim.__all__:
        assert getattr(sim, name) is not None


@pytest.mark.parametrize("module", ["errors", "jobs", "qasm3", "hamiltonian"])
def test_docstring_examples(module: str) -> None:
    result = doctest.testmod(importlib.import_module(f"ionq_mock.simulator.{module}"))
    assert result.attempted > 0
    assert result.failed == 0
