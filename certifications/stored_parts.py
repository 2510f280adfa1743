"""Each certification's parts of the pages that answer questions, rendered when content changes.

A comparison, or the fit finder's answer, is built for the question asked, so it cannot be
published whole (careerpath/publishing.py); but what it shows of one certification (its cell in
each row of a comparison, its card in the catalogue, the facts under a fit) is the same whoever
asks. So those parts are rendered from the pages' own template partials when the pages are
published, stored under the content version, and a page reads the ones it shows in one query.
Until a change is published (or with publishing off, as in development) the page renders them
itself from the same partials: the HTML is the same either way.
"""

import functools
import json
from typing import NamedTuple

from django.db import connection
from django.template.loader import render_to_string
from django.utils.safestring import mark_safe

from common.release import code_fingerprint, content_version_sql

from . import selectors
from .catalogue import named_by, typed_names
from .compare import ROWS, ComparisonRow, compared_values
from .facts import validity
from .models import Certification, StoredParts, certification_url

# The partials each part is rendered from: the page renders the same ones when none is stored.
CARD = "certifications/index.html#card"
FIT_NAME = "certifications/index.html#fit-name"
FIT_FACTS = "certifications/index.html#fit-facts"
CELLS = "certifications/compare.html#cells"
BATCH = 500


class Option(NamedTuple):
    """A certification as the comparison's pickers list it."""

    slug: str
    acronym: str
    name: str

    def get_absolute_url(self) -> str:
        return certification_url(self.slug)


def listed(cert: Certification) -> dict:
    """The parts the catalogue and the fit finder show of `cert` (loaded with its issuer)."""
    return {
        "card": render_to_string(CARD, {"cert": cert}),
        "fit_name": render_to_string(FIT_NAME, {"cert": cert}),
        "fit_facts": render_to_string(FIT_FACTS, {"cert": cert}),
    }


def compared(cert: Certification) -> dict:
    """The parts a comparison shows of `cert` (loaded with its issuer and roles): its cell in
    each row, and what the row compares (compare.compared_values)."""
    column = {"cert": cert, "validity": validity(cert)}
    return {
        "cells": {
            key: render_to_string(
                CELLS, {"row": ComparisonRow(key, label, False), "columns": [column]}
            )
            for key, label, _ in ROWS
        },
        "values": compared_values(cert),
    }


def store(version: int) -> int:
    """Store every certification's parts under `version`, in the caller's transaction, in place
    of the last version's; how many rows."""
    StoredParts.objects.all().delete()  # seen by others only when the transaction commits
    code = code_fingerprint()
    rows = [
        StoredParts(
            version=version,
            code=code,
            slug=cert.slug,
            acronym=cert.acronym,
            name=cert.name,
            listed=json.dumps(listed(cert)),
            compared=json.dumps(compared(cert)),
        )
        for cert in selectors.profiles()
    ]
    return len(StoredParts.objects.bulk_create(rows, batch_size=BATCH))


def options(limit: int | None = None) -> list[Option] | None:
    """Every certification (or the first `limit`) stored for the current version by this
    release, by acronym, as the comparison lists them; None when none is stored (one query)."""
    sql, params = _options_sql(), [code_fingerprint()]
    if limit is not None:
        sql, params = f"{sql} LIMIT %s", [*params, limit]
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        found = [Option(*row) for row in cursor.fetchall()]
    return found or None


def options_named(texts: list[str]) -> dict[str, Option]:
    """The stored certification each text names by its slug or acronym (any case), for the
    texts that name one (one query, none for no texts)."""
    wanted = typed_names(texts)
    if not wanted:
        return {}
    slots = ", ".join(["%s"] * len(wanted))
    sql = (
        f"SELECT slug, acronym, name FROM {_table()} WHERE version = {content_version_sql()} "
        f"AND code = %s AND (slug IN ({slots}) OR LOWER(acronym) IN ({slots}))"
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, [code_fingerprint(), *wanted, *(t.lower() for t in wanted)])
        found = [Option(*row) for row in cursor.fetchall()]
    return named_by(wanted, found)


def listed_parts(slugs: list[str]) -> dict[str, dict] | None:
    """The catalogue's parts (`listed`) of each of `slugs`, HTML marked safe; see `_read`."""
    found = _read("listed", slugs)
    return found and {slug: {k: _safe(html) for k, html in p.items()} for slug, p in found.items()}


def compared_parts(slugs: list[str]) -> dict[str, dict] | None:
    """The comparison's parts (`compared`) of each of `slugs`, HTML marked safe; see `_read`."""
    found = _read("compared", slugs)
    return found and {
        slug: {
            "cells": {key: _safe(html) for key, html in p["cells"].items()},
            "values": p["values"],
        }
        for slug, p in found.items()
    }


def _read(column: str, slugs: list[str]) -> dict[str, dict] | None:
    """`column` of each of `slugs` stored for the current version by this release; None unless
    every one of them is stored (one query; none for no slugs)."""
    wanted = set(slugs)
    if not wanted:
        return {}
    with connection.cursor() as cursor:
        cursor.execute(_parts_sql(column, len(wanted)), [code_fingerprint(), *wanted])
        rows = cursor.fetchall()
    if len(rows) != len(wanted):
        return None
    return {slug: json.loads(data) for slug, data in rows}


def _safe(html: str):
    """HTML the templates rendered and escaped, as it was before it was stored as text."""
    return mark_safe(html)  # noqa: S308


def _table() -> str:
    return connection.ops.quote_name(StoredParts._meta.db_table)


@functools.cache
def _options_sql() -> str:
    # Plain SQL: building these queries with the ORM costs more than running them.
    return (
        f"SELECT slug, acronym, name FROM {_table()} "
        f"WHERE version = {content_version_sql()} AND code = %s ORDER BY acronym, slug"
    )


@functools.lru_cache(maxsize=128)
def _parts_sql(column: str, count: int) -> str:
    slugs = ", ".join(["%s"] * count)
    return (
        f"SELECT slug, {column} FROM {_table()} "
        f"WHERE version = {content_version_sql()} AND code = %s AND slug IN ({slugs})"
    )
