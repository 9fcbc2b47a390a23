from typing import Literal

QisPauliExpGateGate = Literal["pauliexp"]

QIS_PAULI_EXP_GATE_GATE_VALUES: set[QisPauliExpGateGate] = {
    "pauliexp",
}


def check_qis_pauli_exp_gate_gate(value: str) -> QisPauliExpGateGate:
    if value in QIS_PAULI_EXP_GATE_GATE_VALUES:
        return value
    raise TypeError(
        f"Unexpected value {value!r}. Expected one of {QIS_PAULI_EXP_GATE_GATE_VALUES!r}"
    )
