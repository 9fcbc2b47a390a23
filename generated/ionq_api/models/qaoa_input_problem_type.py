from typing import Literal

QaoaInputProblemType = Literal["maxcut"]

QAOA_INPUT_PROBLEM_TYPE_VALUES: set[QaoaInputProblemType] = {
    "maxcut",
}


def check_qaoa_input_problem_type(value: str) -> QaoaInputProblemType:
    if value in QAOA_INPUT_PROBLEM_TYPE_VALUES:
        return value
    raise TypeError(
        f"Unexpected value {value!r}. Expected one of {QAOA_INPUT_PROBLEM_TYPE_VALUES!r}"
    )
