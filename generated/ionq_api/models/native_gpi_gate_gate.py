from typing import Literal

NativeGpiGateGate = Literal["gpi", "gpi2"]

NATIVE_GPI_GATE_GATE_VALUES: set[NativeGpiGateGate] = {
    "gpi",
    "gpi2",
}


def check_native_gpi_gate_gate(value: str) -> NativeGpiGateGate:
    if value in NATIVE_GPI_GATE_GATE_VALUES:
        return value
    raise TypeError(
        f"Unexpected value {value!r}. Expected one of {NATIVE_GPI_GATE_GATE_VALUES!r}"
    )
