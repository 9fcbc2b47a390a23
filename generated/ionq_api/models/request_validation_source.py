from typing import Literal

RequestValidationSource = Literal["body", "headers", "params", "query"]

REQUEST_VALIDATION_SOURCE_VALUES: set[RequestValidationSource] = {
    "body",
    "headers",
    "params",
    "query",
}


def check_request_validation_source(value: str) -> RequestValidationSource:
    if value in REQUEST_VALIDATION_SOURCE_VALUES:
        return value
    raise TypeError(
        f"Unexpected value {value!r}. Expected one of {REQUEST_VALIDATION_SOURCE_VALUES!r}"
    )
