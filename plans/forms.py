"""Reading what a visitor sends to the plan pages. Every problem becomes a sentence that names
the field, so the page can answer 400 and say what was wrong; nothing is saved until all of it
is right."""

from django import forms

from .models import ActionStatus
from .selectors import Catalog, PlanInput

START_PREFIX = "start:"  # a starting point beside the ladder, as opposed to a role's slug
SKILL_PREFIX = "skill-"
UNSURE = "unsure"
MAX_YEARS = 60


class BadInput(Exception):
    def __init__(self, errors: list[str]):
        self.errors = errors
        super().__init__("; ".join(errors))


def _short(value: str) -> str:
    return value[:60] + ("…" if len(value) > 60 else "")


def read_start(data, found: Catalog) -> PlanInput:
    """Where the person is, where they want to go, years and certifications held."""
    errors, plan = [], PlanInput()
    current = (data.get("current") or "").strip()
    if not current:
        errors.append("Where you are now: choose a role or a starting point.")
    elif current.startswith(START_PREFIX):
        slug = current.removeprefix(START_PREFIX)
        if slug in found.starting_points:
            plan.starting_point = slug
        else:
            errors.append(f"Where you are now: we have no starting point “{_short(slug)}”.")
    elif current in found.graph:
        plan.current_role = current
    else:
        errors.append(f"Where you are now: we have no role “{_short(current)}”.")
    target = (data.get("target") or "").strip()
    if not target:
        errors.append("Target role: choose the role you want to reach.")
    elif target in found.graph:
        plan.target_role = target
    else:
        errors.append(f"Target role: we have no role “{_short(target)}”.")
    plan.years, year_errors = read_years(data)
    errors += year_errors
    plan.certifications, cert_errors = read_certifications(data, found)
    errors += cert_errors
    if errors:
        raise BadInput(errors)
    return plan


def read_years(data) -> tuple[int, list[str]]:
    raw = (data.get("years") or "0").strip()
    if not raw.isdigit() or int(raw) > MAX_YEARS:
        return 0, [f"Years of experience: give a whole number from 0 to {MAX_YEARS}."]
    return int(raw), []


def named_in(data) -> tuple[list[str], list[str]]:
    """The skill and certification slugs a ratings form names, to look up and check."""
    skills = [name.removeprefix(SKILL_PREFIX) for name in data if name.startswith(SKILL_PREFIX)]
    return skills, list(dict.fromkeys(data.getlist("cert")))


def read_certifications(data, found: Catalog) -> tuple[list[str], list[str]]:
    slugs = list(dict.fromkeys(data.getlist("cert")))
    unknown = [s for s in slugs if s not in found.certifications]
    if unknown:
        names = ", ".join(f"“{_short(s)}”" for s in unknown[:5])
        return [], [f"Certifications held: we have no certification {names}."]
    return slugs, []


def read_ratings(data, found: Catalog) -> dict[str, int]:
    """`skill-<slug>` = 1..5 or "unsure" (no rating kept); anything else is refused."""
    ratings, errors = {}, []
    for name in data:
        if not name.startswith(SKILL_PREFIX):
            continue
        slug, value = name.removeprefix(SKILL_PREFIX), data.get(name)
        if slug not in found.skills:
            errors.append(f"Ratings: we have no skill “{_short(slug)}”.")
        elif value in ("", UNSURE):
            continue
        elif value in {"1", "2", "3", "4", "5"}:
            ratings[slug] = int(value)
        else:
            skill = found.skills[slug].name
            errors.append(
                f"{skill}: choose a level from 1 to 5 or “not sure” (got “{_short(value)}”)."
            )
    if errors:
        raise BadInput(errors)
    return ratings


def read_version(data, current: int | None = None) -> int:
    """The version an update was based on. A number above the plan's own (`current`, when it
    is known) cannot come from a page we served: refused as bad input (400). A lower one is a
    stale page (409)."""
    raw = (data.get("version") or "").strip()
    if not raw.isdigit():
        raise BadInput(["This form is missing the plan version it was based on; reload the plan."])
    version = int(raw)
    if version < 1 or (current is not None and version > current):
        raise BadInput(["The plan version in this form is not one this plan has had."])
    return version


def read_status(data, found: Catalog | None = None) -> tuple[str, str]:
    """The action (a skill) and its new status; the skill is checked against `found` when
    given (else the write checks it: services.plan_set_action_status)."""
    slug, status = data.get("skill") or "", data.get("status") or ""
    errors = []
    if found is not None and slug not in found.skills:
        errors.append(f"Action: we have no skill “{_short(slug)}”.")
    if status not in ActionStatus.values:
        errors.append("Status: choose not started, in progress or done.")
    if errors:
        raise BadInput(errors)
    return slug, status


class ImportForm(forms.Form):
    plan_file = forms.FileField(label="A plan file (.json)", required=False)
    plan_json = forms.CharField(
        label="Or paste the plan's JSON", required=False, widget=forms.Textarea(attrs={"rows": 4})
    )
