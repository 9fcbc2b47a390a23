"""`AsyncIonQ(http_client=...)`: requests sent through the caller's own httpx client."""

from __future__ import annotations

import httpx

__all__ = ["AsyncUserClientTransport"]


class AsyncUserClientTransport(httpx.AsyncBaseTransport):
    """Sends through the caller's own `httpx.AsyncClient` (`AsyncIonQ(http_client=...)`), so
    its proxies, certificates, connection limits and event hooks apply as configured.

    The client's retries, deadlines and error mapping sit above it; its base URL and
    default headers do not apply (the request is already complete), and closing the
    `AsyncIonQ` leaves it open: it is the caller's to close.
    """

    def __init__(self, client: httpx.AsyncClient) -> None:
        self.client = client

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        return await self.client.send(request, stream=True)

    async def aclose(self) -> None:
        """Nothing to close: the caller owns the client."""
