from typing import Literal

NativeMsGateGate = Literal["ms"]

NATIVE_MS_GATE_GATE_VALUES: set[NativeMsGateGate] = {
    "ms",
}


def check_native_ms_gate_gate(value: str) -> NativeMsGateGate:
    if value in NATIVE_MS_GATE_GATE_VALUES:
        return value
    raise TypeError(
        f"Unexpected value {value!r}. Expected one of {NATIVE_MS_GATE_GATE_VALUES!r}"
    )
