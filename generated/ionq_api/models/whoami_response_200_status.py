from typing import Literal

WhoamiResponse200Status = Literal["a", "b"]

WHOAMI_RESPONSE_200_STATUS_VALUES: set[WhoamiResponse200Status] = {
    "a",
    "b",
}


def check_whoami_response_200_status(value: str) -> WhoamiResponse200Status:
    if value in WHOAMI_RESPONSE_200_STATUS_VALUES:
        return value
    raise TypeError(
        f"Unexpected value {value!r}. Expected one of {WHOAMI_RESPONSE_200_STATUS_VALUES!r}"
    )
