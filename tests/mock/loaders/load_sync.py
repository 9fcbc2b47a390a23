"""Crash-recovery loader: creates jobs one after another through the sync facade,
`ionq_client.IonQ`, with its normal `client.jobs.create` (token-tagged, and resolved by a
look-up after an ambiguous failure). See `load_loop` for the arguments and exit status."""

from __future__ import annotations

import sys

from load_loop import LoadArgs, job_metadata, parse_args, run_sync

from ionq_client import Circuit, IonQ


def main(args: LoadArgs) -> int:
    bell = Circuit(2).h(0).cnot(0, 1)
    # A short timeout: a create that waits on a dead server must fail soon, not in 60 s.
    with IonQ(api_key=args.api_key, base_url=args.base_url, timeout=5.0) as client:

        def create(seq: int) -> str:
            created = client.jobs.create(
                bell, backend="simulator", shots=100, metadata=job_metadata(args, seq)
            )
            return created.id

        return run_sync(args, create)


if __name__ == "__main__":
    sys.exit(main(parse_args(__doc__ or "")))
