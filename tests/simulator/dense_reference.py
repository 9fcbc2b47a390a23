"""An independent, deliberately naive simulator for cross-checks: full 2^n unitaries from krons.

It shares no code with ionq_mock.simulator: its gate matrices are written out here (rotations
via an eigen-decomposition), and every gate becomes a full matrix built with np.kron.
"""

from __future__ import annotations

import cmath
import math
from typing import Any

import numpy as np
import numpy.typing as npt

Array = npt.NDArray[Any]

_X = np.array([[0, 1], [1, 0]], dtype=complex)
_Y = np.array([[0, -1j], [1j, 0]], dtype=complex)
_Z = np.array([[1, 0], [0, -1]], dtype=complex)
_H = np.array([[1, 1], [1, -1]], dtype=complex) / math.sqrt(2)
_S = np.diag([1, 1j]).astype(complex)
_T = np.diag([1, cmath.exp(1j * math.pi / 4)]).astype(complex)
_V = np.array([[1 + 1j, 1 - 1j], [1 - 1j, 1 + 1j]], dtype=complex) / 2
_SWAP = np.eye(4, dtype=complex)[[0, 2, 1, 3]]

FIXED = {
    "x": _X, "not": _X, "cnot": _X, "y": _Y, "z": _Z, "h": _H,
    "s": _S, "si": _S.conj().T, "t": _T, "ti": _T.conj().T, "v": _V, "vi": _V.conj().T,
}  # fmt: skip


def expm_hermitian(h: Array, t: float) -> Array:
    """exp(-i t h) for Hermitian h, by diagonalising it."""
    w, v = np.linalg.eigh(h)
    return np.asarray((v * np.exp(-1j * t * w)) @ v.conj().T, dtype=complex)


def sigma(phi: float) -> Array:
    return math.cos(2 * math.pi * phi) * _X + math.sin(2 * math.pi * phi) * _Y


def embed(n: int, factors: dict[int, Array]) -> Array:
    """kron over qubits n-1 .. 0 (qubit 0 is the rightmost factor, the least significant bit)."""
    out = np.eye(1, dtype=complex)
    for q in range(n - 1, -1, -1):
        out = np.kron(out, factors.get(q, np.eye(2, dtype=complex)))
    return out


def full_unitary(n: int, u: Array, targets: list[int], controls: list[int]) -> Array:
    """The 2^n matrix of `u` (first target = most significant bit of u's index) under controls.

    u is expanded over matrix units |a><b| of its targets; controls add I - P + P.G with P the
    projector on all controls being 1.
    """
    k = len(targets)
    g = np.zeros((1 << n, 1 << n), dtype=complex)
    for a in range(1 << k):
        for b in range(1 << k):
            if u[a, b] == 0:
                continue
            factors = {}
            for j, t in enumerate(targets):
                bit_a = (a >> (k - 1 - j)) & 1
                bit_b = (b >> (k - 1 - j)) & 1
                unit = np.zeros((2, 2), dtype=complex)
                unit[bit_a, bit_b] = 1
                factors[t] = unit
            g += u[a, b] * embed(n, factors)
    if not controls:
        return g
    p1 = np.diag([0, 1]).astype(complex)
    proj = embed(n, dict.fromkeys(controls, p1))
    out: Array = np.eye(1 << n, dtype=complex) - proj + proj @ g
    return out


def gate_unitary(n: int, gateset: str, gate: dict[str, Any]) -> Array:
    """The full matrix of one JSON gate (several targets of a 1-qubit gate: one each)."""
    name = gate["gate"]
    targets = gate["targets"] if "targets" in gate else [gate["target"]]
    controls = gate.get("controls", [gate["control"]] if "control" in gate else [])
    if gateset == "native":
        if name in ("gpi", "gpi2"):
            s = sigma(gate["phase"])
            u = s if name == "gpi" else expm_hermitian(s, math.pi / 4)
        elif name == "ms":
            p0, p1 = gate["phases"]
            u = expm_hermitian(np.kron(sigma(p0), sigma(p1)), math.pi * gate.get("angle", 0.25))
        else:
            angle = gate["angle"] if "angle" in gate else gate["phase"]
            u = expm_hermitian(np.kron(_Z, _Z), math.pi * angle)
        return full_unitary(n, u, targets, [])
    if name == "pauliexp":
        paulis = {"I": np.eye(2, dtype=complex), "X": _X, "Y": _Y, "Z": _Z}
        h = sum(
            c * embed(n, {t: paulis[p] for t, p in zip(targets, term[::-1], strict=True)})
            for term, c in zip(gate["terms"], gate["coefficients"], strict=True)
        )
        whole = expm_hermitian(np.asarray(h), gate["time"])
        if not controls:
            return whole
        proj = embed(n, dict.fromkeys(controls, np.diag([0, 1]).astype(complex)))
        controlled: Array = np.eye(1 << n, dtype=complex) - proj + proj @ whole
        return controlled
    if name in ("x", "y", "z") and "rotation" in gate:
        name = "r" + name
    if name in ("rx", "ry", "rz"):
        u = expm_hermitian({"rx": _X, "ry": _Y, "rz": _Z}[name], gate["rotation"] / 2)
    elif name in ("xx", "yy", "zz"):
        p = {"xx": _X, "yy": _Y, "zz": _Z}[name]
        u = expm_hermitian(np.kron(p, p), gate["rotation"] / 2)
    elif name == "swap":
        u = _SWAP
    else:
        u = FIXED[name]
    if u.shape[0] == 4:
        return full_unitary(n, u, targets, controls)
    out = np.eye(1 << n, dtype=complex)
    for t in targets:
        out = full_unitary(n, u, [t], controls) @ out
    return out


def run(n: int, gateset: str, circuit: list[dict[str, Any]], psi: Array | None = None) -> Array:
    """Final amplitudes, from |0..0> or from `psi`."""
    if psi is None:
        psi = np.zeros(1 << n, dtype=complex)
        psi[0] = 1
    for gate in circuit:
        psi = gate_unitary(n, gateset, gate) @ psi
    return psi
