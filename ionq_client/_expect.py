"""Responses in, generated models out: the parsed success body, or
`APIResponseValidationError` when the body is not the documented one.

Error statuses never get here (the transport raises them); these read what a success
status carried. Nothing here performs I/O.
"""

from __future__ import annotations

import json
from typing import Any, TypeVar

from ionq_api.models.backend import Backend
from ionq_api.types import Response
from ionq_client._exceptions import APIResponseValidationError
from ionq_client._jobs import JOB_MODELS, AnyJob

__all__ = ["artifact_content", "expect", "expect_backends", "expect_job"]

T = TypeVar("T")


def expect(response: Response[Any], cls: type[T]) -> T:
    """The parsed success model, or `APIResponseValidationError` when the body was not one.

    Error statuses never get here (the transport raises them), so anything else is a
    success status the contract does not document, or a body of the wrong shape.
    """
    parsed = response.parsed
    if isinstance(parsed, cls):
        return parsed
    raise APIResponseValidationError(
        f"HTTP {int(response.status_code)}: expected {cls.__name__}, got {type(parsed).__name__}"
    )


def expect_job(response: Response[Any]) -> AnyJob:
    """The parsed job (any of the `Job` variants), or `APIResponseValidationError`."""
    parsed = response.parsed
    if isinstance(parsed, JOB_MODELS):
        return parsed
    raise APIResponseValidationError(
        f"HTTP {int(response.status_code)}: expected a Job, got {type(parsed).__name__}"
    )


def expect_backends(response: Response[Any]) -> list[Backend]:
    """The parsed backend list, or `APIResponseValidationError` when the body was not one."""
    parsed = response.parsed
    if isinstance(parsed, list):
        return parsed
    return [expect(response, Backend)]  # raises unless the body is at least one Backend


def artifact_content(response: Response[Any]) -> Any:
    """An artifact's content as JSON (lists, dicts, numbers), not the generated guess of
    its model: several formats share a shape, so only the descriptor's format tells."""
    try:
        return json.loads(response.content)
    except ValueError as exc:
        raise APIResponseValidationError(f"artifact is not JSON: {exc}") from exc
