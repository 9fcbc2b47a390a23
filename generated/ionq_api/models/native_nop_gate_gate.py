from typing import Literal

NativeNopGateGate = Literal["nop"]

NATIVE_NOP_GATE_GATE_VALUES: set[NativeNopGateGate] = {
    "nop",
}


def check_native_nop_gate_gate(value: str) -> NativeNopGateGate:
    if value in NATIVE_NOP_GATE_GATE_VALUES:
        return value
    raise TypeError(
        f"Unexpected value {value!r}. Expected one of {NATIVE_NOP_GATE_GATE_VALUES!r}"
    )
