from typing import Literal

BackendName = Literal[
    "qpu.aria-1", "qpu.aria-2", "qpu.forte-1", "qpu.forte-enterprise-1", "simulator"
]

BACKEND_NAME_VALUES: set[BackendName] = {
    "qpu.aria-1",
    "qpu.aria-2",
    "qpu.forte-1",
    "qpu.forte-enterprise-1",
    "simulator",
}


def check_backend_name(value: str) -> BackendName:
    if value in BACKEND_NAME_VALUES:
        return value
    raise TypeError(
        f"Unexpected value {value!r}. Expected one of {BACKEND_NAME_VALUES!r}"
    )
