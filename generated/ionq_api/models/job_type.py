from typing import Literal

JobType = Literal[
    "ionq.circuit.v1",
    "ionq.multi-circuit.v1",
    "ionq.qasm3.v1",
    "qctrl.qaoa.v1",
    "quantum-function",
]

JOB_TYPE_VALUES: set[JobType] = {
    "ionq.circuit.v1",
    "ionq.multi-circuit.v1",
    "ionq.qasm3.v1",
    "qctrl.qaoa.v1",
    "quantum-function",
}


def check_job_type(value: str) -> JobType:
    if value in JOB_TYPE_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {JOB_TYPE_VALUES!r}")
