"""The rules of the ladder: routes up it (the path planner) and loops it must never have."""

from collections import deque
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal
from itertools import pairwise

from common.text import with_article

from .models import Role


@dataclass(frozen=True, slots=True)
class Link:
    """A skill or a certification as a route names it and links to it."""

    slug: str
    name: str
    url: str
    acronym: str = ""

    def get_absolute_url(self) -> str:
        return self.url


@dataclass(frozen=True, slots=True)
class Median:
    amount: Decimal
    currency: str = "USD"


@dataclass(frozen=True, slots=True)
class Rung:
    """A role as the route search reads it: plain values, so a route is worked out and printed
    without model instances, and the ladder can be stored as data when the content changes
    (careerpath/route_data.py)."""

    slug: str
    title: str
    rank: int
    years_min: int
    years_max: int
    url: str
    median: Median | None
    next: tuple[str, ...]  # the slugs of the roles it leads to
    skills: tuple[tuple[Link, int], ...]  # each skill it needs, with the level
    certifications: tuple[Link, ...]  # the certifications that suit it (the first few)
    more_certifications: int = 0  # how many more suit it

    def get_absolute_url(self) -> str:
        return self.url

    @classmethod
    def of(cls, role: Role, certifications=(), in_all: int | None = None) -> "Rung":
        """From a role with `leads_to`, `role_skills` (with their skills) and `median` read,
        and the certifications that suit it (of `in_all`, when those are the first few)."""
        certifications = tuple(certifications)
        median = role.median
        return cls(
            slug=role.slug,
            title=role.title,
            rank=role.rank,
            years_min=role.years_min,
            years_max=role.years_max,
            url=role.get_absolute_url(),
            median=Median(median.amount, median.currency) if median else None,
            next=tuple(r.slug for r in role.leads_to.all()),
            skills=tuple(
                (Link(rs.skill.slug, rs.skill.name, rs.skill.get_absolute_url()), rs.level)
                for rs in role.role_skills.all()
            ),
            certifications=tuple(
                Link(c.slug, c.name, c.get_absolute_url(), c.acronym) for c in certifications
            ),
            more_certifications=(in_all or len(certifications)) - len(certifications),
        )

    def as_data(self) -> dict:
        """As JSON stores it; `from_data` reads it back."""
        median = self.median
        return {
            "slug": self.slug,
            "title": self.title,
            "rank": self.rank,
            "years": [self.years_min, self.years_max],
            "url": self.url,
            "median": [str(median.amount), median.currency] if median else None,
            "next": list(self.next),
            "skills": [[s.slug, s.name, s.url, level] for s, level in self.skills],
            "certifications": [[c.slug, c.name, c.url, c.acronym] for c in self.certifications],
            "more_certifications": self.more_certifications,
        }

    @classmethod
    def from_data(cls, data: dict) -> "Rung":
        median = data["median"]
        return cls(
            slug=data["slug"],
            title=data["title"],
            rank=data["rank"],
            years_min=data["years"][0],
            years_max=data["years"][1],
            url=data["url"],
            median=Median(Decimal(median[0]), median[1]) if median else None,
            next=tuple(data["next"]),
            skills=tuple((Link(*skill[:3]), skill[3]) for skill in data["skills"]),
            certifications=tuple(Link(*c) for c in data["certifications"]),
            more_certifications=data["more_certifications"],
        )


@dataclass(frozen=True)
class SkillGain:
    """A skill the next role needs at a higher level than the current one has it."""

    skill: Link
    from_level: int
    to_level: int

    @property
    def gap(self) -> int:
        return self.to_level - self.from_level


@dataclass
class Step:
    current: Rung
    next: Rung
    skills_to_gain: list[SkillGain]
    certifications: list[Link]
    pay_change: Decimal | None


@dataclass
class Route:
    start: Rung
    end: Rung
    steps: list[Step]
    # Set for a sideways move (no route leads up from start to end): the nearest role both
    # lead to, through which each continues up the ladder.
    via: Rung | None = None

    @property
    def sideways(self) -> bool:
        return self.via is not None

    @property
    def roles(self) -> list[Rung]:
        return [self.start, *(s.next for s in self.steps)]

    @property
    def total_pay_change(self) -> Decimal | None:
        return pay_change(self.start, self.end)

    @property
    def skills_to_gain_count(self) -> int:
        return len({g.skill.slug for s in self.steps for g in s.skills_to_gain})

    @property
    def extra_years(self) -> tuple[int, int]:
        """More years of experience the destination typically asks for than the start: at
        least the gap from the start's longest stay to the end's shortest entry, at most the
        gap from the start's shortest to the end's longest."""
        low = max(0, self.end.years_min - self.start.years_max)
        high = max(low, self.end.years_max - self.start.years_min)
        return low, high


@dataclass(frozen=True)
class SavedLadder:
    """The ladder as saved: next roles by role id, and titles by role id."""

    edges: dict[int, list[int]]
    titles: dict[int, str]


class NoRoute(Exception):
    """No upward route joins the two roles; the message says why."""


def pay_change(current: Rung, nxt: Rung) -> Decimal | None:
    """What the median pay of `nxt` adds to that of `current` (None without both medians)."""
    if current.median and nxt.median:
        return nxt.median.amount - current.median.amount
    return None


def skills_to_gain(current: Rung, nxt: Rung) -> list[SkillGain]:
    """The skills `nxt` needs above `current`'s level, the largest gap first."""
    have = {skill.slug: level for skill, level in current.skills}
    gains = [
        SkillGain(skill, have.get(skill.slug, 0), level)
        for skill, level in nxt.skills
        if level > have.get(skill.slug, 0)
    ]
    gains.sort(key=lambda g: (-g.gap, g.skill.name))
    return gains


def _walk_up(starts, next_of) -> dict:
    """Every node reachable from `starts` through `next_of(node)` (its next nodes, in the
    order to try them), each with the node before it on a shortest route (breadth-first)."""
    previous: dict = dict.fromkeys(starts)
    queue = deque(previous)
    while queue:
        node = queue.popleft()
        for nxt in next_of(node):
            if nxt not in previous:
                previous[nxt] = node
                queue.append(nxt)
    return previous


@dataclass(frozen=True)
class Shape:
    """The ladder as a route search walks it: each role's next roles, and each role's place,
    lower rungs and then titles first (the order the search tries them in). A route reads its
    own roles' rungs alone (`route_reads`), however large the ladder."""

    next: dict[str, Sequence[str]]
    place: dict[str, int]

    @classmethod
    def of(cls, graph: dict[str, Rung]) -> "Shape":
        ordered = sorted(graph.values(), key=lambda r: (r.rank, r.title))
        return cls({r.slug: r.next for r in ordered}, {r.slug: i for i, r in enumerate(ordered)})

    def __contains__(self, slug: str) -> bool:
        return slug in self.place

    def ahead(self, slug: str) -> list[str]:
        """The roles this one leads to, lowest rung and then title first."""
        return sorted(self.next.get(slug, ()), key=self.place.__getitem__)


def route_slugs(shape: Shape, start: str, end: str) -> tuple[list[str], str | None]:
    """The roles of the shortest route up from `start` to `end`, both included (lower rungs
    and then titles tried first); when no route leads up, no roles and the nearest role both
    lead to (None when none does)."""
    previous = _walk_up([start], shape.ahead)
    if end in previous:
        chain = [end]
        while previous[chain[-1]] is not None:
            chain.append(previous[chain[-1]])
        return chain[::-1], None
    from_end = _walk_up([end], shape.ahead)
    common = [slug for slug in previous if slug in from_end]
    return [], min(common, key=shape.place.__getitem__) if common else None


def route_reads(shape: Shape, start: str, end: str) -> list[str]:
    """The roles whose rungs `plan_route` reads for a route between these two: those of the
    two the ladder holds, and the route's own roles or the one both lead to."""
    known = [slug for slug in dict.fromkeys((start, end)) if slug in shape]
    if len(known) < 2:
        return known
    chain, via = route_slugs(shape, start, end)
    return list(dict.fromkeys([*known, *chain, *([via] if via else [])]))


def next_up(shape: Shape, slug: str) -> str | None:
    """The first role this one leads to (lowest rung, then title): the planner's destination
    when only a start is chosen."""
    return next(iter(shape.ahead(slug)), None)


def plan_route(
    graph: dict[str, Rung], start_slug: str, end_slug: str, shape: Shape | None = None
) -> Route:
    """The shortest route up the ladder from one role to another. Between two branches (no
    route up joins them, and the destination is not lower) it is a sideways move: one step
    across, explained by the nearest role both lead to.

    `graph` maps slugs to rungs: with the ladder's `shape`, at least the roles the route reads
    (`route_reads`); without it, every role on the way up from both (see
    `careerpath.profiles.ladder_graph`), from which the shape is taken.
    """
    start, end = graph[start_slug], graph[end_slug]
    if start == end:
        raise NoRoute(
            f"You are already {with_article(start.title)}: choose a different destination."
        )
    chain, via = route_slugs(shape or Shape.of(graph), start.slug, end.slug)
    if not chain:
        if end.rank < start.rank:
            raise NoRoute(
                f"{end.title} sits below {start.title} on the ladder. The planner maps moves "
                "upwards: swap the two roles to see the route from there."
            )
        if via is None:
            raise NoRoute(f"The ladder has no upward route from {start.title} to {end.title}.")
        return Route(start, end, [step(start, end)], via=graph[via])
    rungs = [graph[slug] for slug in chain]
    return Route(start, end, [step(a, b) for a, b in pairwise(rungs)])


def step(current: Rung, nxt: Rung) -> Step:
    """One move from `current` to `nxt`: what it asks and pays."""
    certifications = list(nxt.certifications)
    return Step(
        current, nxt, skills_to_gain(current, nxt), certifications, pay_change(current, nxt)
    )


def find_cycle(edges: dict) -> list | None:
    """A path that returns to its start in the graph `edges` (node -> next nodes), or None."""
    state: dict = {}  # 1 = on the current path, 2 = finished

    def visit(node, path):
        state[node] = 1
        for nxt in edges.get(node, []):
            if state.get(nxt) == 1:
                return path[path.index(nxt) :] + [nxt]
            if nxt not in state:
                found = visit(nxt, path + [nxt])
                if found:
                    return found
        state[node] = 2
        return None

    for start in list(edges):
        if start not in state:
            found = visit(start, [start])
            if found:
                return found
    return None


def ladder_cycle(role: Role, leads_to: list[Role], saved: "SavedLadder") -> list[str] | None:
    """Titles of the loop that `role` leading to `leads_to` would close in the `saved` ladder,
    or None.

    The saved ladder has no loop, so a loop found after the change runs through `role`;
    it is told starting and ending there.
    """
    edges = {source: list(targets) for source, targets in saved.edges.items()}
    edges[role.pk] = [r.pk for r in leads_to]
    cycle = find_cycle(edges)
    if cycle is None:
        return None
    loop = cycle[:-1]
    if role.pk in loop:
        start = loop.index(role.pk)
        loop = loop[start:] + loop[:start]
    titles = {**saved.titles, role.pk: role.title}
    return [titles[pk] for pk in [*loop, loop[0]]]


def next_step_problems(
    role: Role, rank: int | None, leads_to: list[Role], saved: "SavedLadder"
) -> list[str]:
    """Why `role` on rung `rank` may not lead to `leads_to`: itself, a loop, a lower rung."""
    if role.pk is not None and role.pk in {r.pk for r in leads_to}:
        return ["A role cannot lead to itself."]
    cycle = ladder_cycle(role, leads_to, saved)
    if cycle:
        return ["The ladder would go round in a circle: " + " → ".join(cycle) + "."]
    if rank is None:
        return []
    return [
        f"{step.title} is on rung {step.rank}; a next step must sit on a higher rung than this "
        f"role's {rank}."
        for step in leads_to
        if step.rank <= rank
    ]


def earlier_rung_problems(role: Role, rank: int) -> list[str]:
    """Why a saved `role` may not sit on rung `rank`: a role leading to it sits as high."""
    return [
        f"{earlier.title} (rung {earlier.rank}) leads to this role, so it must sit above rung "
        f"{earlier.rank}."
        for earlier in role.comes_from.all()
        if earlier.rank >= rank
    ]


def rung_move_problem(role: Role, rank: int) -> str | None:
    """Why `role` cannot move to rung `rank`, or None when it can."""
    if not 1 <= rank <= 50:
        return f"{role.title} is already on rung {role.rank}, the end of the ladder."
    blocking = [r for r in role.leads_to.all() if r.rank <= rank]
    blocking += [r for r in role.comes_from.all() if r.rank >= rank]
    if blocking:
        names = ", ".join(f"{r.title} (rung {r.rank})" for r in blocking)
        return f"{role.title} cannot move to rung {rank}: it would pass {names} on the ladder."
    return None
