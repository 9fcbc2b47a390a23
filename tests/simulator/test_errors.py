"""Every bad input is a SimulationFailure with IonQ's failure code, never another exception."""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ionq_mock.simulator import (
    FAILURE_CODES,
    SIMULATOR_MAX_QUBITS,
    SimulationFailure,
    probabilities,
    run_job,
    validate,
)

CIRCUIT = "ionq.circuit.v1"


def qis(*gates: dict[str, Any], qubits: int | None = None) -> dict[str, Any]:
    program: dict[str, Any] = {"gateset": "qis", "circuit": list(gates)}
    if qubits is not None:
        program["qubits"] = qubits
    return program


CASES: list[tuple[str, dict[str, Any], str]] = [
    ("over the ceiling", qis(qubits=SIMULATOR_MAX_QUBITS + 1), "NotEnoughQubits"),
    ("index over the ceiling", qis({"gate": "x", "target": 40}), "NotEnoughQubits"),
    (
        "8 controls",
        qis({"gate": "x", "target": 0, "controls": list(range(1, 9))}),
        "TooManyControls",
    ),
    ("index >= qubits", qis({"gate": "x", "target": 2}, qubits=2), "InvalidInput"),
    ("negative index", qis({"gate": "h", "target": -1}), "InvalidInput"),
    ("bool index", qis({"gate": "h", "target": True}), "InvalidInput"),
    ("string index", qis({"gate": "h", "targets": ["0"]}), "InvalidInput"),
    ("unknown gate", qis({"gate": "u3", "target": 0}), "UnsupportedGate"),
    (
        "pauliexp on 9 qubits",
        qis(
            {
                "gate": "pauliexp",
                "targets": list(range(9)),
                "terms": ["X" * 9],
                "coefficients": [1.0],
                "time": 1.0,
            }
        ),
        "UnsupportedGate",
    ),
    ("pauliexp without terms", qis({"gate": "pauliexp", "targets": [0, 1]}), "InvalidInput"),
    (
        "pauliexp term of the wrong width",
        qis(
            {
                "gate": "pauliexp",
                "targets": [0, 1],
                "terms": ["XYZ"],
                "coefficients": [1.0],
                "time": 1.0,
            }
        ),
        "InvalidInput",
    ),
    (
        "pauliexp without time",
        qis({"gate": "pauliexp", "targets": [0], "terms": ["X"], "coefficients": [1.0]}),
        "InvalidInput",
    ),
    ("rotation on h", qis({"gate": "h", "target": 0, "rotation": 0.5}), "InvalidInput"),
    (
        "rotation on cnot",
        qis({"gate": "cnot", "target": 0, "control": 1, "rotation": 1}),
        "InvalidInput",
    ),
    ("native gate in qis", qis({"gate": "gpi", "phase": 0, "target": 0}), "UnsupportedGate"),
    (
        "qis gate in native",
        {"gateset": "native", "circuit": [{"gate": "h", "target": 0}]},
        "UnsupportedGate",
    ),
    ("no rotation", qis({"gate": "rx", "target": 0}), "InvalidInput"),
    ("nan rotation", qis({"gate": "rz", "target": 0, "rotation": float("nan")}), "InvalidInput"),
    ("cnot without control", qis({"gate": "cnot", "target": 0}), "InvalidInput"),
    ("control is target", qis({"gate": "cnot", "target": 0, "control": 0}), "InvalidInput"),
    ("controlled swap", qis({"gate": "swap", "targets": [0, 1], "control": 2}), "InvalidInput"),
    ("swap of 1", qis({"gate": "swap", "targets": [0]}), "InvalidInput"),
    ("no target", qis({"gate": "h"}), "InvalidInput"),
    ("zero qubits", qis(qubits=0), "InvalidInput"),
    ("gate not an object", {"gateset": "qis", "circuit": ["h"]}, "InvalidInput"),
    ("circuit not a list", {"gateset": "qis", "circuit": {}}, "InvalidInput"),
    ("bad gateset", {"gateset": "qasm", "circuit": []}, "InvalidInput"),
    (
        "gpi phase out of range",
        {"gateset": "native", "circuit": [{"gate": "gpi", "phase": 1.5, "target": 0}]},
        "InvalidInput",
    ),
    (
        "ms angle out of range",
        {
            "gateset": "native",
            "circuit": [{"gate": "ms", "phases": [0, 0], "angle": 0.3, "targets": [0, 1]}],
        },
        "InvalidInput",
    ),
    (
        "native control",
        {"gateset": "native", "circuit": [{"gate": "gpi", "phase": 0, "target": 0, "control": 1}]},
        "InvalidInput",
    ),
]


@pytest.mark.parametrize(("program", "code"), [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_bad_circuit_fails_with_code(program: dict[str, Any], code: str) -> None:
    with pytest.raises(SimulationFailure) as info:
        validate(CIRCUIT, program)
    assert info.value.code == code
    assert info.value.as_failure() == {"code": code, "message": info.value.message}
    with pytest.raises(SimulationFailure) as again:
        run_job(CIRCUIT, program)
    assert again.value.code == code


def test_probabilities_raises_the_same() -> None:
    with pytest.raises(SimulationFailure, match="TooManyControls"):
        probabilities(qis({"gate": "z", "target": 0, "controls": list(range(1, 9))}))


@pytest.mark.parametrize(
    ("kwargs", "code"),
    [
        ({"shots": 1_000_001}, "TooManyShots"),
        ({"shots": 0}, "InvalidInput"),
        ({"noise_model": "aria-3"}, "InvalidInput"),
        ({"noise_model": "aria-1", "seed": -1}, "InvalidInput"),
        ({"noise_model": "aria-1", "seed": "7"}, "InvalidInput"),
        ({"noise_model": "harmony-1", "shots": 10}, "NotEnoughQubits"),  # 12 > Harmony's 11
    ],
)
def test_bad_job_settings(kwargs: dict[str, Any], code: str) -> None:
    with pytest.raises(SimulationFailure) as info:
        run_job(CIRCUIT, qis({"gate": "h", "target": 11}), **kwargs)
    assert info.value.code == code


def test_harmony_allows_11_qubits() -> None:
    [hist] = run_job(CIRCUIT, qis({"gate": "x", "target": 10}), 50, "harmony", seed=1)
    assert sum(hist.values()) == pytest.approx(1.0)


def test_aria_allows_25_qubits_but_not_26() -> None:
    validate(CIRCUIT, qis(qubits=25), noise_model="aria-1")
    with pytest.raises(SimulationFailure, match="NotEnoughQubits"):
        validate(CIRCUIT, qis(qubits=26), noise_model="aria-1")


def test_job_shape_errors() -> None:
    for job_type, job_input in [
        ("ionq.qasm3.v1", {"data": "OPENQASM 3.0;"}),
        ("ionq.multi-circuit.v1", {"gateset": "qis", "circuits": []}),
        ("ionq.multi-circuit.v1", {"gateset": "qis", "circuits": [[]]}),
        (CIRCUIT, []),
    ]:
        with pytest.raises(SimulationFailure, match="InvalidInput"):
            validate(job_type, job_input)  # type: ignore[arg-type]


def test_too_many_gates() -> None:
    program = qis(*[{"gate": "x", "target": 0}] * 150_001)
    with pytest.raises(SimulationFailure, match="TooManyGates"):
        validate(CIRCUIT, program)


json_leaf = st.one_of(
    st.none(), st.booleans(), st.integers(-3, 6), st.floats(), st.text(max_size=4)
)
gate_key = st.sampled_from(
    ["gate", "target", "targets", "control", "controls", "rotation", "phase", "phases", "angle"]
)
gate_name = st.sampled_from(["h", "x", "cnot", "rx", "swap", "xx", "gpi", "ms", "zz", "nop", "?"])
json_value = st.recursive(json_leaf, lambda inner: st.lists(inner, max_size=3), max_leaves=6)
gates = st.dictionaries(gate_key, st.one_of(json_value, gate_name), max_size=5)


@settings(max_examples=300, deadline=None)
@given(
    st.sampled_from(["qis", "native", None, 3]),
    st.one_of(st.none(), st.integers(-1, 6), st.text(max_size=2)),
    st.lists(st.one_of(gates, json_leaf), max_size=4),
)
def test_fuzzed_input_never_crashes(gateset: object, qubits: object, circuit: list[object]) -> None:
    program = {"gateset": gateset, "qubits": qubits, "circuit": circuit}
    code = None
    try:
        hists = run_job(CIRCUIT, program)
    except SimulationFailure as exc:
        code = exc.code
    else:
        assert sum(hists[0].values()) == pytest.approx(1.0, abs=1e-9)
    assert code is None or code in FAILURE_CODES
