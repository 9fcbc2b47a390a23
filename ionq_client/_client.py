"""`IonQ` and `AsyncIonQ`: the clients, sharing configuration in `_BaseIonQ`.

Each client owns one `httpx.Client` (or `AsyncClient`) for its whole life, so connections
are pooled; every request goes through a generated `ionq_api` function, over that client
(a `LeanClient`, see `_http`), through `RetryTransport` (retries, per-call options, error
mapping).
"""

from __future__ import annotations

import importlib.metadata
import time
from collections.abc import Awaitable, Callable
from types import TracebackType
from typing import Any, Self, TypeVar

import httpx

from ionq_api.api.account import whoami as _whoami
from ionq_api.client import AuthenticatedClient
from ionq_api.models.whoami import Whoami
from ionq_api.types import Response
from ionq_client._build import expect
from ionq_client._config import (
    DEFAULT_TIMEOUT,
    env_proxy,
    resolve_api_key,
    resolve_base_url,
    to_timeout,
)
from ionq_client._exceptions import APIResponseValidationError, IonQError, ValidationError
from ionq_client._http import LeanAsyncClient, LeanClient
from ionq_client._retry import DEFAULT_MAX_RETRIES
from ionq_client._transport import (
    AsyncRetryTransport,
    CallOptions,
    RetryTransport,
    _anyio_sleep,
    call_options,
)
from ionq_client._types import NOT_GIVEN, NotGiven, TimeoutTypes

__all__ = ["AsyncIonQ", "IonQ"]

R = TypeVar("R")

try:
    _VERSION = importlib.metadata.version("ionq-sdk")
except importlib.metadata.PackageNotFoundError:  # pragma: no cover - a bare checkout
    _VERSION = "0.0.0"

USER_AGENT = f"ionq-client/{_VERSION} httpx/{httpx.__version__}"


def _options(timeout: TimeoutTypes | NotGiven, max_retries: int | NotGiven) -> CallOptions | None:
    if isinstance(timeout, NotGiven) and isinstance(max_retries, NotGiven):
        return None
    if not isinstance(max_retries, NotGiven) and max_retries < 0:
        raise ValidationError("max_retries must be >= 0", key="max_retries")
    return CallOptions(
        max_retries=None if isinstance(max_retries, NotGiven) else max_retries,
        timeout=None if isinstance(timeout, NotGiven) else to_timeout(timeout, DEFAULT_TIMEOUT),
    )


def _bad_body(exc: Exception) -> APIResponseValidationError:
    return APIResponseValidationError(f"response body does not match the contract: {exc!r}")


class _BaseIonQ:
    """What both clients share: configuration, headers and `repr` (never the key)."""

    base_url: str
    timeout: httpx.Timeout
    max_retries: int

    def _configure(
        self,
        api_key: str | None,
        base_url: str | None,
        timeout: TimeoutTypes | NotGiven,
        max_retries: int,
    ) -> dict[str, str]:
        if max_retries < 0:
            raise ValidationError("max_retries must be >= 0", key="max_retries")
        key = resolve_api_key(api_key)
        self.base_url = resolve_base_url(base_url)
        self.timeout = to_timeout(timeout, DEFAULT_TIMEOUT)
        self.max_retries = max_retries
        # The key lives only in the httpx client's headers, whose repr redacts it.
        return {"Authorization": f"apiKey {key}", "User-Agent": USER_AGENT}

    def _generated_client(self) -> AuthenticatedClient:
        # The generated client's own token stays empty: its repr would print it, and the
        # httpx client set below (which carries the header) replaces its own anyway.
        return AuthenticatedClient(base_url=self.base_url, token="", prefix="apiKey")

    def __repr__(self) -> str:
        return (
            f"{type(self).__name__}(base_url={self.base_url!r}, "
            f"max_retries={self.max_retries}, timeout={self.timeout!r})"
        )


class IonQ(_BaseIonQ):
    """The IonQ API client.

    >>> client = IonQ()                                  # doctest: +SKIP
    >>> job = client.jobs.create(Circuit(2).h(0).cnot(0, 1), backend="simulator")

    Args:
        api_key: the API key; default `$IONQ_API_KEY`. A missing key raises `IonQError`.
        base_url: default `$IONQ_BASE_URL`, else `https://api.ionq.co/v0.4`.
        timeout: seconds, an `httpx.Timeout`, or `None`; default 60 s (5 s to connect).
        max_retries: retries of a failed request that is safe to repeat (default 2).
        transport: an `httpx.BaseTransport` to send requests with (tests: `MockTransport`).
    """

    def __init__(
        self,
        *,
        api_key: str | None = None,
        base_url: str | None = None,
        timeout: TimeoutTypes | NotGiven = NOT_GIVEN,
        max_retries: int = DEFAULT_MAX_RETRIES,
        transport: httpx.BaseTransport | None = None,
        _sleep: Callable[[float], None] | None = None,
        _clock: Callable[[], float] | None = None,
    ) -> None:
        headers = self._configure(api_key, base_url, timeout, max_retries)
        self._sleep: Callable[[float], None] = _sleep or time.sleep
        self._clock: Callable[[], float] = _clock or time.monotonic
        self._transport = RetryTransport(
            transport or httpx.HTTPTransport(proxy=env_proxy(self.base_url)),
            max_retries=max_retries,
            sleep=self._sleep,
        )
        self._http = LeanClient(
            base_url=self.base_url,
            headers=headers,
            timeout=self.timeout,
            transport=self._transport,
        )
        self._api = self._generated_client().set_httpx_client(self._http)

        from ionq_client._resources import Backends, Jobs, Organizations, Schemas, Sessions

        self.jobs = Jobs(self)
        """Create, read, list, wait for and manage jobs."""
        self.backends = Backends(self)
        """Backends and their characterizations."""
        self.sessions = Sessions(self)
        """Sessions: reserved time on a backend."""
        self.organizations = Organizations(self)
        """Usage reports of an organization."""
        self.schemas = Schemas(self)
        """The JSON Schemas of the artifact formats."""

    def _call(
        self,
        fn: Callable[..., Response[Any]],
        /,
        *args: Any,
        options: CallOptions | None = None,
        **kwargs: Any,
    ) -> Response[Any]:
        """Run generated `fn` on this client's connection pool with per-call `options`."""
        try:
            if options is None:
                return fn(*args, client=self._api, **kwargs)
            with call_options(options):
                return fn(*args, client=self._api, **kwargs)
        except IonQError:
            raise
        except (KeyError, TypeError, ValueError, AttributeError) as exc:
            # The generated parser met a 2xx body it cannot read (or a non-IANA status).
            raise _bad_body(exc) from exc

    def whoami(
        self,
        *,
        timeout: TimeoutTypes | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
    ) -> Whoami:
        """Identify the API key in use (its id, name and project)."""
        response = self._call(_whoami.sync_detailed, options=_options(timeout, max_retries))
        return expect(response, Whoami)

    def close(self) -> None:
        """Close the connection pool."""
        self._http.close()

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()


class AsyncIonQ(_BaseIonQ):
    """The async IonQ API client; every method of `IonQ` with `await` (`async for` to list).

    >>> async with AsyncIonQ() as client:               # doctest: +SKIP
    ...     job = await client.jobs.create(Circuit(1).h(0), backend="simulator")
    ...     async for j in client.jobs.list():
    ...         ...
    """

    def __init__(
        self,
        *,
        api_key: str | None = None,
        base_url: str | None = None,
        timeout: TimeoutTypes | NotGiven = NOT_GIVEN,
        max_retries: int = DEFAULT_MAX_RETRIES,
        transport: httpx.AsyncBaseTransport | None = None,
        _sleep: Callable[[float], Awaitable[None]] | None = None,
        _clock: Callable[[], float] | None = None,
    ) -> None:
        headers = self._configure(api_key, base_url, timeout, max_retries)
        self._sleep: Callable[[float], Awaitable[None]] = _sleep or _anyio_sleep
        self._clock: Callable[[], float] = _clock or time.monotonic
        self._transport = AsyncRetryTransport(
            transport or httpx.AsyncHTTPTransport(proxy=env_proxy(self.base_url)),
            max_retries=max_retries,
            sleep=self._sleep,
        )
        self._http = LeanAsyncClient(
            base_url=self.base_url,
            headers=headers,
            timeout=self.timeout,
            transport=self._transport,
        )
        self._api = self._generated_client().set_async_httpx_client(self._http)

        from ionq_client._async_resources import (
            AsyncBackends,
            AsyncJobs,
            AsyncOrganizations,
            AsyncSchemas,
            AsyncSessions,
        )

        self.jobs = AsyncJobs(self)
        """Create, read, list, wait for and manage jobs."""
        self.backends = AsyncBackends(self)
        """Backends and their characterizations."""
        self.sessions = AsyncSessions(self)
        """Sessions: reserved time on a backend."""
        self.organizations = AsyncOrganizations(self)
        """Usage reports of an organization."""
        self.schemas = AsyncSchemas(self)
        """The JSON Schemas of the artifact formats."""

    async def _call(
        self,
        fn: Callable[..., Awaitable[Response[Any]]],
        /,
        *args: Any,
        options: CallOptions | None = None,
        **kwargs: Any,
    ) -> Response[Any]:
        """Run generated `fn` on this client's connection pool with per-call `options`."""
        try:
            if options is None:
                return await fn(*args, client=self._api, **kwargs)
            with call_options(options):
                return await fn(*args, client=self._api, **kwargs)
        except IonQError:
            raise
        except (KeyError, TypeError, ValueError, AttributeError) as exc:
            raise _bad_body(exc) from exc

    async def whoami(
        self,
        *,
        timeout: TimeoutTypes | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
    ) -> Whoami:
        """Identify the API key in use (its id, name and project)."""
        response = await self._call(
            _whoami.asyncio_detailed, options=_options(timeout, max_retries)
        )
        return expect(response, Whoami)

    async def close(self) -> None:
        """Close the connection pool (the same as `aclose`)."""
        await self._http.aclose()

    async def aclose(self) -> None:
        """Close the connection pool."""
        await self._http.aclose()

    async def __aenter__(self) -> Self:
        return self

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        await self.close()
