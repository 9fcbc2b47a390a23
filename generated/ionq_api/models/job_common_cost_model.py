from typing import Literal

JobCommonCostModel = Literal["2QGE_operations", "QCT"]

JOB_COMMON_COST_MODEL_VALUES: set[JobCommonCostModel] = {
    "2QGE_operations",
    "QCT",
}


def check_job_common_cost_model(value: str) -> JobCommonCostModel:
    if value in JOB_COMMON_COST_MODEL_VALUES:
        return value
    raise TypeError(
        f"Unexpected value {value!r}. Expected one of {JOB_COMMON_COST_MODEL_VALUES!r}"
    )
