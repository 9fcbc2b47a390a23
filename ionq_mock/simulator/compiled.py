"""The optional compiled engine for large states: numba kernels, one memory pass per gate.

Installed with the `fast` extra (numba); without it, or with `IONQ_SIM_ENGINE=numpy`,
`engine.simulate` keeps numpy's fused path. Results are the same to rounding (the tests
hold both to the dense reference and to each other at 1e-12).

Why a second engine: numpy applies a gate as whole-array operations, so the fused path
multiplies gates into 5-qubit blocks and pays 32 complex multiply-adds per amplitude per
block in zgemm (compute-bound on two cores). A compiled loop applies one gate in one pass
at memory speed, with a kernel for each kind of gate (dense, diagonal, controlled X), so
no gate costs more than its own pass (`_kernels.py`):

- The state is two float64 arrays, real and imaginary parts: the inner loops then run
  over contiguous halves and vectorize; over interleaved complex numbers they did not
  (3x slower a pass, measured). The probabilities are written over the real part, so the
  peak memory is the state's.
- Consecutive 1-qubit gates on a qubit are multiplied first (as the small-state path
  does), so a run of them is one pass.
- Two threads split each pass (the kernels release the GIL); numba's own parallel layer is
  not used, because concurrent simulations (the mock's worker threads) cannot share it.

Kernels are compiled on first use and cached beside `_kernels.py` (`cache=True`): the first
large simulation on a machine pays a few seconds once. numba is imported only then, so a
process that never simulates a large state never loads it (its import takes ~0.5 s).
"""

from __future__ import annotations

import functools
import importlib.util
import os
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from types import ModuleType
from typing import Final

import numpy as np
import numpy.typing as npt

from .gates import X
from .ops import Op, Probabilities, merged_1q, norm_checked

Reals = npt.NDArray[np.float64]
ENGINE_VARIABLE: Final = "IONQ_SIM_ENGINE"
# Below this many units a pass is not split between threads: handing it over costs more.
_SPLIT_FROM: Final = 1 << 14
_THREADS: Final = 2


def available() -> bool:
    """Whether the compiled engine is installed and not switched off by IONQ_SIM_ENGINE."""
    if os.environ.get(ENGINE_VARIABLE, "").lower() == "numpy":
        return False
    return importlib.util.find_spec("numba") is not None


@functools.cache
def _helper() -> ThreadPoolExecutor:
    """The thread that takes the second half of each large pass, started on first use."""
    return ThreadPoolExecutor(_THREADS - 1, thread_name_prefix="ionq-sim-compiled")


@functools.cache
def _kernels() -> ModuleType:
    """The compiled kernels, imported (and numba with them) on first use."""
    from . import _kernels as kernels

    return kernels


def _split(kernel: Callable[..., None], units: int, *args: object) -> None:
    """Run `kernel(*args, lo, hi)` over [0, units), in two halves on two threads if large."""
    if units < _SPLIT_FROM:
        kernel(*args, 0, units)
        return
    half = units // 2
    other = _helper().submit(kernel, *args, half, units)
    kernel(*args, 0, half)
    other.result()


def _mask(qubits: tuple[int, ...]) -> int:
    mask = 0
    for q in qubits:
        mask |= 1 << q
    return mask


def _apply(re: Reals, im: Reals, n: int, op: Op) -> None:
    k = _kernels()
    matrix = op.matrix
    if len(op.targets) == 1:
        t = op.targets[0]
        pairs = 1 << (n - 1)
        if matrix is X:  # x, not, cnot: parsing gives them this very array
            _split(k.controlled_x, pairs, re, im, t, _mask(op.controls))
            return
        if not op.controls:
            if matrix[0, 1] == 0 and matrix[1, 0] == 0:
                d0, d1 = complex(matrix[0, 0]), complex(matrix[1, 1])
                _split(k.diagonal_1q, pairs, re, im, t, d0.real, d0.imag, d1.real, d1.imag)
            else:
                real, imag = np.ascontiguousarray(matrix.real), np.ascontiguousarray(matrix.imag)
                _split(k.dense_1q, pairs, re, im, t, real, imag)
            return
    targets = np.array(op.targets, dtype=np.int64)
    real, imag = np.ascontiguousarray(matrix.real), np.ascontiguousarray(matrix.imag)
    groups = 1 << (n - len(op.targets))
    _split(k.dense_k, groups, re, im, targets, real, imag, _mask(op.controls))


def simulate(n: int, ops: list[Op]) -> Probabilities:
    """Run `ops` on n qubits from |0...0> and return the probabilities (qubit 0 = LSB)."""
    re = np.zeros(1 << n, dtype=np.float64)
    im = np.zeros(1 << n, dtype=np.float64)
    re[0] = 1.0
    for op in merged_1q(ops):
        _apply(re, im, n, op)
    _split(_kernels().squared_norms, 1 << n, re, im)
    del im
    return norm_checked(re)
