from typing import Literal

NativeZzGateGate = Literal["zz"]

NATIVE_ZZ_GATE_GATE_VALUES: set[NativeZzGateGate] = {
    "zz",
}


def check_native_zz_gate_gate(value: str) -> NativeZzGateGate:
    if value in NATIVE_ZZ_GATE_GATE_VALUES:
        return value
    raise TypeError(
        f"Unexpected value {value!r}. Expected one of {NATIVE_ZZ_GATE_GATE_VALUES!r}"
    )
