from typing import Literal

JobFailureCode = Literal[
    "CompilationError",
    "ContractExpiredError",
    "DebiasingError",
    "InternalError",
    "InvalidInput",
    "NotEnoughQubits",
    "OptimizationError",
    "PreflightError",
    "QuantumCircuitComplexityError",
    "QuantumComputerError",
    "QuotaExhaustedError",
    "SimulationError",
    "SimulationTimeout",
    "SystemCancel",
    "TooLongPredictedExecutionTime",
    "TooManyControls",
    "TooManyGates",
    "TooManyShots",
    "UnknownBillingError",
    "UnsupportedGate",
]

JOB_FAILURE_CODE_VALUES: set[JobFailureCode] = {
    "CompilationError",
    "ContractExpiredError",
    "DebiasingError",
    "InternalError",
    "InvalidInput",
    "NotEnoughQubits",
    "OptimizationError",
    "PreflightError",
    "QuantumCircuitComplexityError",
    "QuantumComputerError",
    "QuotaExhaustedError",
    "SimulationError",
    "SimulationTimeout",
    "SystemCancel",
    "TooLongPredictedExecutionTime",
    "TooManyControls",
    "TooManyGates",
    "TooManyShots",
    "UnknownBillingError",
    "UnsupportedGate",
}


def check_job_failure_code(value: str) -> JobFailureCode:
    if value in JOB_FAILURE_CODE_VALUES:
        return value
    raise TypeError(
        f"Unexpected value {value!r}. Expected one of {JOB_FAILURE_CODE_VALUES!r}"
    )
