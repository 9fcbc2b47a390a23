from typing import Literal

MultiCircuitInputGateset = Literal["native", "qis"]

MULTI_CIRCUIT_INPUT_GATESET_VALUES: set[MultiCircuitInputGateset] = {
    "native",
    "qis",
}


def check_multi_circuit_input_gateset(value: str) -> MultiCircuitInputGateset:
    if value in MULTI_CIRCUIT_INPUT_GATESET_VALUES:
        return value
    raise TypeError(
        f"Unexpected value {value!r}. Expected one of {MULTI_CIRCUIT_INPUT_GATESET_VALUES!r}"
    )
