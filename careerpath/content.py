"""The content files in fixtures/, read, loaded and exported for every kind in the registry.

See `common/content_files.py` for how: everything is validated before anything is written,
the writes happen in one transaction, and errors read ``file: record: field: message``.
"""

from pathlib import Path

from common import content_files
from common.content_kind import ContentError, ContentInvalid, LoadReport

from .registry import KINDS

__all__ = ["ContentError", "ContentInvalid", "LoadReport", "export_content", "load_content"]


def read_content(directory: Path | str) -> content_files.Content:
    return content_files.read_content(KINDS, directory)


def load_content(directory: Path | str, *, prune: bool = False) -> LoadReport:
    return content_files.load_content(KINDS, directory, prune=prune)


def export_content(directory: Path | str) -> list[Path]:
    return content_files.export_content(KINDS, directory)
