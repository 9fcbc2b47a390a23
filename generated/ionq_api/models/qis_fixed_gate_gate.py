from typing import Literal

QisFixedGateGate = Literal[
    "cnot", "h", "not", "s", "si", "t", "ti", "v", "vi", "x", "y", "z"
]

QIS_FIXED_GATE_GATE_VALUES: set[QisFixedGateGate] = {
    "cnot",
    "h",
    "not",
    "s",
    "si",
    "t",
    "ti",
    "v",
    "vi",
    "x",
    "y",
    "z",
}


def check_qis_fixed_gate_gate(value: str) -> QisFixedGateGate:
    if value in QIS_FIXED_GATE_GATE_VALUES:
        return value
    raise TypeError(
        f"Unexpected value {value!r}. Expected one of {QIS_FIXED_GATE_GATE_VALUES!r}"
    )
