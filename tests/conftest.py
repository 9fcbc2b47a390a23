"""Shared pytest setup: the mock server plugin gives every suite the `ionq_mock_server` fixture
(the same way users enable it in their own tests).

`tests/published` drives the published IonQ clients, which only `.clients-venv` holds
(`scripts/clients-env`): its pytest runs them (`scripts/test-clients`), and any other venv's
pytest does not collect them.
"""

import importlib.util

pytest_plugins = ["ionq_mock.pytest_plugin"]

collect_ignore = [] if importlib.util.find_spec("cirq_ionq") else ["published"]
