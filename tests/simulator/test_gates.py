"""Gate matrices: unitarity, inverse pairs, roots, and IonQ's published native matrices."""

from __future__ import annotations

import cmath
import math

import numpy as np
import pytest
from dense_reference import expm_hermitian

from ionq_mock.simulator import gates

PI = math.pi
ANGLES = [0.0, 0.3, -1.1, 2.5, PI, -2 * PI + 0.01]
TURNS = [0.0, 0.125, -0.3, 0.5, 0.77, -1.0, 1.0]


def _e(turns: float) -> complex:
    return cmath.exp(2j * PI * turns)


@pytest.mark.parametrize("name", sorted(gates.FIXED_1Q))
def test_fixed_gates_are_unitary(name: str) -> None:
    u = gates.FIXED_1Q[name]
    np.testing.assert_allclose(u @ u.conj().T, np.eye(2), atol=1e-15)


@pytest.mark.parametrize(("gate", "inverse"), [("s", "si"), ("t", "ti"), ("v", "vi")])
def test_inverse_pairs(gate: str, inverse: str) -> None:
    product = gates.FIXED_1Q[gate] @ gates.FIXED_1Q[inverse]
    np.testing.assert_allclose(product, np.eye(2), atol=1e-15)
    assert not np.allclose(gates.FIXED_1Q[gate], np.eye(2))


def test_roots() -> None:
    f = gates.FIXED_1Q
    np.testing.assert_allclose(f["v"] @ f["v"], f["x"], atol=1e-15)  # v = sqrt(X)
    np.testing.assert_allclose(f["s"] @ f["s"], f["z"], atol=1e-15)  # s = sqrt(Z)
    np.testing.assert_allclose(f["t"] @ f["t"], f["s"], atol=1e-15)  # t = Z^(1/4)
    np.testing.assert_allclose(f["h"] @ f["h"], np.eye(2), atol=1e-15)
    np.testing.assert_allclose(f["h"] @ f["x"] @ f["h"], f["z"], atol=1e-15)


@pytest.mark.parametrize("theta", ANGLES)
@pytest.mark.parametrize("name", ["rx", "ry", "rz"])
def test_rotations_are_exponentials(name: str, theta: float) -> None:
    axis = {"rx": gates.X, "ry": gates.Y, "rz": gates.Z}[name]
    np.testing.assert_allclose(
        gates.ROTATIONS_1Q[name](theta), expm_hermitian(axis, theta / 2), atol=1e-14
    )


@pytest.mark.parametrize("theta", ANGLES)
@pytest.mark.parametrize("name", ["xx", "yy", "zz"])
def test_two_qubit_rotations_are_exponentials(name: str, theta: float) -> None:
    p = gates.ROTATION_2Q_AXES[name]
    expected = expm_hermitian(np.kron(p, p), theta / 2)
    np.testing.assert_allclose(gates.rotation_2q(p, theta), expected, atol=1e-14)


def test_rz_convention() -> None:
    np.testing.assert_allclose(
        gates.rz(0.8), np.diag([cmath.exp(-0.4j), cmath.exp(0.4j)]), atol=1e-15
    )


@pytest.mark.parametrize("phi", TURNS)
def test_gpi_matches_published_matrix(phi: float) -> None:
    published = np.array([[0, _e(-phi)], [_e(phi), 0]])
    np.testing.assert_allclose(gates.gpi(phi), published, atol=1e-15)


@pytest.mark.parametrize("phi", TURNS)
def test_gpi2_matches_published_matrix(phi: float) -> None:
    published = np.array([[1, -1j * _e(-phi)], [-1j * _e(phi), 1]]) / math.sqrt(2)
    np.testing.assert_allclose(gates.gpi2(phi), published, atol=1e-15)
    # Two GPI2 at one phase make the GPI at that phase, up to a global phase of -i.
    np.testing.assert_allclose(gates.gpi2(phi) @ gates.gpi2(phi), -1j * gates.gpi(phi), atol=1e-15)


@pytest.mark.parametrize("angle", [0.25, 0.1, 0.0])
@pytest.mark.parametrize(("p0", "p1"), [(0.0, 0.0), (0.1, 0.7), (-0.25, 0.4)])
def test_ms_matches_published_matrix(p0: float, p1: float, angle: float) -> None:
    c, s = math.cos(PI * angle), math.sin(PI * angle)
    published = np.array(
        [
            [c, 0, 0, -1j * s * _e(-(p0 + p1))],
            [0, c, -1j * s * _e(-(p0 - p1)), 0],
            [0, -1j * s * _e(p0 - p1), c, 0],
            [-1j * s * _e(p0 + p1), 0, 0, c],
        ]
    )
    np.testing.assert_allclose(gates.ms(p0, p1, angle), published, atol=1e-15)


def test_ms_default_angle_is_fully_entangling() -> None:
    np.testing.assert_array_equal(gates.ms(0, 0), gates.ms(0, 0, 0.25))
    psi = gates.ms(0, 0) @ np.array([1, 0, 0, 0])
    np.testing.assert_allclose(np.abs(psi) ** 2, [0.5, 0, 0, 0.5], atol=1e-15)


@pytest.mark.parametrize("theta", TURNS)
def test_native_zz_matches_published_matrix(theta: float) -> None:
    p = cmath.exp(-1j * PI * theta)
    published = np.diag([p, p.conjugate(), p.conjugate(), p])
    np.testing.assert_allclose(gates.zz_native(theta), published, atol=1e-15)
    z = gates.Z
    np.testing.assert_allclose(
        gates.zz_native(theta), expm_hermitian(np.kron(z, z), PI * theta), atol=1e-14
    )


@pytest.mark.parametrize("n_controls", range(1, 8))
def test_controlled_is_block_diagonal(n_controls: int) -> None:
    u = gates.controlled(gates.Y, n_controls)
    dim = 2 << n_controls
    np.testing.assert_array_equal(u[: dim - 2, : dim - 2], np.eye(dim - 2))
    np.testing.assert_array_equal(u[dim - 2 :, dim - 2 :], gates.Y)
    np.testing.assert_allclose(u @ u.conj().T, np.eye(dim), atol=1e-15)


def test_a_pauli_exponential_with_a_subnormal_coefficient_is_the_identity() -> None:
    # Found by hypothesis: the one-term case divided by its coefficient, and 1/5e-324 overflows.
    for term in ("I", "X", "YZ"):
        u = gates.pauli_exponential({term: 5e-324}, 1.0)
        np.testing.assert_allclose(u, np.eye(len(u)), atol=1e-15)
