"""Shared pytest setup: the mock server plugin gives every suite the `ionq_mock_server` fixture
(the same way users enable it in their own tests).

`tests/published` drives the published IonQ clients, which only `.clients-venv` holds
(`scripts/clients-env`): its pytest runs them (`scripts/test-clients`), and any other venv's
pytest does not collect them.
"""

import importlib.util

pytest_plugins = ["ionq_mock.pytest_plugin"]

collect_ignore = [] if importlib.util.find_spec("cirq_ionq") else ["published"]


def _hypothesis_profile() -> None:
    """Property tests draw the same examples on every run unless HYPOTHESIS_RANDOM=1.

    A random draw that finds a new edge case in CI turns an unrelated commit red (it
    happened: a subnormal Pauli coefficient); searching for new cases is a deliberate
    act, `HYPOTHESIS_RANDOM=1 make test`, and what it finds becomes an `@example`.
    """
    import os

    if importlib.util.find_spec("hypothesis") is None:  # .clients-venv has none
        return
    from hypothesis import settings

    settings.register_profile("fixed", derandomize=True)
    settings.register_profile("random", derandomize=False)
    settings.load_profile("random" if os.environ.get("HYPOTHESIS_RANDOM") == "1" else "fixed")


_hypothesis_profile()
