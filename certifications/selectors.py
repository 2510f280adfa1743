"""Every query the certification pages make, each in a fixed number of queries whatever the
amount of content."""

import functools
from dataclasses import dataclass

from django.db.models import (
    Count,
    F,
    Min,
    Prefetch,
    Q,
    QuerySet,
    Window,
    prefetch_related_objects,
)
from django.db.models.functions import RowNumber

from common.pagination import Counted, first_of
from roles.models import Role, Tier

from .catalogue import named_by, typed_names
from .fit import DECIDED_BY
from .models import Certification, Focus, Organization, suits_tier


def _roles_in_ladder_order() -> Prefetch:
    """A certification's roles as its pages link them: a role's full row is some 4 KB of text
    none of them shows."""
    roles = Role.objects.only("slug", "title", "tier", "rank").order_by("rank", "title")
    return Prefetch("roles", queryset=roles)


def _with_issuers() -> QuerySet[Certification]:
    return Certification.objects.select_related("issuer").order_by("acronym", "slug")


def catalogue() -> list[Certification]:
    """Every certification with its issuer, in one query."""
    return list(_with_issuers())


# The facts only a certification's own page and the API carry (its sources are JSON, decoded
# for every row read), and the issuer's description: no list or comparison reads them.
ONLY_ON_ITS_PAGE = (
    "cost_total",
    "cost_total_note",
    "study_hours",
    "pass_rate",
    "official_url",
    "verified_on",
    "sources",
    "unverified",
    "editor_notes",
    "updated",
    "issuer__description",
    "issuer__updated",
)
# What the catalogue page never reads: it filters and ranks every certification, and prints
# a card and the facts of a fit for some (stored rendered, stored_parts.py).
NOT_LISTED = (*ONLY_ON_ITS_PAGE, "audience", "eligibility", "exam_format", "cost_note", "renewal")


ISSUER_LISTED = ["id", "name", "slug", "abbreviation", "url"]


@dataclass(frozen=True)
class CatalogueRead:
    """What the catalogue page (and the API's list) shows, read in one query whatever the
    number of certifications: a page of those the filters match, how many match and how many
    there are, the organisations that award them, and the certifications a fit can be
    (`fit.DECIDED_BY`)."""

    page: Counted  # the page of those matching, standing for all of them (len: how many match)
    everyone: int
    issuers: list[Organization]
    fit_candidates: list[Certification]


def catalogue_read(
    *,
    focus: str = "",
    suits: str = "",
    issuer: str = "",
    page: int = 1,
    per_page: int,
    fit_candidates: int = 0,
) -> CatalogueRead:
    """The `page` (of `per_page`) of the certifications by acronym that have the `focus`, suit
    the tier `suits` and come from the organisation with the slug `issuer` (each when given);
    with `fit_candidates`, that many of each kind the fit finder tells apart.

    One row per certification shown, each with the windows that say why it was read: its place
    among those matching, among those alike for the fit finder (the rule ranks certifications
    alike in DECIDED_BY the same, then by acronym, so the first few of each kind are every one
    that can be ranked first) and among its issuer's (the first names the issuer). Plain SQL:
    raw() converts each value as a query would."""
    where, params = _catalogue_filter(focus, suits, issuer)
    start = (page - 1) * per_page
    params = [*params, start, start + per_page, fit_candidates]
    rows = list(Certification.objects.raw(_catalogue_sql(where), params))
    _attach_issuers(rows)
    shown = [c for c in rows if c.position is not None and start < c.position <= start + per_page]
    return CatalogueRead(
        page=Counted(shown, start, rows[0].matching if rows else 0),
        everyone=rows[0].everyone if rows else 0,
        issuers=sorted(
            (c.issuer for c in rows if c.in_issuer == 1), key=lambda org: org.abbreviation
        ),
        fit_candidates=[c for c in rows if c.in_kind <= fit_candidates],
    )


def awarding() -> list[Organization]:
    """The organisations that award at least one certification, by abbreviation (one query:
    `catalogue_read`'s issuers, without a page)."""
    return catalogue_read(per_page=0).issuers


def _catalogue_filter(focus: str, suits: str, issuer: str) -> tuple[str, list]:
    conditions, params = ["1 = 1"], []
    if focus:
        conditions.append("c.focus = %s")
        params.append(focus)
    if suits:
        # The column is chosen from the tiers, never from the text asked: an unknown tier
        # matches nothing (the form says why).
        column = {tier: f"c.suits_{tier}" for tier in Tier.values}.get(suits)
        conditions.append(f"{column} = %s" if column else "1 = 0")
        params += [True] if column else []
    if issuer:
        conditions.append("o.slug = %s")
        params.append(issuer)
    return " AND ".join(conditions), params


@functools.cache
def _catalogue_sql(where: str) -> str:
    cert, org = Certification._meta.db_table, Organization._meta.db_table
    listed = [
        f"c.{field.column}"
        for field in Certification._meta.concrete_fields
        if field.name not in NOT_LISTED or field.name == "verified_on"  # the API's list has it
    ]
    issuer = [f"o.{name} AS issuer_{name}" for name in ISSUER_LISTED]
    alike = [Certification._meta.get_field(name).column for name in DECIDED_BY]
    # The focus as a number: the kinds are told apart by sorting, and text sorts slowly.
    focus = " ".join(f"WHEN '{value}' THEN {i}" for i, value in enumerate(Focus.values))
    kind = [f"CASE c.focus {focus} END AS focus" if c == "focus" else f"c.{c}" for c in alike]
    # Every certification is placed by acronym once (the one sort by text), and the windows
    # order by that place, reading no more than the columns that place it; the columns shown
    # are read for the rows chosen alone. A matching one's position is the count of matching
    # ones up to it.
    return (
        "WITH named AS ("
        f"SELECT c.id, c.issuer_id, {', '.join(kind)}, "
        f"CASE WHEN {where} THEN 1 ELSE 0 END AS matches, "
        "ROW_NUMBER() OVER (ORDER BY c.acronym, c.slug) AS n "
        f"FROM {cert} c JOIN {org} o ON o.id = c.issuer_id"
        "), placed AS ("
        "SELECT id, n, COUNT(*) OVER () AS everyone, SUM(matches) OVER () AS matching, "
        "CASE WHEN matches = 1 THEN SUM(matches) OVER (ORDER BY n) END AS position, "
        f"ROW_NUMBER() OVER (PARTITION BY {', '.join(alike)} ORDER BY n) AS in_kind, "
        "ROW_NUMBER() OVER (PARTITION BY issuer_id ORDER BY n) AS in_issuer FROM named"
        f") SELECT {', '.join(listed + issuer)}, p.everyone, p.matching, p.position, p.in_kind, "
        f"p.in_issuer FROM placed p JOIN {cert} c ON c.id = p.id "
        f"JOIN {org} o ON o.id = c.issuer_id "
        "WHERE (p.position > %s AND p.position <= %s) OR p.in_kind <= %s OR p.in_issuer = 1 "
        "ORDER BY p.n"
    )


def _attach_issuers(certifications: list[Certification]) -> None:
    """Each certification's issuer from the columns read beside it, one instance each."""
    issuers: dict[int, Organization] = {}
    names = [f"issuer_{name}" for name in ISSUER_LISTED]
    for cert in certifications:
        if cert.issuer_id not in issuers:
            values = [getattr(cert, name) for name in names]
            issuers[cert.issuer_id] = Organization.from_db(cert._state.db, ISSUER_LISTED, values)
        cert.issuer = issuers[cert.issuer_id]


# What the comparison page never shows.
NOT_COMPARED = (*ONLY_ON_ITS_PAGE, "min_experience_years", "no_prerequisite")


def _comparing() -> QuerySet[Certification]:
    return _with_issuers().defer(*NOT_COMPARED)


def comparable(limit: int | None = None) -> list[Certification]:
    """Every certification (or the first `limit`) with its issuer and what the comparison
    shows, in one query."""
    found = _comparing()
    return list(found[:limit] if limit is not None else found)


def comparable_named(texts) -> dict[str, Certification]:
    """The certification each text names by its slug or acronym (any case), read as
    `comparable` reads them, for the texts that name one (one query, none for no texts)."""
    wanted = typed_names(texts)
    if not wanted:
        return {}
    naming = Q(slug__in=wanted)
    for text in wanted:
        naming |= Q(acronym__iexact=text)
    return named_by(wanted, _comparing().filter(naming))


def comparable_in_order(slugs: list[str]) -> list[Certification]:
    """The certifications with these slugs, in that order, as `comparable` reads them."""
    found = {c.slug: c for c in _comparing().filter(slug__in=slugs)}
    return [found[slug] for slug in slugs if slug in found]


def first_listed(limit: int) -> tuple[list[Certification], int]:
    """The first `limit` certifications by acronym with their issuers, and how many there are
    in all (one query)."""
    return first_of(_with_issuers(), limit)


def profiles() -> QuerySet[Certification]:
    """Certifications ready for a detail page: issuer joined, roles prefetched."""
    return Certification.objects.select_related("issuer").prefetch_related(_roles_in_ladder_order())


def compare_options(
    cert: Certification, limit: int
) -> tuple[list[Certification], Certification | None]:
    """For a "compare with…" choice on `cert`'s page: the other certifications (the first
    `limit` by acronym), and the closest one, the first with the same focus (else the first
    of them), wherever it sits (one query)."""
    order = (F("acronym"), F("slug"))
    found = list(
        Certification.objects.exclude(pk=cert.pk)
        .only("slug", "acronym", "name", "focus")
        .annotate(
            place=Window(RowNumber(), order_by=order),
            place_in_focus=Window(RowNumber(), partition_by=F("focus"), order_by=order),
        )
        .filter(Q(place__lte=limit) | Q(focus=cert.focus, place_in_focus=1))
        .order_by(*order)
    )
    options = [other for other in found if other.place <= limit]
    same_focus = (o for o in found if o.focus == cert.focus and o.place_in_focus == 1)
    return options, next(same_focus, options[0] if options else None)


def with_roles(certifications: list[Certification]) -> list[Certification]:
    """Prefetch the roles of already-loaded certifications (one query)."""
    prefetch_related_objects(certifications, _roles_in_ladder_order())
    return certifications


def typical_experience() -> dict[str, int]:
    """Years of experience the roles of each tier start from, e.g. {"mid": 5}."""
    rows = Role.objects.values("tier").annotate(years=Min("years_min")).order_by()
    return {row["tier"]: row["years"] for row in rows}


# A role's page and the API's role list this many of the certifications that suit it, and a
# step up on a route of those that name its role (today's roles have fewer); the rest are
# counted and linked.
SUITING_SHOWN = 12


def suiting_role(role: Role, limit: int = SUITING_SHOWN) -> tuple[list[Certification], int]:
    """The first `limit` certifications by acronym that name the role or suit its tier, and
    how many do in all (one query)."""
    named = Certification.roles.through.objects.filter(role_id=role.pk).values("certification")
    suiting = (
        Certification.objects.filter(Q(pk__in=named) | suits_tier(role.tier))
        .select_related("issuer")
        .only("slug", "acronym", "name", "issuer__abbreviation", "issuer__name")
        .order_by("acronym", "slug")
    )
    return first_of(suiting, limit)


def listing_roles(role_ids, limit: int | None = None) -> dict[int, tuple[list[Certification], int]]:
    """The certifications that name each of these roles (the first `limit` by acronym, or
    every one), and how many do in all, by role id (one query)."""
    links = (
        Certification.roles.through.objects.filter(role_id__in=role_ids)
        .select_related("certification")
        # A route names each certification and links to it; its facts are on its own page.
        .only("role_id", "certification__slug", "certification__acronym", "certification__name")
        .annotate(
            place=Window(
                RowNumber(),
                partition_by=F("role_id"),
                order_by=(F("certification__acronym"), F("certification__slug")),
            ),
            in_all=Window(Count("pk"), partition_by=F("role_id")),
        )
        .order_by("certification__acronym", "certification__slug")
    )
    if limit is not None:
        links = links.filter(place__lte=limit)
    by_role: dict[int, tuple[list[Certification], int]] = {}
    for link in links:
        by_role.setdefault(link.role_id, ([], link.in_all))[0].append(link.certification)
    return by_role


def developing(skill) -> list[Certification]:
    """The certifications that develop a skill, with their issuers (one query)."""
    return list(skill.developed_by.select_related("issuer").order_by("acronym"))
