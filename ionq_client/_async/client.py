"""`AsyncIonQ`: the client, its connection pool, and `whoami`.

It owns one `httpx.AsyncClient` for its whole life, so connections are pooled; every
request goes through a generated `ionq_api` function, over that client (a lean one, see
`_http`), through the retrying transport (retries, per-call options, error mapping).
"""

from __future__ import annotations

import functools
import time
from collections.abc import Awaitable, Callable, Mapping
from types import TracebackType
from typing import Any, Self

import httpx

from ionq_api.api.account import whoami as _whoami
from ionq_api.models.whoami import Whoami
from ionq_api.types import Response
from ionq_client._async.backends import AsyncBackends
from ionq_client._async.http import LeanAsyncClient
from ionq_client._async.jobs import AsyncJobs
from ionq_client._async.organizations import AsyncOrganizations
from ionq_client._async.raw import raw_response_wrapper
from ionq_client._async.schemas import AsyncSchemas
from ionq_client._async.sessions import AsyncSessions
from ionq_client._async.transport import AsyncRetryTransport
from ionq_client._async.user_client import AsyncUserClientTransport
from ionq_client._base_client import _BaseIonQ
from ionq_client._calls import PARSE_ERRORS, bad_body, per_call
from ionq_client._config import env_proxy
from ionq_client._exceptions import IonQError, ValidationError
from ionq_client._expect import expect
from ionq_client._logging import configure_from_env
from ionq_client._retry import DEFAULT_MAX_RETRIES
from ionq_client._time import default_asleep
from ionq_client._transport import CallOptions, call_options, transport_error
from ionq_client._types import NOT_GIVEN, NotGiven, TimeoutTypes

__all__ = ["AsyncIonQ"]


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
        deadline: float | None = None,
        create_token: bool = True,
        default_headers: Mapping[str, str] | None = None,
        http_client: httpx.AsyncClient | None = None,
        transport: httpx.AsyncBaseTransport | None = None,
        _sleep: Callable[[float], Awaitable[None]] | None = None,
        _clock: Callable[[], float] | None = None,
        _shared: httpx.AsyncBaseTransport | None = None,
    ) -> None:
        configure_from_env()  # IONQ_LOG=info|debug: the SDK's log lines on stderr
        headers = self._configure(api_key, base_url, timeout, max_retries, deadline, create_token)
        self._default_headers = self._extra_headers(default_headers)
        headers.update(self._default_headers)
        self._sleep: Callable[[float], Awaitable[None]] = _sleep or default_asleep
        self._clock: Callable[[], float] = _clock or time.monotonic
        if http_client is not None and not isinstance(http_client, httpx.AsyncClient):
            raise ValidationError(
                "AsyncIonQ(http_client=...) takes an httpx.AsyncClient", key="http_client"
            )
        if http_client is not None and transport is not None:
            raise ValidationError("give http_client or transport, not both", key="http_client")
        inner = _shared or (
            AsyncUserClientTransport(http_client)
            if http_client is not None
            else transport or httpx.AsyncHTTPTransport(proxy=env_proxy(self.base_url))
        )
        self._transport = AsyncRetryTransport(
            inner,
            max_retries=max_retries,
            deadline=self.deadline,
            sleep=self._sleep,
            owns_inner=_shared is None,
        )
        self._http = LeanAsyncClient(
            base_url=self.base_url,
            headers=headers,
            timeout=self.timeout,
            transport=self._transport,
        )
        self._api = self._generated_client().set_async_httpx_client(self._http)

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

    def with_options(
        self,
        *,
        base_url: str | None = None,
        timeout: TimeoutTypes | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
        deadline: float | NotGiven | None = NOT_GIVEN,
        create_token: bool | NotGiven = NOT_GIVEN,
        default_headers: Mapping[str, str] | None = None,
    ) -> Self:
        """A client like this one with the given options changed, sharing its connection
        pool (the copy needs no closing; closing this client closes the pool for both).

        >>> fast = client.with_options(timeout=5, max_retries=0)   # doctest: +SKIP
        """
        return type(self)(
            api_key=self._key(),
            base_url=base_url or self.base_url,
            timeout=self.timeout if isinstance(timeout, NotGiven) else timeout,
            max_retries=self.max_retries if isinstance(max_retries, NotGiven) else max_retries,
            deadline=self.deadline if isinstance(deadline, NotGiven) else deadline,
            create_token=(
                self.create_token if isinstance(create_token, NotGiven) else create_token
            ),
            default_headers={**self._default_headers, **(default_headers or {})},
            _sleep=self._sleep,
            _clock=self._clock,
            _shared=self._transport.inner,
        )

    def _key(self) -> str:
        """The API key, read back from the one place it is kept (the request headers)."""
        header: str = self._http.headers["authorization"]
        return header.removeprefix("apiKey ")

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
        except (httpx.HTTPError, httpx.StreamError) as exc:
            # The transport maps what it sees; this catches what httpx raises around it
            # (e.g. decoding a body), so no httpx exception ever reaches the caller.
            raise transport_error(exc, None) from exc
        except PARSE_ERRORS as exc:
            # The generated parser met a 2xx body it cannot read (or a non-IANA status).
            raise bad_body(exc) from exc

    async def whoami(
        self,
        *,
        timeout: TimeoutTypes | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
        deadline: float | NotGiven | None = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, Any] | None = None,
    ) -> Whoami:
        """Identify the API key in use (its id, name and project)."""
        response = await self._call(
            _whoami.asyncio_detailed,
            options=per_call(timeout, max_retries, deadline, extra_headers, extra_query),
        )
        return expect(response, Whoami)

    @functools.cached_property
    def with_raw_response(self) -> AsyncIonQWithRawResponse:
        """`whoami` returning a `RawResponse` (each resource has its own, e.g.
        `client.jobs.with_raw_response`)."""
        return AsyncIonQWithRawResponse(self)

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


class AsyncIonQWithRawResponse:
    """`client.with_raw_response`: the client's own methods, returning a `RawResponse`."""

    def __init__(self, client: AsyncIonQ) -> None:
        self.whoami = raw_response_wrapper(client.whoami)
