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

from .gates import Matrix, X
from .kernel_kinds import CONTROLLED_X, DENSE, DIAGONAL
from .ops import Op, Probabilities, is_diagonal, merged_1q, norm_checked

Reals = npt.NDArray[np.float64]
ENGINE_VARIABLE: Final = "IONQ_SIM_ENGINE"
# From this many qubits `engine.simulate` runs this engine. It is faster at every size
# (random circuits of 10n gates, per run: 31 against 37 us at 4 qubits, 149 against 284 us
# at 10, 1.1 against 2.5 ms at 14; docs/simulator.md), but its first use in a process
# imports numba (about half a second): below 8 qubits, what most tests send, the gain is
# a few microseconds and numpy's small-state path keeps them from paying that.
FROM_QUBITS: Final = 8
# From this many qubits runs of 1-qubit gates on a qubit are multiplied first: below, a
# pass over the state (2^11 amplitudes at 0.3-0.6 ns each) costs less than the 2x2
# product in numpy (about 1 us), and merging took a third of a 10-qubit run.
MERGE_FROM_QUBITS: Final = 12
# A run of 1-qubit ops goes chunk by chunk through chunks of 2^15 amplitudes (512 KiB of
# real and imaginary parts: in a core's L2 cache, 1 MiB here).
CHUNK_QUBITS: Final = 15
# Below this many units a pass is not split between threads: handing it over costs more.
_SPLIT_FROM: Final = 1 << 14
_THREADS: Final = 2


def available() -> bool:
    """Whether the compiled engine is installed and not switched off by IONQ_SIM_ENGINE."""
    if os.environ.get(ENGINE_VARIABLE, "").lower() == "numpy":
        return False
    return _installed()


@functools.cache
def _installed() -> bool:
    """Whether numba can be imported, looked up once: a lookup for a module not installed
    searches the path every time (60 us), on every simulation of 8 qubits or more."""
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


def _split(kernel: Callable[..., None], units: int, *args: object, min_units: int = 0) -> None:
    """Run `kernel(*args, lo, hi)` over [0, units), in two halves on two threads when there
    are at least `min_units` (by default `_SPLIT_FROM`: handing over costs more below)."""
    if units < (min_units or _SPLIT_FROM):
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


def _kind(op: Op) -> int | None:
    """The 1-qubit kernel kind for `op`, or None when it needs the general kernel."""
    if len(op.targets) != 1:
        return None
    if op.matrix is X:  # x, not, cnot: parsing gives them this very array
        return CONTROLLED_X
    if not op.controls and is_diagonal(op.matrix):
        return DIAGONAL
    return DENSE


def _floats(matrices: list[Matrix]) -> Reals:
    """2x2s as rows of 8 floats, re and im of each entry row by row (the kernels' layout)."""
    stacked = np.ascontiguousarray(np.array(matrices, dtype=np.complex128).reshape(-1, 4))
    floats: Reals = stacked.view(np.float64)
    return floats


class _Run:
    """Consecutive 1-qubit ops with targets inside a chunk, applied chunk by chunk."""

    def __init__(self, re: Reals, im: Reals, n: int, chunk_qubits: int) -> None:
        self.re, self.im, self.n, self.chunk_qubits = re, im, n, chunk_qubits
        self.kinds: list[int] = []
        self.ops: list[Op] = []

    def add(self, kind: int, op: Op) -> None:
        self.kinds.append(kind)
        self.ops.append(op)

    def flush(self) -> None:
        if not self.ops:
            return
        # Built in one go at the end (a comprehension costs less than appends per op).
        ops = self.ops
        args = (
            self.re,
            self.im,
            np.array(self.kinds, dtype=np.int64),
            np.array([op.targets[0] for op in ops], dtype=np.int64),
            np.array([_mask(op.controls) if op.controls else 0 for op in ops], dtype=np.int64),
            _floats([op.matrix for op in ops]),
            self.chunk_qubits,
        )
        _split(_kernels().local_ops, 1 << (self.n - self.chunk_qubits), *args, min_units=2)
        self.kinds, self.ops = [], []


def simulate(n: int, ops: list[Op]) -> Probabilities:
    """Run `ops` on n qubits from |0...0> and return the probabilities (qubit 0 = LSB)."""
    kernels = _kernels()
    re = np.zeros(1 << n, dtype=np.float64)
    im = np.zeros(1 << n, dtype=np.float64)
    re[0] = 1.0
    # At least two chunks from 14 qubits, so that two threads share each run.
    chunk_qubits = min(n, CHUNK_QUBITS) if n < 14 else min(n - 1, CHUNK_QUBITS)
    run = _Run(re, im, n, chunk_qubits)
    for op in merged_1q(ops) if n >= MERGE_FROM_QUBITS else ops:
        kind = _kind(op)
        if kind is not None and op.targets[0] < chunk_qubits:
            run.add(kind, op)
            continue
        run.flush()
        if kind is not None:
            matrix = _floats([op.matrix])[0]
            _split(
                kernels.one_op,
                1 << (n - 1),
                re,
                im,
                kind,
                op.targets[0],
                _mask(op.controls),
                matrix,
            )
        else:
            targets = np.array(op.targets, dtype=np.int64)
            real = np.ascontiguousarray(op.matrix.real)
            imag = np.ascontiguousarray(op.matrix.imag)
            groups = 1 << (n - len(op.targets))
            _split(kernels.dense_k, groups, re, im, targets, real, imag, _mask(op.controls))
    run.flush()
    _split(kernels.squared_norms, 1 << n, re, im)
    del im
    return norm_checked(re)
