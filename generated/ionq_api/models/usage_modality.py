from typing import Literal

UsageModality = Literal["daily", "monthly", "weekly"]

USAGE_MODALITY_VALUES: set[UsageModality] = {
    "daily",
    "monthly",
    "weekly",
}


def check_usage_modality(value: str) -> UsageModality:
    if value in USAGE_MODALITY_VALUES:
        return value
    raise TypeError(
        f"Unexpected value {value!r}. Expected one of {USAGE_MODALITY_VALUES!r}"
    )
