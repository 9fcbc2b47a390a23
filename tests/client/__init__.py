"""Tests of the `ionq_client` facade."""
