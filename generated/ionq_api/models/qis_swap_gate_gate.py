from typing import Literal

QisSwapGateGate = Literal["swap"]

QIS_SWAP_GATE_GATE_VALUES: set[QisSwapGateGate] = {
    "swap",
}


def check_qis_swap_gate_gate(value: str) -> QisSwapGateGate:
    if value in QIS_SWAP_GATE_GATE_VALUES:
        return value
    raise TypeError(
        f"Unexpected value {value!r}. Expected one of {QIS_SWAP_GATE_GATE_VALUES!r}"
    )
