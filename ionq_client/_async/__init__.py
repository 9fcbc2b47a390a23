"""The async code, written once: `scripts/unasync` generates `ionq_client._sync` from it.

Edit these modules, never `_sync/`, then run `scripts/unasync` (see docs/client.md, "One
source for sync and async"). Kept free of imports, so importing one module of the package
imports nothing else.
"""
