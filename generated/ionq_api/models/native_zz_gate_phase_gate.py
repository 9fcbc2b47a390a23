from typing import Literal

NativeZzGatePhaseGate = Literal["zz"]

NATIVE_ZZ_GATE_PHASE_GATE_VALUES: set[NativeZzGatePhaseGate] = {
    "zz",
}


def check_native_zz_gate_phase_gate(value: str) -> NativeZzGatePhaseGate:
    if value in NATIVE_ZZ_GATE_PHASE_GATE_VALUES:
        return value
    raise TypeError(
        f"Unexpected value {value!r}. Expected one of {NATIVE_ZZ_GATE_PHASE_GATE_VALUES!r}"
    )
