"""`AsyncIonQ`: the client, its connection pool, and `whoami`.

It owns one `httpx.AsyncClient` for its whole life, so connections are pooled; every
request goes through a generated `ionq_api` function, over that client (a lean one, see
`_http`), through the retrying transport (retries, per-call options, error mapping).
"""

from __future__ import annotations

import time
from collections.abc import Awaitable, Callable
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
from ionq_client._async.schemas import AsyncSchemas
from ionq_client._async.sessions import AsyncSessions
from ionq_client._async.transport import AsyncRetryTransport
from ionq_client._base_client import _BaseIonQ
from ionq_client._calls import PARSE_ERRORS, bad_body, per_call
from ionq_client._config import env_proxy
from ionq_client._exceptions import IonQError
from ionq_client._expect import expect
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
        transport: httpx.AsyncBaseTransport | None = None,
        _sleep: Callable[[float], Awaitable[None]] | None = None,
        _clock: Callable[[], float] | None = None,
    ) -> None:
        headers = self._configure(api_key, base_url, timeout, max_retries, deadline, create_token)
        self._sleep: Callable[[float], Awaitable[None]] = _sleep or default_asleep
        self._clock: Callable[[], float] = _clock or time.monotonic
        self._transport = AsyncRetryTransport(
            transport or httpx.AsyncHTTPTransport(proxy=env_proxy(self.base_url)),
            max_retries=max_retries,
            deadline=self.deadline,
            sleep=self._sleep,
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
    ) -> Whoami:
        """Identify the API key in use (its id, name and project)."""
        response = await self._call(
            _whoami.asyncio_detailed, options=per_call(timeout, max_retries, deadline)
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
