"""Crash-recovery loader: creates jobs through the async facade, `ionq_client.AsyncIonQ`,
`IN_FLIGHT` at a time, with its normal `client.jobs.create` (token-tagged, and resolved by a
look-up after an ambiguous failure). See `load_loop` for the arguments and exit status."""

from __future__ import annotations

import asyncio
import sys
from typing import Final

from load_loop import LoadArgs, job_metadata, parse_args, run_async

from ionq_client import AsyncIonQ, Circuit

# Several creates open when the server is killed, so some die mid-exchange.
IN_FLIGHT: Final = 8


async def main(args: LoadArgs) -> int:
    bell = Circuit(2).h(0).cnot(0, 1)
    # A short timeout: a create that waits on a dead server must fail soon, not in 60 s.
    async with AsyncIonQ(api_key=args.api_key, base_url=args.base_url, timeout=5.0) as client:

        async def create(seq: int) -> str:
            created = await client.jobs.create(
                bell, backend="simulator", shots=100, metadata=job_metadata(args, seq)
            )
            return created.id

        return await run_async(args, create, in_flight=IN_FLIGHT)


if __name__ == "__main__":
    sys.exit(asyncio.run(main(parse_args(__doc__ or ""))))
