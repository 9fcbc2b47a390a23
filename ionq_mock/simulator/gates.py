"""Gate matrices, as complex128 numpy arrays.

Convention inside the simulator: a k-qubit matrix acting on qubits (a, b, ...) is indexed in
`np.kron` order, i.e. the *first* listed qubit is the most significant bit of the row and
column index. (The API's own bit order, qubit 0 least significant, only matters when the
state is turned into probabilities; see engine.py.)

QIS rotations take radians; native phases and angles take turns (1 turn = 2*pi).
"""

from __future__ import annotations

import cmath
import math
from typing import Final

import numpy as np
import numpy.typing as npt

Matrix = npt.NDArray[np.complex128]

_SQ2: Final = 1 / math.sqrt(2)


def _m(rows: list[list[complex]]) -> Matrix:
    return np.array(rows, dtype=np.complex128)


I2: Final = _m([[1, 0], [0, 1]])
X: Final = _m([[0, 1], [1, 0]])
Y: Final = _m([[0, -1j], [1j, 0]])
Z: Final = _m([[1, 0], [0, -1]])
H: Final = _m([[_SQ2, _SQ2], [_SQ2, -_SQ2]])
S: Final = _m([[1, 0], [0, 1j]])
T: Final = _m([[1, 0], [0, cmath.exp(1j * math.pi / 4)]])
# v = sqrt(X): the principal square root, (1+i)/2 * I + (1-i)/2 * X.
V: Final = _m([[(1 + 1j) / 2, (1 - 1j) / 2], [(1 - 1j) / 2, (1 + 1j) / 2]])
SWAP: Final = _m([[1, 0, 0, 0], [0, 0, 1, 0], [0, 1, 0, 0], [0, 0, 0, 1]])

# Fixed single-qubit QIS gates; "not" is an alias of x, and cnot is x with a control.
FIXED_1Q: Final[dict[str, Matrix]] = {
    "x": X,
    "not": X,
    "cnot": X,
    "y": Y,
    "z": Z,
    "h": H,
    "s": S,
    "si": S.conj().T,
    "t": T,
    "ti": T.conj().T,
    "v": V,
    "vi": V.conj().T,
}


def rotation_2q(axis: Matrix, theta: float) -> Matrix:
    """exp(-i theta/2 P(x)P) for a Pauli P; (P(x)P)^2 = I gives the same closed form."""
    pp = np.kron(axis, axis)
    return math.cos(theta / 2) * np.eye(4, dtype=np.complex128) - 1j * math.sin(theta / 2) * pp


# exp(-i theta/2 P) = cos(theta/2) I - i sin(theta/2) P for P = X, Y, Z, written element by
# element: a circuit's rotations are most of its parsing time, and filling a zeroed 2x2
# costs a third of the three array operations of that general form (0.4 us against 1.2 us).
def rx(theta: float) -> Matrix:
    """exp(-i theta/2 X)."""
    c, s = math.cos(theta / 2), math.sin(theta / 2)
    m = np.zeros((2, 2), dtype=np.complex128)
    m[0, 0] = m[1, 1] = c
    m[0, 1] = m[1, 0] = complex(0.0, -s)
    return m


def ry(theta: float) -> Matrix:
    """exp(-i theta/2 Y)."""
    c, s = math.cos(theta / 2), math.sin(theta / 2)
    m = np.zeros((2, 2), dtype=np.complex128)
    m[0, 0] = m[1, 1] = c
    m[0, 1] = -s
    m[1, 0] = s
    return m


def rz(theta: float) -> Matrix:
    """exp(-i theta/2 Z)."""
    c, s = math.cos(theta / 2), math.sin(theta / 2)
    m = np.zeros((2, 2), dtype=np.complex128)
    m[0, 0] = complex(c, -s)
    m[1, 1] = complex(c, s)
    return m


ROTATIONS_1Q: Final = {"rx": rx, "ry": ry, "rz": rz}
ROTATION_2Q_AXES: Final[dict[str, Matrix]] = {"xx": X, "yy": Y, "zz": Z}


PAULIS: Final[dict[str, Matrix]] = {"I": I2, "X": X, "Y": Y, "Z": Z}


def pauli_exponential(terms: dict[str, float], time: float) -> Matrix:
    """exp(-i time sum_k c_k P_k) for Pauli strings P_k (char j on the j-th target, kron order).

    One string squares to I, so exp(-i a P) = cos(a) I - i sin(a) P; a sum of several is
    diagonalised (H is Hermitian: the coefficients are real).
    """
    k = len(next(iter(terms)))
    dim = 1 << k
    rows = np.arange(dim)
    parity_of = np.array([c.bit_count() & 1 for c in range(dim)])
    h = np.zeros((dim, dim), dtype=np.complex128)
    for term, coefficient in terms.items():
        # P|c> = i^(#Y) (-1)^popcount(c & z) |c ^ x>: X and Y flip a bit, Z and Y sign it.
        x_mask = z_mask = 0
        for j, char in enumerate(term):
            bit = 1 << (k - 1 - j)  # the first target is the most significant index bit
            if char in "XY":
                x_mask |= bit
            if char in "YZ":
                z_mask |= bit
        signs = np.where(parity_of[rows & z_mask] == 1, -1.0, 1.0)
        values = (1j ** term.count("Y")) * signs
        h[rows ^ x_mask, rows] += coefficient * values
    if len(terms) == 1:
        [coefficient] = terms.values()
        # P itself, not h / coefficient: a subnormal coefficient (5e-324) overflows that.
        p = np.zeros((dim, dim), dtype=np.complex128)
        p[rows ^ x_mask, rows] = values
        a = time * coefficient
        return math.cos(a) * np.eye(dim, dtype=np.complex128) - 1j * math.sin(a) * p
    eigenvalues, vectors = np.linalg.eigh(h)
    u: Matrix = (vectors * np.exp(-1j * time * eigenvalues)) @ vectors.conj().T
    return u


def sigma(phase: float) -> Matrix:
    """cos(2 pi phase) X + sin(2 pi phase) Y: the Pauli in the XY plane at `phase` turns."""
    return _m([[0, cmath.exp(-2j * math.pi * phase)], [cmath.exp(2j * math.pi * phase), 0]])


def gpi(phase: float) -> Matrix:
    """IonQ GPI(phi) = [[0, e^{-2 pi i phi}], [e^{2 pi i phi}, 0]] (a pi rotation)."""
    return sigma(phase)


def gpi2(phase: float) -> Matrix:
    """IonQ GPI2(phi) = exp(-i pi/4 sigma(phi)) = (I - i sigma(phi)) / sqrt(2)."""
    return (I2 - 1j * sigma(phase)) * _SQ2


def ms(phase0: float, phase1: float, angle: float = 0.25) -> Matrix:
    """IonQ MS(phi0, phi1, theta) = exp(-i pi theta sigma(phi0) (x) sigma(phi1)).

    phase0 belongs to the first target, phase1 to the second (kron order: first target is
    the most significant index bit). theta = 0.25 turns is the fully entangling gate.
    """
    ss = np.kron(sigma(phase0), sigma(phase1))
    c, s = math.cos(math.pi * angle), math.sin(math.pi * angle)
    return c * np.eye(4, dtype=np.complex128) - 1j * s * ss


def zz_native(angle: float) -> Matrix:
    """IonQ native ZZ(theta) = exp(-i pi theta Z (x) Z) = diag(e^-ipt, e^ipt, e^ipt, e^-ipt)."""
    p = cmath.exp(-1j * math.pi * angle)
    return np.diag(np.array([p, p.conjugate(), p.conjugate(), p], dtype=np.complex128))


def controlled(u: Matrix, n_controls: int) -> Matrix:
    """The matrix of `u` controlled on `n_controls` qubits listed before its targets.

    All controls set means the last 2^t x 2^t block of the result, which is `u`.
    """
    dim = (1 << n_controls) * u.shape[0]
    out = np.eye(dim, dtype=np.complex128)
    out[dim - u.shape[0] :, dim - u.shape[0] :] = u
    return out
