"""`IonQ` and `AsyncIonQ`, the two clients, in one place to import them from.

`AsyncIonQ` is written in `_async/client.py`; `IonQ` is generated from it into
`_sync/client.py` by `scripts/unasync`. What they share without I/O is `_base_client`.
"""

from ionq_client._async.client import AsyncIonQ
from ionq_client._sync.client import IonQ

__all__ = ["AsyncIonQ", "IonQ"]
