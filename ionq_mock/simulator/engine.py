"""The state-vector kernel: fuse gates into small blocks, apply each with one matmul.

Why it is shaped like this: applying a gate is a pass over the whole state, so speed is
memory bandwidth times the number of passes. Two things keep the passes few and fast:

1. Fusion. Consecutive gates (and later gates that commute past the ones left behind, because
   they touch none of their qubits) are multiplied into one block unitary on at most
   `FUSE_QUBITS` qubits. A 1-qubit gate followed by its inverse cancels exactly there.
2. Layout. The state is a tensor with one axis of size 2 per qubit, whose axis order is
   free: `order[axis]` says which qubit lives on that axis. A block on qubits Q is applied to
   the state seen as a (2^k, 2^(n-k)) matrix with Q on the leading axes, so the work is a
   single BLAS zgemm (which uses every core). When Q is not already leading, one transposing
   copy moves it there, and the layout is simply remembered rather than moved back.

Two buffers of the state's size are used (the copy and the matmul ping-pong between them),
so the peak memory is about twice the state, plus the float64 probabilities at the end.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Final

import numpy as np
import numpy.typing as npt

from .errors import SimulationFailure
from .gates import Matrix, controlled

# A k-qubit block costs 2^k complex multiply-adds per amplitude: 5 keeps the matmul about as
# cheap as the memory pass it replaces on a 2-core machine (see docs/simulator.md).
FUSE_QUBITS: Final = 5
# How far ahead fusion looks for gates that commute into the current block.
LOOKAHEAD: Final = 256

Probabilities = npt.NDArray[np.float64]


@dataclass(frozen=True)
class Op:
    """A gate on `targets`, applied only where all `controls` are 1.

    `matrix` acts on the targets alone, in kron order (first target most significant).
    """

    targets: tuple[int, ...]
    matrix: Matrix
    controls: tuple[int, ...] = field(default=())

    @property
    def qubits(self) -> tuple[int, ...]:
        """Controls then targets: the order of `full_matrix()`'s index bits."""
        return self.controls + self.targets

    def full_matrix(self) -> Matrix:
        """The matrix on `qubits`, controls included."""
        return controlled(self.matrix, len(self.controls)) if self.controls else self.matrix


def _apply_to_axes(tensor: Matrix, matrix: Matrix, axes: list[int]) -> Matrix:
    """Small-tensor helper: `matrix` (kron order over `axes`) applied to those axes."""
    k = len(axes)
    m = matrix.reshape((2,) * (2 * k))
    moved = np.tensordot(m, tensor, axes=(list(range(k, 2 * k)), axes))
    return np.moveaxis(moved, list(range(k)), axes)


def fuse(ops: list[Op], max_qubits: int = FUSE_QUBITS) -> list[Op]:
    """Merge `ops` into blocks of at most `max_qubits` qubits, keeping the product the same.

    Greedy: the first pending op opens a block; later ops join it when they fit and touch no
    qubit of an op left pending before them (so they commute past those). An op wider than
    `max_qubits` (a gate with many controls) stays on its own.
    """
    out: list[Op] = []
    pending = ops
    while pending:
        first = pending[0]
        if len(first.qubits) > max_qubits:
            out.append(first)
            pending = pending[1:]
            continue
        block_qubits: list[int] = []
        members: list[Op] = []
        blocked: set[int] = set()
        rest: list[Op] = []
        for i, op in enumerate(pending):
            qs = op.qubits
            if i >= LOOKAHEAD:
                rest.extend(pending[i:])
                break
            if blocked.isdisjoint(qs):
                extra = [q for q in qs if q not in block_qubits]
                if len(block_qubits) + len(extra) <= max_qubits:
                    block_qubits.extend(extra)
                    members.append(op)
                    continue
            blocked.update(qs)
            rest.append(op)
        out.append(_block(block_qubits, members))
        pending = rest
    return out


def _block(qubits: list[int], members: list[Op]) -> Op:
    if len(members) == 1 and list(members[0].qubits) == qubits:
        return Op(tuple(qubits), members[0].full_matrix())
    k = len(qubits)
    dim = 1 << k
    # Columns of the identity, as a tensor: k qubit axes, then one axis for the column.
    u = np.eye(dim, dtype=np.complex128).reshape((2,) * k + (dim,))
    for op in members:
        u = _apply_to_axes(u, op.full_matrix(), [qubits.index(q) for q in op.qubits])
    return Op(tuple(qubits), np.ascontiguousarray(u.reshape(dim, dim)))


def _reorder_matrix(matrix: Matrix, qubits: tuple[int, ...], wanted: list[int]) -> Matrix:
    """The same operator with its index bits in the qubit order `wanted`."""
    k = len(qubits)
    perm = [qubits.index(q) for q in wanted]
    m = matrix.reshape((2,) * (2 * k)).transpose(perm + [k + p for p in perm])
    return np.ascontiguousarray(m.reshape(1 << k, 1 << k))


class StateVector:
    """A pure state of `n` qubits, starting in |0...0>, with a free axis layout."""

    def __init__(self, n: int) -> None:
        self.n = n
        self._buf: Matrix = np.zeros(1 << n, dtype=np.complex128)
        self._buf[0] = 1.0
        self._spare: Matrix | None = None
        # order[axis] = qubit on that axis; axis 0 is the most significant (slowest varying).
        self._order: list[int] = list(range(n - 1, -1, -1))

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
        """A copy of the amplitudes, indexed by basis state (qubit 0 the least significant)."""
        return self._canonical(self._buf)

    def _canonical(self, phys: npt.NDArray[Any]) -> npt.NDArray[Any]:
        # The same values, moved from the current layout to axis j = qubit n-1-j.
        n = self.n
        canonical = list(range(n - 1, -1, -1))
        if self._order == canonical:
            return phys.copy()
        pos = {q: a for a, q in enumerate(self._order)}
        out = np.empty_like(phys)
        shape = (2,) * n
        np.copyto(out.reshape(shape), phys.reshape(shape).transpose([pos[q] for q in canonical]))
        return out

    def _take_spare(self) -> Matrix:
        if self._spare is None:
            self._spare = np.empty_like(self._buf)
        return self._spare

    def _swap(self, new: Matrix) -> None:
        self._spare, self._buf = self._buf, new

    def apply(self, op: Op) -> None:
        """Apply one op (fused block or wide controlled gate) to the state."""
        if op.controls:
            self._apply_controlled(op)
            return
        n, k = self.n, len(op.targets)
        shape = (2,) * n
        if set(self._order[:k]) == set(op.targets):
            matrix = _reorder_matrix(op.matrix, op.targets, self._order[:k])
        else:
            pos = {q: a for a, q in enumerate(self._order)}
            new_order = list(op.targets) + [q for q in self._order if q not in op.targets]
            spare = self._take_spare()
            np.copyto(
                spare.reshape(shape),
                self._buf.reshape(shape).transpose([pos[q] for q in new_order]),
            )
            self._swap(spare)
            self._order = new_order
            matrix = op.matrix
        out = self._take_spare()
        np.matmul(matrix, self._buf.reshape(1 << k, -1), out=out.reshape(1 << k, -1))
        self._swap(out)

    def _apply_controlled(self, op: Op) -> None:
        # Only the slice where every control is 1 changes: index it as a view, update it.
        pos = {q: a for a, q in enumerate(self._order)}
        tensor = self._buf.reshape((2,) * self.n)
        index: list[int | slice] = [slice(None)] * self.n
        for c in op.controls:
            index[pos[c]] = 1
        view = tensor[tuple(index)]
        # Axis numbers inside the view: the control axes are gone.
        kept = [a for a in range(self.n) if a not in {pos[c] for c in op.controls}]
        axes = [kept.index(pos[t]) for t in op.targets]
        view[...] = _apply_to_axes(view, op.matrix, axes)

    def probabilities(self) -> Probabilities:
        """|amplitude|^2 indexed by basis state, qubit 0 the least significant bit."""
        n = len(self._order)
        re, im = self._buf.real, self._buf.imag
        phys = np.multiply(re, re)
        phys += im * im
        canonical = list(range(n - 1, -1, -1))
        if self._order == canonical:
            probs = phys
        else:
            pos = {q: a for a, q in enumerate(self._order)}
            probs = np.empty_like(phys)
            shape = (2,) * n
            np.copyto(
                probs.reshape(shape), phys.reshape(shape).transpose([pos[q] for q in canonical])
            )
        total = float(probs.sum())
        if not abs(total - 1.0) < 1e-6:
            raise SimulationFailure("SimulationError", f"state norm drifted to {total!r}")
        probs /= total
        return probs


def simulate(n: int, ops: list[Op]) -> Probabilities:
    """Run `ops` on n qubits from |0...0> and return the probabilities (qubit 0 = LSB)."""
    state = StateVector(n)
    for op in fuse(ops, min(FUSE_QUBITS, n)):
        state.apply(op)
    return state.probabilities()
