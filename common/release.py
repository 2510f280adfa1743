"""What a stored page was built from: the release of the code, and the content version.

A page kept to be served again (a published page, a saved plan's page) is good only while both
are what they were when it was built. The content version lives in the top layer (careerpath),
which registers here the SQL that reads it, so the apps below can key what they store on it,
reading it in the same query as what they stored, without importing the layer above them.
"""

import functools
import hashlib
from importlib import metadata
from pathlib import Path

from django.conf import settings

# What a page is built from besides the content: a deploy that changes any of it changes pages.
CODE_FOLDERS = ("careerpath", "roles", "certifications", "guides", "plans", "api", "common")
CODE_SUFFIXES = (".py", ".html", ".css", ".js", ".svg")


@functools.cache
def code_fingerprint() -> str:
    """A digest of the code, templates, static files and libraries that build pages: the same
    in every process on every host that runs the same release, so a page stored by one
    release is never served by another."""
    root = Path(settings.BASE_DIR)
    digest = hashlib.sha256()
    # The libraries too: an upgrade of Django, django-ninja or Markdown can change a page.
    installed = sorted(f"{d.metadata['Name']}=={d.version}" for d in metadata.distributions())
    digest.update("\n".join(installed).encode())
    folders = [root / name for name in CODE_FOLDERS] + [Path(d) for d in _template_and_static()]
    for folder in folders:
        for path in sorted(folder.rglob("*")):
            if path.suffix in CODE_SUFFIXES and "__pycache__" not in path.parts:
                digest.update(str(path.relative_to(folder.parent)).encode())
                digest.update(path.read_bytes())
    return digest.hexdigest()


def _template_and_static() -> list[str]:
    dirs = [str(d) for engine in settings.TEMPLATES for d in engine.get("DIRS", [])]
    return dirs + [str(d) for d in settings.STATICFILES_DIRS]


_content_version_sql: str | None = None


def read_content_version_with(sql: str) -> None:
    """Called once by the layer that owns the content version (careerpath's AppConfig) with
    an SQL expression that reads it, so a query below that layer can read it in passing."""
    global _content_version_sql
    _content_version_sql = sql


def content_version_sql() -> str:
    """An SQL scalar expression: the committed content version (NULL before the first)."""
    if _content_version_sql is None:
        raise RuntimeError("No content version is registered (is careerpath installed?)")
    return _content_version_sql
