"""Shared pytest setup: the mock server plugin gives every suite the `ionq_mock_server` fixture
(the same way users enable it in their own tests)."""

pytest_plugins = ["ionq_mock.pytest_plugin"]
