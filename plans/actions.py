"""Next actions: the skill gaps along a route, ranked, each with what to do about it.

Ranking: the largest known gap first (levels short of the highest level any step asks), then
the gap more steps need, then by name. Skills whose level is unknown follow, since we cannot
say how far off they are: rating them is the first thing to do.
"""

import re
from bisect import bisect_right
from dataclasses import dataclass, field

from .models import ActionStatus
from .readiness import PersonLevel, StepReadiness

TOP = 3


@dataclass
class Action:
    skill: object
    have: PersonLevel
    needed: int  # the highest level any step of the route asks
    steps: list = field(default_factory=list)  # roles that ask more than the person has
    certifications: list = field(default_factory=list)
    faqs: list = field(default_factory=list)
    sections: list = field(default_factory=list)  # (guide, anchor id, heading)
    status: str = ActionStatus.NOT_STARTED

    @property
    def gap(self) -> int | None:
        return None if not self.have.known else self.needed - self.have.value

    @property
    def status_label(self) -> str:
        return ActionStatus(self.status).label

    @property
    def sort_key(self):
        if self.gap is None:
            return (1, 0, -len(self.steps), -self.needed, self.skill.name)
        return (0, -self.gap, -len(self.steps), 0, self.skill.name)


def rank_actions(steps: list[StepReadiness], statuses: dict[str, str] | None = None):
    """One action per skill that some step of the route asks more of than the person has."""
    statuses = statuses or {}
    actions: dict[str, Action] = {}
    for step in steps:
        for check in step.checks:
            if check.met:
                continue
            slug = check.skill.slug
            action = actions.get(slug)
            if action is None:
                action = actions[slug] = Action(check.skill, check.have, check.required)
                status = statuses.get(slug, ActionStatus.NOT_STARTED)
                action.status = status if status in ActionStatus.values else "not-started"
            action.needed = max(action.needed, check.required)
            action.steps.append(step.role)
    return sorted(actions.values(), key=lambda a: a.sort_key)


@dataclass(frozen=True)
class FirstCertification:
    certification: object
    covers: list  # names of top gaps it develops
    also: int  # other gaps it develops

    @property
    def reason(self) -> str:
        names = _join(self.covers)
        text = f"It develops {names}, {_count(len(self.covers))} of your top gaps"
        if self.also:
            text += f", and {self.also} more skill{'s' if self.also != 1 else ''} on your route"
        return text + "."


def first_certification(actions: list[Action], held: set[str]) -> FirstCertification | None:
    """The one certification to start with: the one that develops most of the top gaps, then
    most of the other gaps, then the cheaper (non-member cost), then by acronym."""
    top = actions[:TOP]
    candidates = {}
    for action in top:
        for cert in action.certifications:
            if cert.slug not in held:
                candidates[cert.slug] = cert
    if not candidates:
        return None
    top_slugs = {a.skill.slug for a in top}
    rest_slugs = {a.skill.slug for a in actions[TOP:]}

    def developed(cert):
        return {s.slug for s in cert.skills.all()}

    def key(cert):
        skills = developed(cert)
        cost = cert.cost_nonmember if cert.cost_nonmember is not None else 10**9
        return (-len(skills & top_slugs), -len(skills & rest_slugs), cost, cert.acronym)

    best = min(candidates.values(), key=key)
    skills = developed(best)
    covers = [a.skill.name for a in top if a.skill.slug in skills]
    return FirstCertification(best, covers, len(skills & rest_slugs))


def _join(names: list[str]) -> str:
    if len(names) <= 1:
        return "".join(names)
    return ", ".join(names[:-1]) + " and " + names[-1]


def _count(n: int) -> str:
    return {1: "one", 2: "two", 3: "all three"}.get(n, str(n))


# --- what to read about a skill ---------------------------------------------------------------

SECTION_SPLIT = re.compile(r'<h([23])[^>]*\bid="([^"]+)"[^>]*>(.*?)</h\1>', re.S)
TAG = re.compile(r"<[^>]+>")


def skill_terms(name: str) -> list[str]:
    """Words a text about the skill would use: its name without the bracket, and the bracket
    ("Six Sigma (DMAIC)" -> "Six Sigma", "DMAIC")."""
    base, _, rest = name.partition("(")
    terms = [base.strip()]
    if rest:
        terms.append(rest.rstrip(")").strip())
    return [t for t in terms if len(t) >= 2]


def _pattern(name: str) -> re.Pattern:
    alternatives = "|".join(re.escape(t) for t in skill_terms(name))
    return re.compile(rf"(?<!\w)(?:{alternatives})(?!\w)", re.I)


def guide_sections(guides) -> list[tuple]:
    """(guide, anchor, heading, plain text) for every h2/h3 section of the guides."""
    sections = []
    for guide in guides:
        html = guide.body_html or ""
        matches = list(SECTION_SPLIT.finditer(html))
        for i, match in enumerate(matches):
            end = matches[i + 1].start() if i + 1 < len(matches) else len(html)
            text = TAG.sub(" ", html[match.end() : end])
            heading = TAG.sub("", match.group(3)).strip()
            sections.append((guide, match.group(2), heading, text))
    return sections


def reading_by_skill(skills, faqs, sections, limit: int = 2) -> dict[str, tuple[list, list]]:
    """For each skill, by slug: the FAQs and the guide sections (guide, anchor, heading) that
    talk about it, at most `limit` of each, those naming it in a question or heading first."""
    faq_texts = _Texts([f.question for f in faqs], [f.answer or "" for f in faqs])
    section_texts = _Texts([s[2] for s in sections], [s[3] for s in sections])
    found = {}
    for skill in skills:
        terms = [t.lower() for t in skill_terms(skill.name)]
        pattern = _pattern(skill.name)
        found[skill.slug] = (
            [faqs[i] for i in faq_texts.first_naming(terms, pattern, limit)],
            [sections[i][:3] for i in section_texts.first_naming(terms, pattern, limit)],
        )
    return found


class _Texts:
    """Items of reading with a title and a body (a question and its answer, a heading and its
    section). Each kind of text is lower-cased and joined into one, so that finding the items
    that hold one of a skill's terms is a scan in C, not a test of every item for every skill
    (some million tests for a plan at a hundred times the content)."""

    SEPARATOR = "\x00"  # in no term, so no term is found across two items

    def __init__(self, titles: list[str], bodies: list[str]):
        self.kinds = [(texts, *self._joined(texts)) for texts in (titles, bodies)]

    @classmethod
    def _joined(cls, texts: list[str]) -> tuple[str, list[int]]:
        lowered = [text.lower() for text in texts]  # may change a text's length: measured after
        starts, position = [], 0
        for text in lowered:
            starts.append(position)
            position += len(text) + len(cls.SEPARATOR)
        return cls.SEPARATOR.join(lowered), starts

    def first_naming(self, terms: list[str], pattern: re.Pattern, limit: int) -> list[int]:
        """The first `limit` items whose title holds one of `terms` (lower-cased) as a word
        (`pattern`), in order, then those whose body does; each item once."""
        chosen: list[int] = []
        if not terms or limit <= 0:
            return chosen
        holding = re.compile("|".join(re.escape(term) for term in terms))
        for texts, joined, starts in self.kinds:
            last = -1
            for match in holding.finditer(joined):
                index = bisect_right(starts, match.start()) - 1
                if index == last or index in chosen:
                    continue
                last = index
                if pattern.search(texts[index]):
                    chosen.append(index)
                    if len(chosen) == limit:
                        return chosen
        return chosen


def attach_resources(actions: list[Action], certifications, reading: dict) -> None:
    """Give each action the certifications that develop its skill, and what to read about it
    (`reading`: from reading_by_skill)."""
    by_skill: dict[str, list] = {}
    for cert in certifications:
        for skill in cert.skills.all():
            by_skill.setdefault(skill.slug, []).append(cert)
    for action in actions:
        action.certifications = sorted(by_skill.get(action.skill.slug, []), key=lambda c: c.acronym)
        action.faqs, action.sections = reading.get(action.skill.slug, ([], []))
