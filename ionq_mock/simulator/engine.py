"""The state-vector kernel: fuse gates into small blocks, apply each with one matmul per chunk.

Why it is shaped like this: applying a gate is a pass over the whole state, so speed is
memory bandwidth times the number of passes. Three things keep the passes few and fast:

1. Fusion. Consecutive gates (and later gates that commute past the ones left behind, because
   they touch none of their qubits) are multiplied into one block unitary on at most
   `FUSE_QUBITS` qubits. A 1-qubit gate followed by its inverse cancels exactly there.
2. Chunks. The state is a tensor with one axis of size 2 per qubit. A block on qubits Q is
   applied chunk by chunk: a chunk (1 MiB, fixing the values of the highest axes not in Q)
   is gathered into a buffer with Q's axes leading, multiplied by the block matrix in one
   zgemm, and scattered back. The multiplication never meets numpy's slow per-element path
   on low-order axes, and the state is updated in place: the peak memory is the state plus
   two chunks per worker, and the probabilities are written over the amplitudes' memory.
3. Threads over chunks, BLAS on one thread. Chunks are disjoint, so one worker per core
   takes every other chunk (numpy releases the GIL in copies and matmul). A multithreaded
   zgemm per chunk was the alternative: its threads meet at a barrier on every call, and on
   a machine where another process holds a core each meeting can wait a scheduler slice
   (20 qubits x 200 gates: 0.12 s quiet and 0.21 s with both cores busy this way, against
   0.16 s and 0.6-5.7 s with threaded BLAS; see docs/simulator.md).

Small states (at most `SMALL_QUBITS` qubits, what most users' tests send) take another path,
`_simulate_small`: there a run costs numpy's fixed cost per call, not memory passes, and
fusing a gate costs as much as applying it, so gates are applied one by one on the whole
state, each with a few numpy calls on index arrays cached per qubit layout.
"""

from __future__ import annotations

import contextlib
import functools
import itertools
import os
import threading
from concurrent.futures import ThreadPoolExecutor
from typing import Final

import numpy as np
import numpy.typing as npt
from threadpoolctl import ThreadpoolController

from . import compiled
from .errors import SimulationFailure
from .gates import SWAP, Matrix, X
from .ops import Op, Probabilities, is_diagonal, merged_1q, norm_checked

# A k-qubit block costs 2^k complex multiply-adds per amplitude: 5 keeps the matmul about as
# cheap as the memory pass it replaces on a 2-core machine (see docs/simulator.md).
FUSE_QUBITS: Final = 5
# How far ahead fusion looks for gates that commute into the current block.
LOOKAHEAD: Final = 256


def apply_to_axes(tensor: Matrix, matrix: Matrix, axes: list[int]) -> Matrix:
    """Small-tensor helper: `matrix` (kron order over `axes`) applied to those axes."""
    k = len(axes)
    m = matrix.reshape((2,) * (2 * k))
    moved = np.tensordot(m, tensor, axes=(list(range(k, 2 * k)), axes))
    return np.moveaxis(moved, list(range(k)), axes)


def fuse(ops: list[Op], max_qubits: int = FUSE_QUBITS) -> list[Op]:
    """Merge `ops` into blocks of at most `max_qubits` qubits, keeping the product the same.

    Greedy: the first pending op opens a block; later ops (within the next `LOOKAHEAD`
    pending ones) join it when they fit and touch no qubit of an op left pending before them,
    so they commute past those. An op wider than `max_qubits` (a gate with many controls)
    stays on its own, applied as a controlled gate.
    """
    out: list[Op] = []
    upcoming = iter(ops)
    window: list[Op] = []
    while True:
        # Refill the window so that each pass costs O(LOOKAHEAD), however long the circuit.
        window.extend(itertools.islice(upcoming, LOOKAHEAD - len(window)))
        if not window:
            return out
        first = window[0]
        if len(first.qubits) > max_qubits:
            out.append(first)
            window = window[1:]
            continue
        block_qubits: list[int] = []
        members: list[Op] = []
        blocked: set[int] = set()
        rest: list[Op] = []
        for op in window:
            qs = op.qubits
            if blocked.isdisjoint(qs):
                extra = [q for q in qs if q not in block_qubits]
                if len(block_qubits) + len(extra) <= max_qubits:
                    block_qubits.extend(extra)
                    members.append(op)
                    continue
            blocked.update(qs)
            rest.append(op)
        out.append(_block(block_qubits, members))
        window = rest


def _block(qubits: list[int], members: list[Op]) -> Op:
    if len(members) == 1 and list(members[0].qubits) == qubits:
        return Op(tuple(qubits), members[0].full_matrix())
    k = len(qubits)
    dim = 1 << k
    # Columns of the identity, as a tensor: k qubit axes, then one axis for the column.
    u = np.eye(dim, dtype=np.complex128).reshape((2,) * k + (dim,))
    for op in members:
        u = apply_to_axes(u, op.full_matrix(), [qubits.index(q) for q in op.qubits])
    return Op(tuple(qubits), np.ascontiguousarray(u.reshape(dim, dim)))


class StateVector:
    """A pure state of `n` qubits, starting in |0...0>, updated in place.

    The amplitudes live in one complex128 array indexed by basis state (qubit 0 the least
    significant bit); seen as a tensor, qubit q is axis n-1-q.
    """

    def __init__(self, n: int) -> None:
        self.n = n
        self._buf: Matrix = np.zeros(1 << n, dtype=np.complex128)
        self._buf[0] = 1.0

    @classmethod
    def from_amplitudes(cls, amplitudes: Matrix) -> StateVector:
        """A state with the given amplitudes (length 2^n, qubit 0 the least significant bit)."""
        n = amplitudes.shape[0].bit_length() - 1
        if amplitudes.shape != (1 << n,):
            raise ValueError("need a 1-d array of length 2^n")
        state = cls(n)
        state._buf[...] = amplitudes
        return state

    def amplitudes(self) -> Matrix:
        """A copy of the amplitudes, indexed by basis state."""
        return self._buf.copy()

    def apply(self, op: Op) -> None:
        """Apply one op (a fused block, or a gate with controls) to the state."""
        n = self.n
        tensor = self._buf.reshape((2,) * n)
        if op.controls:
            # Only the slice where every control is 1 changes: a view, updated in place.
            index: list[int | slice] = [slice(None)] * n
            for c in op.controls:
                index[n - 1 - c] = 1
            tensor = tensor[tuple(index)]
            kept = [a for a in range(n) if isinstance(index[a], slice)]
            axes = [kept.index(n - 1 - t) for t in op.targets]
        else:
            axes = [n - 1 - t for t in op.targets]
        _apply_in_chunks(tensor, op.matrix, axes)

    def copy(self) -> StateVector:
        """An independent copy (a branch of a mid-circuit measurement)."""
        return StateVector.from_amplitudes(self._buf)

    def _split(self, q: int) -> Matrix:
        """The amplitudes as (high bits, bit q, low bits): a view, axis 1 is qubit q."""
        return self._buf.reshape(1 << (self.n - 1 - q), 2, 1 << q)

    def probability_of_one(self, q: int) -> float:
        """The probability that measuring qubit q gives 1."""
        ones = self._split(q)[:, 1, :]
        return float(np.vdot(ones, ones).real)

    def collapse(self, q: int, outcome: int, probability: float) -> None:
        """Project qubit q onto `outcome` (seen with `probability`) and renormalise."""
        view = self._split(q)
        view[:, 1 - outcome, :] = 0.0
        self._buf *= 1.0 / np.sqrt(probability)

    def flip(self, q: int) -> None:
        """Apply X to qubit q (a reset's correction after measuring 1)."""
        view = self._split(q)
        view[:, [0, 1], :] = view[:, [1, 0], :]

    def probabilities(self) -> Probabilities:
        """|amplitude|^2 indexed by basis state; this consumes the state (memory is reused).

        The result is written over the amplitudes' own memory, so the peak memory of a run
        is the state plus one chunk.
        """
        size = 1 << self.n
        flat = self._buf.view(np.float64)  # re, im interleaved
        self._buf = np.empty(0, dtype=np.complex128)  # the state is gone from here on
        probs = flat[:size]
        start = 0
        while start < size:
            # A chunk reads [2*start, 2*stop) and writes [start, stop): compute into a
            # temporary first, and no later chunk reads below 2*stop.
            stop = min(size, start + (1 << CHUNK_QUBITS))
            pairs = flat[2 * start : 2 * stop].reshape(-1, 2)
            probs[start:stop] = np.einsum("ij,ij->i", pairs, pairs)
            start = stop
        total = float(probs.sum())
        if not abs(total - 1.0) < 1e-6:
            raise SimulationFailure("SimulationError", f"state norm drifted to {total!r}")
        probs /= total
        return probs


# A chunk of 2^CHUNK_QUBITS amplitudes (1 MiB, it stays in a core's cache) is gathered,
# multiplied and scattered back at a time, by one of `WORKERS` threads.
CHUNK_QUBITS: Final = 16
WORKERS: Final = max(1, min(os.cpu_count() or 1, 8))

_pool: ThreadPoolExecutor | None = None
_controller: ThreadpoolController | None = None
_setup_lock = threading.Lock()


def _runtime() -> tuple[ThreadPoolExecutor, ThreadpoolController]:
    """The chunk workers and the BLAS thread controller, made once on first use."""
    global _pool, _controller
    with _setup_lock:
        if _pool is None or _controller is None:
            _pool = ThreadPoolExecutor(WORKERS, thread_name_prefix="ionq-sim")
            _controller = ThreadpoolController()
        return _pool, _controller


def _apply_in_chunks(tensor: Matrix, matrix: Matrix, axes: list[int]) -> None:
    """`matrix` (kron order over `axes`) applied in place to the tensor's `axes`.

    The other axes are split into outer ones, looped over, and inner ones that stay in the
    chunk; each chunk is gathered with `axes` leading, so the product is one zgemm. Chunks
    are disjoint slices of the state, so workers take them in turn without locking.
    """
    m, k = tensor.ndim, len(axes)
    others = [a for a in range(m) if a not in axes]
    n_outer = min(len(others), max(0, m - CHUNK_QUBITS))
    outer, inner = others[:n_outer], others[n_outer:]
    # Axis numbers inside one chunk (the outer axes are indexed away).
    remaining = sorted(axes + inner)
    perm = [remaining.index(a) for a in axes + inner]
    rows, cols = 1 << k, 1 << len(inner)
    shape = (2,) * (k + len(inner))
    chunks = 1 << n_outer

    def work(first: int, step: int) -> None:
        gathered = np.empty((rows, cols), dtype=np.complex128)
        product = np.empty((rows, cols), dtype=np.complex128)
        for bits in range(first, chunks, step):
            index: list[int | slice] = [slice(None)] * m
            for j, a in enumerate(outer):
                index[a] = (bits >> (n_outer - 1 - j)) & 1
            chunk = tensor[tuple(index)].transpose(perm)
            np.copyto(gathered.reshape(shape), chunk)
            np.matmul(matrix, gathered, out=product)
            np.copyto(chunk, product.reshape(shape))

    lanes = min(WORKERS, chunks)
    if lanes == 1:
        work(0, 1)
        return
    pool, _ = _runtime()
    for future in [pool.submit(work, lane, lanes) for lane in range(lanes)]:
        future.result()


def blas_on_one_thread() -> contextlib.AbstractContextManager[object]:
    """The context every run applies ops in: BLAS held to one thread (see above)."""
    _, controller = _runtime()
    limited: contextlib.AbstractContextManager[object] = controller.limit(limits=1, user_api="blas")
    return limited


def simulate(n: int, ops: list[Op]) -> Probabilities:
    """Run `ops` on n qubits from |0...0> and return the probabilities (qubit 0 = LSB).

    The compiled engine (numba, when installed) from `compiled.FROM_QUBITS` up; below, and
    without it, numpy: the small-state path up to `SMALL_QUBITS`, the fused path above.
    """
    if n >= compiled.FROM_QUBITS and compiled.available():
        return compiled.simulate(n, ops)
    if n <= SMALL_QUBITS:
        return _simulate_small(n, ops)
    return simulate_fused(n, ops)


def simulate_fused(n: int, ops: list[Op]) -> Probabilities:
    """`simulate` on numpy's fused path, whatever the size (large states without numba)."""
    state = StateVector(n)
    _, controller = _runtime()
    # One BLAS thread per worker: parallelism comes from the chunk workers (see above).
    with controller.limit(limits=1, user_api="blas"):
        for op in fuse(ops, min(FUSE_QUBITS, n)):
            state.apply(op)
        return state.probabilities()


# Up to 2^13 amplitudes (128 KiB) a gate is a few microseconds of numpy's fixed costs, and
# the fused path's Python-level fusion (about 15 us a gate) and its BLAS thread limit
# (about 10 us a run) cost more than they save: a random 10-qubit, 100-gate circuit runs in
# a sixth of the fused path's time, and from 15 qubits the fused path wins (docs/simulator.md).
SMALL_QUBITS: Final = 13
# Cached index arrays (at most 64 KiB each at 13 qubits): a circuit uses few layouts.
_LAYOUTS_CACHED: Final = 256
# The rows a permutation gate sends to each row, for the matrices parsing shares.
_ROW_PERMUTATIONS: Final = ((X, (1, 0)), (SWAP, (0, 2, 1, 3)))

# From this qubit up, a 1-qubit gate's batched matmul has rows long enough (2^4 amplitudes
# and more) to beat gathering the state into two rows.
_BATCHED_FROM_QUBIT: Final = 4

Indices = npt.NDArray[np.intp]


@functools.lru_cache(maxsize=_LAYOUTS_CACHED)
def _rows(n: int, controls: tuple[int, ...], targets: tuple[int, ...]) -> Indices:
    """The basis states an op on `targets` changes where all `controls` are 1.

    Row r holds the states whose target bits are r (kron order: the first target is the
    most significant bit of r); one column per value of the other qubits. Read-only.
    """
    base = 0
    for c in controls:
        base |= 1 << c
    columns = np.array([base], dtype=np.intp)
    for q in range(n):
        if q not in controls and q not in targets:
            columns = np.concatenate((columns, columns | (1 << q)))
    k = len(targets)
    offsets = np.zeros(1 << k, dtype=np.intp)
    for r in range(1 << k):
        for j, t in enumerate(targets):
            if (r >> (k - 1 - j)) & 1:
                offsets[r] |= 1 << t
    rows: Indices = offsets[:, None] | columns[None, :]
    rows.setflags(write=False)
    return rows


@functools.lru_cache(maxsize=_LAYOUTS_CACHED)
def _gather_map(
    n: int, controls: tuple[int, ...], targets: tuple[int, ...], sources: tuple[int, ...]
) -> Indices:
    """For a permutation gate whose row r takes row `sources[r]`: the new state is
    `state[map]`, one gather instead of gather, matmul and scatter. Read-only."""
    rows = _rows(n, controls, targets)
    mapping = np.arange(1 << n, dtype=np.intp)
    mapping[rows] = rows[list(sources)]
    mapping.setflags(write=False)
    return mapping


def _apply_small(
    state: Matrix, n: int, targets: tuple[int, ...], controls: tuple[int, ...], matrix: Matrix
) -> Matrix:
    """`matrix` on `targets` where all `controls` are 1; returns the new state (the same
    array updated in place, or a new one after a permutation gate or a batched matmul)."""
    for shared, sources in _ROW_PERMUTATIONS:
        if matrix is shared:  # x, not, cnot, swap: parsing gives them these very arrays
            return state[_gather_map(n, controls, targets, sources)]
    if not controls and len(targets) == 1:
        return _apply_1q_small(state, n, targets[0], matrix)
    rows = _rows(n, controls, targets)
    state[rows] = matrix @ state[rows]
    return state


def _apply_1q_small(state: Matrix, n: int, t: int, matrix: Matrix) -> Matrix:
    """A 1-qubit `matrix` on qubit t, each shape of it in as few numpy calls as it takes."""
    halves = state.reshape(1 << (n - 1 - t), 2, 1 << t)
    if is_diagonal(matrix):
        # A diagonal gate (rz, z, s, t...) scales each half of the state: one call.
        halves *= matrix.diagonal()[:, None]
        return state
    if t >= _BATCHED_FROM_QUBIT:
        # Rows of 2^t amplitudes: one batched matmul beats gather, matmul and scatter.
        product: Matrix = np.matmul(matrix, halves).reshape(-1)
        return product
    rows = _rows(n, (), (t,))
    state[rows] = matrix @ state[rows]
    return state


def _simulate_small(n: int, ops: list[Op]) -> Probabilities:
    """`simulate` for at most `SMALL_QUBITS` qubits: gates applied one by one, no fusion
    (only runs of 1-qubit gates, `merged_1q`)."""
    state: Matrix = np.zeros(1 << n, dtype=np.complex128)
    state[0] = 1.0
    for op in merged_1q(ops):
        if len(op.targets) == 1 and not op.controls:
            state = _apply_1q_small(state, n, op.targets[0], op.matrix)
        else:
            state = _apply_small(state, n, op.targets, op.controls, op.matrix)
    probs: Probabilities = state.real * state.real
    probs += state.imag * state.imag
    return norm_checked(probs)
