from typing import Literal

QisRotationGateGate = Literal["rx", "ry", "rz"]

QIS_ROTATION_GATE_GATE_VALUES: set[QisRotationGateGate] = {
    "rx",
    "ry",
    "rz",
}


def check_qis_rotation_gate_gate(value: str) -> QisRotationGateGate:
    if value in QIS_ROTATION_GATE_GATE_VALUES:
        return value
    raise TypeError(
        f"Unexpected value {value!r}. Expected one of {QIS_ROTATION_GATE_GATE_VALUES!r}"
    )
