"""The backends' catalog (ionq_mock/catalog.py): what a listing costs and names."""

from __future__ import annotations

import datetime as dt
import time
from unittest import mock

from ionq_mock import catalog


def test_listing_backends_builds_no_characterization() -> None:
    # Each characterization holds every qubit pair: building them all to name the newest
    # one's id made a GET /backends take 20 ms.
    catalog._characterizations.cache_clear()
    today = dt.date(2026, 12, 1)
    with mock.patch.object(catalog, "_characterizations", side_effect=AssertionError("built")):
        listed = [catalog.backend(name, time.time(), today) for name in catalog.BACKENDS]
    named = {b["backend"]: b["characterization_id"] for b in listed if "characterization_id" in b}
    assert named, "some QPU names its newest characterization"
    for name, characterization_id in named.items():
        assert characterization_id == catalog.characterizations(name, today)[0]["id"], name
