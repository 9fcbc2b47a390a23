"""The hamiltonian-energy quantum function (simulator/hamiltonian.py), against energies
worked out by hand: a Bell pair has <ZZ> = <XX> = 1, <YY> = -1 and <ZI> = 0; ry(t)|0>
has <Z> = cos t and <X> = sin t."""

from __future__ import annotations

import math
from typing import Any

import pytest

from ionq_mock.simulator import SimulationFailure
from ionq_mock.simulator.hamiltonian import hamiltonian_energy

BELL = 'OPENQASM 3.0;\ninclude "stdgates.inc";\nqubit[2] q;\nh q[0];\ncx q[0], q[1];\n'
RY = "OPENQASM 3.0;\ninput float[64] theta;\nqubit[1] q;\nry(theta) q[0];\n"


def data(terms: list[tuple[str, float]], ansatz: str) -> dict[str, Any]:
    return {
        "hamiltonian": [{"pauli_string": p, "coefficient": c} for p, c in terms],
        "ansatz": {"data": ansatz},
    }


@pytest.mark.parametrize(
    ("pauli", "energy"), [("ZZ", 1.0), ("XX", 1.0), ("YY", -1.0), ("ZI", 0.0), ("XZ", 0.0)]
)
def test_bell_state_energies(pauli: str, energy: float) -> None:
    result = hamiltonian_energy(data([(pauli, 0.5)], BELL), [], shots=1000)
    assert result.value == pytest.approx(0.5 * energy, abs=1e-12)
    # variance = c^2 (1 - <P>^2) / shots
    assert result.variance == pytest.approx(0.25 * (1 - energy**2) / 1000, abs=1e-15)
    assert result.results() == {"value": result.value, "variance": result.variance}


def test_a_sum_of_terms_and_its_variance() -> None:
    terms = [("ZZ", 0.17), ("ZI", -0.2), ("XX", 0.04)]
    result = hamiltonian_energy(data(terms, BELL), [], shots=200)
    assert result.value == pytest.approx(0.17 + 0.04)
    assert result.variance == pytest.approx(0.2**2 / 200)


def test_params_bind_the_ansatz_inputs() -> None:
    theta = 0.9
    z = hamiltonian_energy(data([("Z", 1.0)], RY), [theta], shots=100)
    x = hamiltonian_energy(data([("X", 2.0)], RY), [theta], shots=100)
    assert z.value == pytest.approx(math.cos(theta))
    assert x.value == pytest.approx(2 * math.sin(theta))
    assert z.variance == pytest.approx(math.sin(theta) ** 2 / 100)


def test_the_last_letter_is_qubit_zero() -> None:
    flipped = "OPENQASM 3.0; qubit[2] q; x q[0];"
    assert hamiltonian_energy(data([("IZ", 1.0)], flipped), [], 100).value == pytest.approx(-1)
    assert hamiltonian_energy(data([("ZI", 1.0)], flipped), [], 100).value == pytest.approx(1)


def test_identity_terms_are_ignored() -> None:
    result = hamiltonian_energy(data([("II", -0.5), ("ZZ", 1.0)], BELL), [], 100)
    assert result.value == pytest.approx(1.0)


def test_a_noisy_model_samples_each_term() -> None:
    terms = [("ZZ", 1.0), ("ZI", 0.5)]
    first = hamiltonian_energy(data(terms, BELL), [], 4000, "aria-1", seed=3)
    again = hamiltonian_energy(data(terms, BELL), [], 4000, "aria-1", seed=3)
    assert first == again
    # <ZZ> a little below 1 (errors), <ZI> near 0: within a few standard deviations.
    assert 0.9 < first.value < 1.05
    assert first.value != pytest.approx(1.0, abs=1e-9)
    # (1 - m_ZZ^2) + 0.25 (1 - m_ZI^2), over the shots: m_ZZ a little below 1, m_ZI near 0.
    assert 0.25 / 4000 < first.variance < 0.35 / 4000


@pytest.mark.parametrize(
    ("function", "params", "words"),
    [
        (data([("Z", 1.0)], BELL), [], "2 letters"),
        (data([("ZA", 1.0)], BELL), [], "letters of I, X, Y, Z"),
        (data([], BELL), [], "non-empty"),
        (data([("ZZ", 1.0)], BELL + "bit c; c = measure q[0]; x q[0];"), [], "unitary"),
        (data([("ZZ", 1.0)], BELL + "reset q[1];"), [], "unitary"),
        (data([("Z", 1.0)], RY), [], "has no value"),
        (data([("Z", 1.0)], RY), [1.0, 2.0], "2 parameters"),
        ({"hamiltonian": [{"pauli_string": "Z", "coefficient": 1}]}, [], "ansatz"),
        (data([("Z", 1.0)], RY), ["x"], "finite numbers"),
    ],
)
def test_bad_functions_are_invalid_input(function: dict[str, Any], params: Any, words: str) -> None:
    with pytest.raises(SimulationFailure) as failure:
        hamiltonian_energy(function, params, 100)
    assert failure.value.code == "InvalidInput"
    assert words in failure.value.message


def test_measurements_at_the_end_of_the_ansatz_are_ignored() -> None:
    measured = BELL + "bit[2] c;\nc = measure q;\n"
    assert hamiltonian_energy(data([("XX", 1.0)], measured), [], 100).value == pytest.approx(1)
