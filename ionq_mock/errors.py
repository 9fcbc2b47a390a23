"""Error bodies, in the one shape the spec documents for every error status.

    ApiError            any error answer: status, message, extra headers
      BadRequest        400, adds `validation: {keys, source}`

Every body is `{statusCode, error, message}` (`Error` in openapi.yaml); a 400 adds
`validation` (`BadRequestError`). The reason phrases are IonQ's own where the reference
records them ("Unauthorized Error", "Not Found Error").
"""

from __future__ import annotations

from typing import Any, Final

REASONS: Final[dict[int, str]] = {
    400: "Bad Request",
    401: "Unauthorized Error",
    403: "Forbidden",
    404: "Not Found Error",
    405: "Method Not Allowed",
    409: "Conflict",
    413: "Request Entity Too Large",
    429: "Too Many Requests",
    500: "Internal Server Error",
    502: "Bad Gateway",
    503: "Service Unavailable",
}

MESSAGES: Final[dict[int, str]] = {
    401: "Invalid key provided. See https://docs.ionq.com/api-reference/v0.4 for details.",
    404: "Resource not found.",
    413: "Payload content length greater than maximum allowed 10485760.",
    429: "Rate limit exceeded. Retry later, or contact support to raise the limit.",
    500: "Internal service outage. Visit https://status.ionq.co to track this incident.",
    502: "An upstream service failed. Please retry.",
    503: "The service is temporarily unavailable. Visit https://status.ionq.co for updates.",
}

# Messages quote offending values; a 10 MB string must not come back in an error body.
MAX_MESSAGE: Final = 500


class ApiError(Exception):
    """An error answer; the app turns it into a JSON response."""

    def __init__(
        self,
        status: int,
        message: str | None = None,
        headers: dict[str, str] | None = None,
    ) -> None:
        text = message if message is not None else MESSAGES.get(status, REASONS[status])
        if len(text) > MAX_MESSAGE:
            text = text[: MAX_MESSAGE - 3] + "..."
        super().__init__(text)
        self.status = status
        self.message = text
        self.headers = headers or {}

    def body(self) -> dict[str, Any]:
        """The JSON body, `Error` in the spec."""
        return {"statusCode": self.status, "error": REASONS[self.status], "message": self.message}


class BadRequest(ApiError):
    """A 400 naming the offending keys (dotted paths) and where they were."""

    def __init__(self, message: str, keys: list[str], source: str) -> None:
        super().__init__(400, message)
        self.keys = keys
        self.source = source

    def body(self) -> dict[str, Any]:
        """The JSON body, `BadRequestError` in the spec."""
        body = super().body()
        body["validation"] = {"keys": self.keys, "source": self.source}
        return body
