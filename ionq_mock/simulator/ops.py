"""What the engines share: the op a gate becomes, runs of 1-qubit gates merged, the norm check.

`engine.py` (numpy) and `compiled.py` (numba) both take a list of `Op`s and return
`Probabilities`; the parsers (program.py, qasm3_compiler.py, hamiltonian.py) make the ops.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import NamedTuple

import numpy as np
import numpy.typing as npt

from .errors import SimulationFailure
from .gates import Matrix, controlled

Probabilities = npt.NDArray[np.float64]


class Op(NamedTuple):
    """A gate on `targets`, applied only where all `controls` are 1.

    `matrix` acts on the targets alone, in kron order (first target most significant).
    A named tuple, not a dataclass: a circuit makes one per gate, and a frozen dataclass's
    constructor costs twice as much (0.5 us against 0.24 us).
    """

    targets: tuple[int, ...]
    matrix: Matrix
    controls: tuple[int, ...] = ()

    @property
    def qubits(self) -> tuple[int, ...]:
        """Controls then targets: the order of `full_matrix()`'s index bits."""
        return self.controls + self.targets

    def full_matrix(self) -> Matrix:
        """The matrix on `qubits`, controls included."""
        return controlled(self.matrix, len(self.controls)) if self.controls else self.matrix


def is_diagonal(matrix: Matrix) -> bool:
    """Whether a 2x2 is diagonal."""
    return bool(matrix[0, 1] == 0 and matrix[1, 0] == 0)


def unit_phases(diagonal: Matrix) -> bool:
    """Whether a diagonal 2x2 is unitary (leaving out anything else would hide its error)."""
    return bool(np.all(np.abs(np.abs(diagonal.diagonal()) - 1.0) < 1e-12))


def merged_1q(ops: Iterable[Op]) -> Iterator[Op]:
    """`ops` with consecutive 1-qubit gates on a qubit multiplied into one 2x2.

    A product waits until an op touches its qubit, which is exact because ops on other
    qubits commute with it (a 2x2 product costs a fraction of a pass over the state). A
    diagonal product still waiting at the end is left out: a diagonal unitary changes
    phases, not probabilities.
    """
    waiting: dict[int, Matrix] = {}
    for op in ops:
        targets = op.targets
        if len(targets) == 1 and not op.controls:
            q = targets[0]
            earlier = waiting.get(q)
            waiting[q] = op.matrix if earlier is None else np.dot(op.matrix, earlier)
            continue
        if waiting:
            for q in op.qubits:
                pending = waiting.pop(q, None)
                if pending is not None:
                    yield Op((q,), pending)
        yield op
    for q, pending in waiting.items():
        if not (is_diagonal(pending) and unit_phases(pending)):
            yield Op((q,), pending)


def norm_checked(probs: Probabilities) -> Probabilities:
    """`probs` divided by their sum, once the sum is checked to be 1 (within 1e-6)."""
    total = float(probs.sum())
    if not abs(total - 1.0) < 1e-6:
        raise SimulationFailure("SimulationError", f"state norm drifted to {total!r}")
    probs /= total
    return probs
