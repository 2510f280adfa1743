"""Editors as in tests/admin."""

from tests.admin.conftest import editor, editor_client  # noqa: F401
