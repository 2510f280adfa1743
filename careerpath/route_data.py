"""The ladder as the route search reads it, stored with each content version.

When the pages are published, every role is stored as a `roles.ladder.Rung` in each industry's
version, with one row of every role's title and next roles (the index). A route then reads that
row, finds its way in the ladder's shape it gives, and reads the rows of the route's own roles
(two plain queries), instead of building hundreds of model instances; the path planner's
pickers list the index's roles. Until a change is published (or with publishing off, as in
development), the ladder is read from the content itself (`careerpath.profiles.built_graph`).
"""

import functools
import json
from dataclasses import dataclass
from typing import NamedTuple

from django.db import connection

from common.release import code_fingerprint
from roles.ladder import Rung, Shape

from .models import ContentVersion, LadderRung

INDEX = ""  # the slug of the row holding every role's title and next roles (industry "")
BATCH = 500


class Picker(NamedTuple):
    slug: str
    title: str


@dataclass
class Index:
    """Every role, lowest rung and then title first, and each one's next roles; `version` is
    the content version it was stored under, None when read from the content."""

    roles: list[Picker]
    next: dict[str, list[str]]
    version: int | None = None

    @functools.cached_property
    def shape(self) -> Shape:
        """The ladder as a route search walks it: the roles are in its order already."""
        return Shape(self.next, {role.slug: place for place, role in enumerate(self.roles)})


@dataclass(frozen=True)
class Ladder:
    graph: dict[str, Rung]
    # Each step up, (from slug, to slug), as the path planner prints it, rendered when stored.
    steps: dict[tuple[str, str], str]


def store(version: int, graphs: dict[str, dict[str, Rung]], steps: dict[str, dict]) -> int:
    """Store each industry's ladder (`graphs`: industry -> slug -> rung, and `steps`: industry
    -> (from slug, to slug) -> the step rendered) under `version`, in the caller's transaction,
    in place of the last version's; how many rows."""
    LadderRung.objects.all().delete()  # seen by others only when the transaction commits
    code = code_fingerprint()
    everyone = sorted(graphs[""].values(), key=lambda r: (r.rank, r.title))
    index = {
        "roles": [[rung.slug, rung.title] for rung in everyone],
        "next": {rung.slug: list(rung.next) for rung in everyone},
    }
    rows = [LadderRung(version=version, code=code, industry="", slug=INDEX, rung=json.dumps(index))]
    for industry, graph in graphs.items():
        arrivals: dict[str, dict[str, str]] = {}
        for (start, end), html in steps[industry].items():
            arrivals.setdefault(end, {})[start] = html
        rows += [
            LadderRung(
                version=version,
                code=code,
                industry=industry,
                slug=slug,
                rung=json.dumps(rung.as_data()),
                steps=json.dumps(arrivals.get(slug, {})),
            )
            for slug, rung in graph.items()
        ]
    return len(LadderRung.objects.bulk_create(rows, batch_size=BATCH))


def stored_index() -> Index | None:
    """The stored index of the current content version by this release, or None (one query)."""
    with connection.cursor() as cursor:
        cursor.execute(_index_sql(), [code_fingerprint(), INDEX])
        row = cursor.fetchone()
    if row is None:
        return None
    data = json.loads(row[1])
    return Index([Picker(*role) for role in data["roles"]], data["next"], row[0])


def stored_ladder(
    industry: str, only=None, *, steps: bool = True, index: Index | None = None
) -> Ladder | None:
    """The stored ladder in `industry`: every role, or those of `only` (role slugs), and with
    `steps` each step up between them rendered; None when none is stored for the current
    version by this release. Slugs that name no role are left out. Reads the stored index
    first unless it is given."""
    index = index or stored_index()
    if index is None or index.version is None:
        return None
    edges = index.next
    wanted = sorted(edges if only is None else (slug for slug in set(only) if slug in edges))
    if not wanted:
        return Ladder({}, {})
    with connection.cursor() as cursor:
        sql = _rungs_sql(len(wanted), steps)
        cursor.execute(sql, [index.version, code_fingerprint(), industry, *wanted])
        rows = cursor.fetchall()
    if len(rows) != len(wanted):
        return None  # the next version was stored after the index was read: read the content
    graph, rendered = {}, {}
    for row in rows:
        rung = Rung.from_data(json.loads(row[0]))
        graph[rung.slug] = rung
        if steps:
            for start, html in json.loads(row[1]).items():
                rendered[start, rung.slug] = html
    return Ladder(graph, rendered)


@functools.cache
def _index_sql() -> str:
    rung = connection.ops.quote_name(LadderRung._meta.db_table)
    current = connection.ops.quote_name(ContentVersion._meta.db_table)
    # Plain SQL: building these queries with the ORM costs more than running them.
    return (
        f"SELECT r.version, r.rung FROM {rung} r "
        f"JOIN {current} v ON v.id = 1 AND v.version = r.version "
        "WHERE r.code = %s AND r.industry = '' AND r.slug = %s"
    )


@functools.lru_cache(maxsize=128)
def _rungs_sql(count: int, steps: bool) -> str:
    rung = connection.ops.quote_name(LadderRung._meta.db_table)
    slugs = ", ".join(["%s"] * count)
    columns = "r.rung, r.steps" if steps else "r.rung"
    return (
        f"SELECT {columns} FROM {rung} r "
        f"WHERE r.version = %s AND r.code = %s AND r.industry = %s AND r.slug IN ({slugs})"
    )
