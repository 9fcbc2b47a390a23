"""Crash-recovery loader: creates jobs one after another through `ionq-core`, IonQ's own
published client, with its `create_job` call and its own payload model. See `load_loop` for
the arguments and exit status.

Its retries are off: ionq-core resends a POST after a 500 or 503, which is its documented
policy and would make a second job whenever the first was stored, a duplicate this test
would then blame on the mock."""

from __future__ import annotations

import sys
import warnings

import httpx
from ionq_core import IonQClient
from ionq_core.api.default import create_job
from ionq_core.models import CircuitJobCreationPayload
from load_loop import BELL, LoadArgs, job_metadata, parse_args, run_sync


def main(args: LoadArgs) -> int:
    # ionq-core rightly warns that plain http sends the key in cleartext; the mock is on
    # loopback.
    with warnings.catch_warnings():
        warnings.filterwarnings("ignore", "does not use HTTPS", UserWarning)
        client = IonQClient(
            api_key=args.api_key,
            base_url=args.base_url,
            max_retries=0,
            timeout=httpx.Timeout(5.0),
        )

    def create(seq: int) -> str:
        payload = CircuitJobCreationPayload.from_dict(
            {
                "type": "ionq.circuit.v1",
                "backend": "simulator",
                "shots": 100,
                "metadata": job_metadata(args, seq),
                "input": BELL,
            }
        )
        created = create_job.sync(client=client, body=payload)
        if created is None:
            raise RuntimeError("ionq-core parsed no job from the answer")
        job_id: str = created.id
        return job_id

    with client.get_httpx_client():
        return run_sync(args, create)


if __name__ == "__main__":
    sys.exit(main(parse_args(__doc__ or "")))
