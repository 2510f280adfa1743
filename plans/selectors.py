"""Every query the plan pages make, and the assembly of a plan page from a plan's slugs.

A page reads the whole catalogue in a fixed number of queries (roles with their skills and
medians, skills, starting points, certifications with what they develop); a saved plan's page
reads it from the shared cache, where the first page built for the content version left it
(`plan_catalog`). What to read about each action's skill is asked of the database for those
skills only: the FAQs and guides that name them (`reading_for`, two queries).
"""

import functools
import logging
from dataclasses import dataclass, field
from datetime import timedelta

from django.core.cache import cache
from django.db import connection
from django.db.models import Prefetch, Q
from django.utils import timezone
from redis.exceptions import RedisError

from certifications.models import Certification
from certifications.selectors import listing_roles
from common.release import code_fingerprint, content_version_sql
from guides.models import FAQ, Guide
from roles.ladder import NoRoute, Rung, plan_route
from roles.models import Skill
from roles.selectors import ladder_roles

from . import actions as action_rules
from . import fit, readiness, timeline
from .models import Plan, PlanPage, StartingPoint, token_digest

logger = logging.getLogger(__name__)


@dataclass
class PlanInput:
    """What a plan holds, whether saved or still being filled in (same names as Plan)."""

    current_role: str = ""
    starting_point: str = ""
    target_role: str = ""
    years: int = 0
    certifications: list[str] = field(default_factory=list)
    ratings: dict[str, int] = field(default_factory=dict)
    action_status: dict[str, str] = field(default_factory=dict)

    @classmethod
    def of(cls, plan) -> "PlanInput":
        return cls(**{name: getattr(plan, name) for name in cls.__dataclass_fields__})


@dataclass
class Catalog:
    graph: dict  # role slug -> Role with role_skills, leads_to, certifications, median
    rungs: dict  # role slug -> the role as the route search reads it (roles.ladder.Rung)
    skills: dict
    starting_points: dict
    certifications: dict

    @property
    def roles(self) -> list:
        return sorted(self.graph.values(), key=lambda r: (r.rank, r.title))


def ladder_graph() -> dict:
    """Every role by slug with its next roles, skills, median and the certifications that
    suit it (`suitable_certifications`), as `roles.ladder.plan_route` reads them."""
    roles = ladder_roles()
    by_role = listing_roles([r.pk for r in roles])
    for role in roles:
        role.suitable_certifications = by_role.get(role.pk, ([], 0))[0]
    return {r.slug: r for r in roles}


def catalog_naming(skills: list[str], certifications: list[str]) -> Catalog:
    """Just the skills and certifications an update names, with their names (at most two
    queries, none for an empty list), so checking an update costs the same however large the
    catalogue grows. A slug it does not hold is not in the catalogue."""
    return Catalog(
        graph={},
        rungs={},
        skills={s.slug: s for s in Skill.objects.filter(slug__in=skills).only("slug", "name")}
        if skills
        else {},
        starting_points={},
        certifications={
            c.slug: c
            for c in Certification.objects.filter(slug__in=certifications)
            .only("slug", "acronym")
            .order_by("acronym")
        }
        if certifications
        else {},
    )


def catalog() -> Catalog:
    """Everything a plan can refer to."""
    certifications = Certification.objects.select_related("issuer").prefetch_related(
        Prefetch("skills", queryset=Skill.objects.only("slug", "name"))
    )
    graph = ladder_graph()
    found = Catalog(
        graph=graph,
        rungs={slug: Rung.of(role, role.suitable_certifications) for slug, role in graph.items()},
        skills={s.slug: s for s in Skill.objects.all()},
        starting_points={
            p.slug: p for p in StartingPoint.objects.select_related("enters_at").order_by("name")
        },
        certifications={c.slug: c for c in certifications.order_by("acronym")},
    )
    return found


def reading_for(skills) -> dict[str, tuple[list, list]]:
    """What to read about each skill (actions.reading_by_skill): the FAQs and the guide
    sections that talk about it. Only the FAQs and guides whose text holds a word of a skill's
    terms are read and cut into sections (two queries): the rule asks for its terms in the
    text first, so the others could never match, and the work grows with what is relevant
    rather than with the whole content."""
    terms = {term for skill in skills for term in action_rules.skill_terms(skill.name)}
    if not terms:
        return {}
    in_faq, in_guide = Q(), Q()
    for term in terms:
        in_faq |= Q(question__icontains=term) | Q(answer__icontains=term)
        # A guide's sections are its HTML with the tags taken out: a term of several words
        # may stand across a tag there, so the guide is asked only for the term's longest word.
        in_guide |= Q(body_html__icontains=max(term.split(), key=len))
    faqs = list(FAQ.objects.published().filter(in_faq).only("slug", "question", "answer"))
    guides = (
        Guide.objects.published()
        .filter(in_guide)
        .only("slug", "title", "body_html")
        .order_by("title")
    )
    return action_rules.reading_by_skill(skills, faqs, action_rules.guide_sections(guides))


# An edit moves the version on, so an entry is never served for content other than what it was
# read from; the hour only bounds how long one stays after its version has passed.
PLAN_CATALOG_SECONDS = 3600


def plan_catalog(content_version: int | None) -> Catalog:
    """`catalog()` as it is for this content version: every plan page reads the same
    catalogue, so it is read from the database once per content version and release, and kept
    in the shared cache, where every process on every host finds it. Without a version (no
    content loaded yet) or while the cache is away, read afresh."""
    if content_version is None:
        return catalog()
    key = f"careerpath:plan-catalog:{code_fingerprint()}:{content_version}"
    try:
        found = cache.get(key)
    except RedisError as exc:
        logger.warning("Plan catalogue not read from the cache: %s", exc)
        return catalog()
    if found is None:
        found = catalog()
        try:
            cache.set(key, found, PLAN_CATALOG_SECONDS)
        except RedisError as exc:
            logger.warning("Plan catalogue not kept in the cache: %s", exc)
    return found


def content_version() -> int | None:
    """The committed content version (one query)."""
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT {content_version_sql()}")
        return cursor.fetchone()[0]


def plan_by_token(token: str) -> Plan | None:
    return Plan.objects.filter(token_hash=token_digest(token)).first()


# A visit is noted for the 18-month purge at most once this often (one write, not one a visit).
NOTE_OPENED_EVERY = timedelta(days=1)


def opened_note_due(last_opened) -> bool:
    return timezone.now() - last_opened >= NOTE_OPENED_EVERY


@dataclass(frozen=True)
class KeptPage:
    """A plan as its kept page needs it (plans/pages.py); `content` is None when none is kept."""

    plan_id: int
    version: int
    content_version: int | None  # read in the same query
    opened_note_due: bool
    built_from: str | None
    content: bytes | None


def kept_page(token: str) -> KeptPage | None:
    """The plan the token opens with its kept page, in one query; None when no plan has it."""
    # Plain SQL: building this one query with the ORM costs more than running it.
    with connection.cursor() as cursor:
        cursor.execute(_kept_page_sql(), [timezone.now() - NOTE_OPENED_EVERY, token_digest(token)])
        row = cursor.fetchone()
    if row is None:
        return None
    plan_id, version, content_version, due, built_from, content = row
    content = content and bytes(content)
    return KeptPage(plan_id, version, content_version, bool(due), built_from, content)


@functools.cache
def _kept_page_sql() -> str:
    plan = connection.ops.quote_name(Plan._meta.db_table)
    page = connection.ops.quote_name(PlanPage._meta.db_table)
    return (
        f"SELECT p.id, p.version, {content_version_sql()}, p.last_opened <= %s, k.built_from, "
        f"k.content FROM {plan} p "
        f"LEFT JOIN {page} k ON k.plan_id = p.id WHERE p.token_hash = %s"
    )


def plans_not_opened_since(cutoff) -> "list[int]":
    return list(Plan.objects.filter(last_opened__lt=cutoff).values_list("pk", flat=True))


PURGE_AFTER = timedelta(days=548)  # 18 months


def purge_cutoff():
    return timezone.now() - PURGE_AFTER


@dataclass
class RatedSkill:
    skill: object
    needed: int  # the highest level the route asks
    level: readiness.PersonLevel
    baseline: int | None  # the typical level where the person is now

    @property
    def field(self) -> str:
        return f"skill-{self.skill.slug}"

    @property
    def choices(self) -> list[tuple[int, str, bool, bool]]:
        """(level, what it means, typical where the person is now, selected)."""
        return [
            (n, self.skill.level_text(n) or f"Level {n}", n == self.baseline, n == self.level.value)
            for n in range(1, 6)
        ]


@dataclass
class PlanView:
    data: PlanInput
    current: object = None  # Role
    starting_point: object = None
    target: object = None
    roles_ahead: list = field(default_factory=list)
    route_note: str = ""
    steps: list = field(default_factory=list)
    ready: object = None
    fits: list = field(default_factory=list)
    actions: list = field(default_factory=list)
    first_certification: object = None
    timeline: object = None
    to_rate: list[RatedSkill] = field(default_factory=list)
    held: list = field(default_factory=list)
    gone: list[str] = field(default_factory=list)  # sentences naming what no longer exists
    fit_method: str = fit.METHOD

    @property
    def top(self):
        return self.actions[: action_rules.TOP]

    @property
    def start_title(self) -> str:
        if self.current:
            return self.current.title
        return self.starting_point.name if self.starting_point else ""


def _gone(data: PlanInput, found: Catalog) -> list[str]:
    gone = []
    if data.current_role and data.current_role not in found.graph:
        gone.append(f"Your current role “{data.current_role}” is no longer on the ladder.")
    if data.starting_point and data.starting_point not in found.starting_points:
        gone.append(f"Your starting point “{data.starting_point}” is no longer offered.")
    if data.target_role not in found.graph:
        gone.append(f"Your target role “{data.target_role}” is no longer on the ladder.")
    for slug in sorted(set(data.ratings) - set(found.skills)):
        gone.append(f"The skill “{slug}” you rated is no longer listed.")
    for slug in sorted(set(data.certifications) - set(found.certifications)):
        gone.append(f"The certification “{slug}” you hold is no longer listed.")
    return gone


def _route(data: PlanInput, found: Catalog, view: PlanView) -> None:
    """The roles still ahead, from the current role (not included) or the starting point's
    entry role (included) to the target."""
    target = view.target
    entry = view.current or (view.starting_point.enters_at if view.starting_point else None)
    if target is None:
        return
    if entry is None:
        view.roles_ahead = [target]
        return
    ahead = [] if view.current else [found.graph.get(entry.slug, entry)]
    entry = found.graph.get(entry.slug)
    if entry is None or entry.slug == target.slug:
        if view.current and entry and entry.slug == target.slug:
            view.route_note = f"You are already a {target.title}; the plan measures you against it."
            ahead = [target]
        view.roles_ahead = ahead or [target]
        return
    try:
        route = plan_route(found.rungs, entry.slug, target.slug)
        view.roles_ahead = ahead + [found.graph[s.next.slug] for s in route.steps]
    except NoRoute as no_route:
        view.route_note = f"{no_route} The plan measures you against {target.title} directly."
        view.roles_ahead = [target]


def plan_view(data: PlanInput, found: Catalog, *, reading: bool = True) -> PlanView:
    """Everything a plan page shows, from the plan's slugs and the current content; without
    `reading`, the actions come without what to read about them (the start page's summary)."""
    view = PlanView(data=data, gone=_gone(data, found))
    view.current = found.graph.get(data.current_role) if data.current_role else None
    view.starting_point = found.starting_points.get(data.starting_point)
    view.target = found.graph.get(data.target_role)
    _route(data, found, view)

    if view.current:
        baseline = {rs.skill.slug: rs.level for rs in view.current.role_skills.all()}
    elif view.starting_point:
        baseline = {s: lvl for s, lvl in view.starting_point.skills.items() if s in found.skills}
    else:
        baseline = {}
    ratings = {s: lvl for s, lvl in data.ratings.items() if s in found.skills}
    levels = readiness.person_levels(ratings, baseline)

    view.steps = readiness.route_readiness(view.roles_ahead, levels, data.years)
    view.ready = readiness.ready_now(view.steps)
    view.fits = fit.rank_roles(found.roles, levels)
    view.held = [found.certifications[s] for s in data.certifications if s in found.certifications]
    view.actions = action_rules.rank_actions(view.steps, data.action_status)
    # Only the plan's own actions' skills: working it out for every skill of a large catalogue
    # would take minutes.
    found_reading = reading_for([a.skill for a in view.actions]) if reading else {}
    action_rules.attach_resources(view.actions, found.certifications.values(), found_reading)
    view.first_certification = action_rules.first_certification(
        view.actions, set(data.certifications)
    )
    view.timeline = timeline.build_timeline(view.roles_ahead, data.years, view.actions)
    view.to_rate = skills_to_rate(view.roles_ahead, levels, baseline)
    return view


def skills_to_rate(roles, levels, baseline) -> list[RatedSkill]:
    """The skills that matter for the route (the target's and every step's), most asked first."""
    needed: dict[str, tuple] = {}
    for role in roles:
        for rs in role.role_skills.all():
            known = needed.get(rs.skill.slug)
            if known is None or rs.level > known[1]:
                needed[rs.skill.slug] = (rs.skill, rs.level)
    rated = [
        RatedSkill(skill, level, levels.get(slug, readiness.UNKNOWN), baseline.get(slug))
        for slug, (skill, level) in needed.items()
    ]
    return sorted(rated, key=lambda r: (-r.needed, r.skill.name))
