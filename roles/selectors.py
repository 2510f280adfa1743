"""Every query the role pages, the ladder and the path planner make of the roles app. Each
returns what a page needs in a fixed number of queries, whatever the amount of content."""

from itertools import groupby

from django.db.models import (
    Case,
    Count,
    F,
    IntegerField,
    Prefetch,
    Q,
    QuerySet,
    Value,
    When,
    Window,
)
from django.db.models.functions import RowNumber
from django.shortcuts import get_object_or_404

from common.pagination import Pager, first_of, paginate
from common.text import nameable

from .ladder import SavedLadder
from .models import (
    TIER_ORDER,
    EmploymentProjection,
    IndustrySkillLevel,
    Role,
    RoleIndustry,
    RoleSkill,
    SalaryFigure,
    Skill,
    SkillKind,
    Tier,
)
from .pay import MEDIAN_ORDER, SHOWN_FIGURES


def _with_median(queryset):
    """Each role's medians, best first, as `median_figures`; see `with_medians`."""
    return queryset.prefetch_related(
        Prefetch(
            "salary_figures",
            queryset=SalaryFigure.objects.filter(SHOWN_FIGURES, industry="").order_by(
                *MEDIAN_ORDER
            ),
            to_attr="median_figures",
        )
    )


def _next_roles():
    """Each role's next roles as links print them (title, slug, rung)."""
    return Prefetch("leads_to", queryset=Role.objects.only("slug", "title", "rank"))


def with_medians(roles: list[Role]) -> list[Role]:
    """Set `role.median` from the prefetched medians (the first is the best)."""
    for role in roles:
        role.median = role.median_figures[0] if role.median_figures else None
    return roles


def ladder_rungs() -> list[tuple[int, list[Role]]]:
    """Roles grouped by rung, lowest first, each with its median figure and next roles."""
    roles = with_medians(list(roles_listed()))
    return [(rank, list(group)) for rank, group in groupby(roles, key=lambda r: r.rank)]


def ladder_glance(per_rung: int, *, also: str = "") -> list[tuple[int, list[Role], int]]:
    """Each rung, lowest first: its first `per_rung` roles by title (the role `also` names
    last among them, wherever it sits on its rung), each with its median figure and next
    roles, and how many more roles the rung holds. Three queries however long the ladder."""
    ranked = Role.objects.only(*LADDER_COLUMNS).annotate(
        place=Window(RowNumber(), partition_by=F("rank"), order_by=(F("title"), F("slug"))),
        on_rung=Window(Count("pk"), partition_by=F("rank")),
    )
    shown = Q(place__lte=per_rung) | Q(slug=also) if also else Q(place__lte=per_rung)
    roles = list(
        _with_median(ranked.filter(shown))
        .prefetch_related(_next_roles())
        .order_by("rank", "title", "slug")
    )
    with_medians(roles)
    rungs = []
    for rank, found in groupby(roles, key=lambda r: r.rank):
        group = list(found)
        if len(group) > per_rung:  # the role asked for, past the first few: it takes the last place
            group = [*group[: per_rung - 1], next(r for r in group if r.slug == also)]
        rungs.append((rank, group, group[0].on_rung - len(group)))
    return rungs


def roles_by_tier(limit: int) -> tuple[list[tuple[str, str, list[Role]]], int]:
    """The first `limit` roles, lowest rung first, as (tier label, tier, roles) from entry to
    executive, and how many roles there are in all: for the site map (one query)."""
    roles, in_all = first_of(
        Role.objects.only("slug", "title", "tier", "rank").order_by("rank", "title", "slug"), limit
    )
    return by_tier(roles), in_all


# The role index shows this many roles a page: today's ladder fits on one.
ROLE_INDEX_PAGE_SIZE = 50


def role_index(page: int) -> tuple[list[tuple[str, str, list[Role]]], Pager]:
    """Page `page` of every role, lowest rung first, each with its median, grouped by tier as
    `roles_by_tier` groups them (three queries: the count, the roles, their medians). Raises
    common.pagination.PageOutOfRange past the last page."""
    pager = paginate(_ladder_ordered(), page, ROLE_INDEX_PAGE_SIZE, kept={})
    return by_tier(with_medians(list(pager.page.object_list))), pager


def _ladder_ordered():
    return _with_median(Role.objects.only(*LADDER_COLUMNS).order_by("rank", "title", "slug"))


def roles_listed(tier: str = "") -> QuerySet[Role]:
    """Every role (at `tier`, if given), lowest rung first, as a query to read a page of:
    each role read comes with its medians (set them with `with_medians`) and next roles (three
    queries, or four with a count, whatever the page)."""
    roles = _ladder_ordered().prefetch_related(_next_roles())
    return roles.filter(tier=tier) if tier else roles


def by_tier(roles: list[Role]) -> list[tuple[str, str, list[Role]]]:
    """(tier label, tier, roles) from entry to executive, each tier's roles as given."""
    labels = dict(Tier.choices)
    grouped = {tier: [] for tier in TIER_ORDER}
    for role in roles:
        grouped[role.tier].append(role)
    return [(labels[tier], tier, members) for tier, members in grouped.items() if members]


# A role as the ladder, routes and plans print it.
LADDER_COLUMNS = ("slug", "title", "tier", "rank", "headline", "years_min", "years_max")
# A role's need for a skill as lists and tables print it.
SKILL_LEVEL_COLUMNS = ("level", "role_id", "skill_id", "skill__slug", "skill__name", "skill__kind")


def role_detail(slug: str) -> Role:
    """One role with its neighbours on the ladder, skills and pay figures (404 if unknown).
    `role.neighbor_skills` holds the skills of the roles that lead to it and that it leads to,
    fetched with its own in one query, so the page can compare levels."""
    in_ladder_order = Role.objects.only("slug", "title", "rank", "tier").order_by("rank", "title")
    role = get_object_or_404(
        Role.objects.prefetch_related(
            Prefetch("reports_to", queryset=in_ladder_order),
            Prefetch("leads_to", queryset=in_ladder_order),
            Prefetch(
                "salary_figures",
                queryset=SalaryFigure.objects.order_by(
                    "-reference_year", "occupation_code", "source_name", "amount"
                ),
            ),
        ),
        slug=slug,
    )
    around = list(
        RoleSkill.objects.filter(
            Q(role=role)
            | Q(role__in=Role.objects.filter(leads_to=role))
            | Q(role__in=Role.objects.filter(comes_from=role))
        )
        .select_related("skill", "role")
        # What the page prints of each: a neighbour's title and link, a skill's name, kind and
        # link; not the long texts and lists a role or skill row carries.
        .only(*SKILL_LEVEL_COLUMNS, "role__slug", "role__title", "role__rank")
        .order_by("-level", "skill__name")
    )
    role._prefetched_objects_cache["role_skills"] = [rs for rs in around if rs.role_id == role.pk]
    role.neighbor_skills = [rs for rs in around if rs.role_id != role.pk]
    return role


def projections_for(figures) -> list[EmploymentProjection]:
    """The employment projections of the occupation codes these figures use."""
    codes = {f.occupation_code for f in figures}
    return list(
        EmploymentProjection.objects.filter(occupation_code__in=codes).order_by(
            "occupation_code", "-start_year"
        )
    )


def _ladder_edges(source: str, target: str) -> dict:
    """Each role's next roles, keyed and listed by one of their columns (one query of pairs,
    whatever the ladder's size)."""
    edges: dict = {}
    for key, nxt in Role.leads_to.through.objects.values_list(source, target):
        edges.setdefault(key, []).append(nxt)
    return edges


def ladder_outline() -> tuple[list[tuple[str, str, int]], dict[str, list[str]]]:
    """Every role's slug, title and rung, and each one's next roles by slug, for routes (one
    query, a row for each step up and for each role with none)."""
    roles: dict[str, tuple[str, str, int]] = {}
    edges: dict[str, list[str]] = {}
    for slug, title, rank, nxt in Role.objects.values_list(
        "slug", "title", "rank", "leads_to__slug"
    ):
        roles[slug] = (slug, title, rank)
        edges.setdefault(slug, [])
        if nxt is not None:
            edges[slug].append(nxt)
    return list(roles.values()), edges


def ladder_roles(slugs=None) -> list[Role]:
    """Every role (or those in `slugs`) with its next roles, skills and median, for the route
    search."""
    # A route prints titles, years and pay; plans also rate each skill against its five levels.
    role_skills = RoleSkill.objects.select_related("skill").only(
        *SKILL_LEVEL_COLUMNS, "skill__levels"
    )
    chosen = Role.objects.only(*LADDER_COLUMNS)
    if slugs is not None:
        chosen = chosen.filter(slug__in=[slug for slug in slugs if nameable(slug)])
    roles = _with_median(chosen).prefetch_related(
        _next_roles(),
        Prefetch("role_skills", queryset=role_skills),
    )
    return with_medians(list(roles))


def saved_ladder() -> SavedLadder:
    """Every role's next roles and every title, by id (two queries), for the loop check."""
    edges = _ladder_edges("from_role_id", "to_role_id")
    return SavedLadder(edges, dict(Role.objects.values_list("pk", "title")))


def _with_skill_levels(queryset):
    levels = IndustrySkillLevel.objects.select_related("skill")
    return queryset.prefetch_related(Prefetch("skill_levels", queryset=levels))


def industry_variant(role: Role, industry: str) -> RoleIndustry | None:
    """What differs for the role in one industry, with its skill levels (two queries)."""
    variants = _with_skill_levels(RoleIndustry.objects.filter(role=role, industry=industry))
    return next(iter(variants), None)


def industry_variants(industry: str) -> dict[int, RoleIndustry]:
    """Every role's version for one industry, by role id (two queries)."""
    variants = _with_skill_levels(RoleIndustry.objects.filter(industry=industry))
    return {variant.role_id: variant for variant in variants}


# --- skills ----------------------------------------------------------------------------------


def skill_with_roles(slug: str) -> Skill:
    """One skill with the roles that need it, lowest rung first (two queries; 404 if unknown).
    Each of `skill.needs` is a RoleSkill with its role."""
    needs = RoleSkill.objects.select_related("role").order_by("role__rank", "role__title")
    return get_object_or_404(
        Skill.objects.prefetch_related(Prefetch("role_skills", queryset=needs, to_attr="needs")),
        slug=slug,
    )


# The skill index shows this many skills a page: today's fit on one.
SKILL_INDEX_PAGE_SIZE = 60


def skill_index(page: int) -> tuple[list[tuple[str, str, list[Skill]]], Pager]:
    """Page `page` of every skill, grouped by kind (hard, soft, method, tool), by name within
    a kind, each with how many roles need it: (kind, label, skills) for the kinds on the page,
    and the pager (two queries: the count, the page). Raises common.pagination.PageOutOfRange
    past the last page."""
    kind_order = Case(
        *(When(kind=kind, then=Value(i)) for i, kind in enumerate(SkillKind.values)),
        output_field=IntegerField(),
    )
    skills = (
        Skill.objects.only("slug", "name", "kind")
        .annotate(role_count=Count("role_skills"))
        .order_by(kind_order, "name", "slug")
    )
    pager = paginate(skills, page, SKILL_INDEX_PAGE_SIZE, kept={})
    by_kind = {kind: (label, []) for kind, label in SkillKind.choices}
    for skill in pager.page.object_list:
        by_kind[skill.kind][1].append(skill)
    kinds = [(kind, label, members) for kind, (label, members) in by_kind.items() if members]
    return kinds, pager


def role_choices(limit: int | None = None) -> list[Role]:
    """Every role (or the first `limit`) for a list to choose from, lowest rung first, with
    its tier and the years of experience it starts from (one query)."""
    # Plain SQL: building this query with the ORM costs more than running it.
    table = Role._meta.db_table
    sql = f"SELECT id, slug, title, tier, rank, years_min FROM {table} ORDER BY rank, title"
    if limit is None:
        return list(Role.objects.raw(sql))
    return list(Role.objects.raw(f"{sql} LIMIT %s", [limit]))


def roles_named(texts) -> dict[str, str]:
    """The slug of the role each text names by its slug or title (any case), for the texts
    that name one (one query)."""
    return {text: role.slug for text, role in _named(texts).items()}


def role_named(text: str) -> Role | None:
    """The role the text names by its slug or title (any case), with its tier and the years
    of experience it starts from, or None (one query, none for blank text)."""
    return _named([text]).get(text.strip())


def _named(texts) -> dict[str, Role]:
    wanted = [t.strip() for t in texts if t.strip() and nameable(t)]
    if not wanted:
        return {}
    naming = Q(slug__in=wanted)
    for text in wanted:
        naming |= Q(title__iexact=text)
    found = {}
    for role in Role.objects.filter(naming).only("slug", "title", "tier", "rank", "years_min"):
        for text in wanted:
            if text == role.slug or text.casefold() == role.title.casefold():
                found.setdefault(text, role)
    return found


def roles_titled(text: str, limit: int) -> list[Role]:
    """Up to `limit` roles whose title holds every word of `text`, lowest rung first."""
    words = text.split()[:8]
    if not words or not nameable(text):
        return []
    matching = Q()
    for word in words:
        matching &= Q(title__icontains=word[:60])
    return list(
        Role.objects.filter(matching)
        .only("slug", "title", "rank")
        .order_by("rank", "title")[:limit]
    )


def editions_in_use() -> list[dict]:
    """Each source and edition the pay figures draw on, with how many figures use it (one query)."""
    rows = (
        SalaryFigure.objects.values("source_name", "edition", "reference_year", "verified")
        .annotate(figures=Count("pk"))
        .order_by("-reference_year", "source_name", "edition", "verified")
    )
    return list(rows)
