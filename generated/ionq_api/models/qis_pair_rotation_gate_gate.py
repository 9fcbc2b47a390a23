from typing import Literal

QisPairRotationGateGate = Literal["xx", "yy", "zz"]

QIS_PAIR_ROTATION_GATE_GATE_VALUES: set[QisPairRotationGateGate] = {
    "xx",
    "yy",
    "zz",
}


def check_qis_pair_rotation_gate_gate(value: str) -> QisPairRotationGateGate:
    if value in QIS_PAIR_ROTATION_GATE_GATE_VALUES:
        return value
    raise TypeError(
        f"Unexpected value {value!r}. Expected one of {QIS_PAIR_ROTATION_GATE_GATE_VALUES!r}"
    )
