"""Every query the certification pages make, each in a fixed number of queries whatever the
amount of content."""

import functools

from django.db.models import (
    F,
    Min,
    Prefetch,
    Q,
    QuerySet,
    Window,
    prefetch_related_objects,
)
from django.db.models.functions import RowNumber

from common.pagination import first_of
from roles.models import Role

from .catalogue import named_by, typed_names
from .models import Certification, Organization, suits_tier


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


def listing() -> list[Certification]:
    """Every certification with its issuer and what the catalogue page reads, in one query."""
    # Plain SQL: building this query with the ORM costs more than running it. raw() still
    # converts each value as a query would; the issuer's columns come back as attributes.
    certifications = list(Certification.objects.raw(_listing_sql()))
    issuers: dict[int, Organization] = {}
    names = [f"issuer_{name}" for name in ISSUER_LISTED]
    for cert in certifications:
        if cert.issuer_id not in issuers:
            values = [getattr(cert, name) for name in names]
            issuers[cert.issuer_id] = Organization.from_db(cert._state.db, ISSUER_LISTED, values)
        cert.issuer = issuers[cert.issuer_id]
    return certifications


@functools.cache
def _listing_sql() -> str:
    listed = [
        f"c.{field.column}"
        for field in Certification._meta.concrete_fields
        if field.name not in NOT_LISTED
    ]
    issuer = [f"o.{name} AS issuer_{name}" for name in ISSUER_LISTED]
    return (
        f"SELECT {', '.join(listed + issuer)} FROM {Certification._meta.db_table} c "
        f"JOIN {Organization._meta.db_table} o ON o.id = c.issuer_id ORDER BY c.acronym, c.slug"
    )


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


# A role's page and the API's role list this many of the certifications that suit it (today's
# roles have fewer); the catalogue, filtered by the role's tier, lists the rest.
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


def listing_roles(role_ids) -> dict[int, list[Certification]]:
    """The certifications that name each of these roles, by role id (one query)."""
    links = (
        Certification.roles.through.objects.filter(role_id__in=role_ids)
        .select_related("certification")
        # A route names each certification and links to it; its facts are on its own page.
        .only("role_id", "certification__slug", "certification__acronym", "certification__name")
        .order_by("certification__acronym")
    )
    by_role: dict[int, list[Certification]] = {}
    for link in links:
        by_role.setdefault(link.role_id, []).append(link.certification)
    return by_role


def developing(skill) -> list[Certification]:
    """The certifications that develop a skill, with their issuers (one query)."""
    return list(skill.developed_by.select_related("issuer").order_by("acronym"))
