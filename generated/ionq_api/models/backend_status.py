from typing import Literal

BackendStatus = Literal["available", "retired", "unavailable"]

BACKEND_STATUS_VALUES: set[BackendStatus] = {
    "available",
    "retired",
    "unavailable",
}


def check_backend_status(value: str) -> BackendStatus:
    if value in BACKEND_STATUS_VALUES:
        return value
    raise TypeError(
        f"Unexpected value {value!r}. Expected one of {BACKEND_STATUS_VALUES!r}"
    )
