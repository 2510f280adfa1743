"""Synthetic content at a multiple of the real content, to show that the cost of a page stays
flat as content grows (query-budget tests, `make bench`, `generate_content`)."""

from django.db import transaction

from certifications.models import Certification
from guides.models import FAQ, Guide
from roles.models import Role, RoleSkill, SalaryFigure, Skill

COPY_SLUG = r"-x[0-9]+$"


def _clone(obj, **changes):
    """An unsaved copy of `obj` with every concrete field but the primary key."""
    model = type(obj)
    values = {
        f.attname: getattr(obj, f.attname) for f in model._meta.concrete_fields if not f.primary_key
    }
    return model(**{**values, **changes})


def _copies(originals, make):
    copies = {obj.pk: make(obj) for obj in originals}
    if copies:
        type(next(iter(copies.values()))).objects.bulk_create(copies.values())
    return copies


def _link(model, name, originals, copies, targets, *, keep_original_targets=False):
    """Give each copy the relations `name` of its original, pointed at the copied targets
    (and, with keep_original_targets, at the original targets too)."""
    field = model._meta.get_field(name)
    through = field.remote_field.through
    source, target = field.m2m_field_name(), field.m2m_reverse_field_name()
    rows = []
    for obj in originals:
        for related in getattr(obj, name).all():
            ends = [targets[related.pk]] + ([related] if keep_original_targets else [])
            rows += [through(**{source: copies[obj.pk], target: end}) for end in ends]
    through.objects.bulk_create(rows)


@transaction.atomic
def multiply_content(factor: int) -> dict[str, int]:
    """Add (factor - 1) copies of every role, skill, salary figure, certification, FAQ and
    guide, linked to each other like the originals. Returns the number of rows added."""
    skills = list(Skill.objects.exclude(slug__regex=COPY_SLUG))
    roles = list(
        Role.objects.exclude(slug__regex=COPY_SLUG).prefetch_related(
            "leads_to", "reports_to", "role_skills", "salary_figures"
        )
    )
    certs = list(
        Certification.objects.exclude(slug__regex=COPY_SLUG).prefetch_related("roles", "skills")
    )
    guides = list(
        Guide.objects.exclude(slug__regex=COPY_SLUG).prefetch_related("roles", "certifications")
    )
    faqs = list(FAQ.objects.exclude(slug__regex=COPY_SLUG).prefetch_related("roles", "guides"))
    added = dict.fromkeys(["roles", "skills", "salaries", "certifications", "faqs", "guides"], 0)

    for i in range(1, factor):
        for kind, count in _add_copy(i, skills, roles, certs, guides, faqs).items():
            added[kind] += count
    return added


def _add_copy(i, skills, roles, certs, guides, faqs) -> dict[str, int]:
    """Copy number `i` of everything, slugs suffixed with -x<i>."""
    suffix = f"-x{i}"
    new_skills = _copies(skills, lambda s: _clone(s, name=f"{s.name} {i}", slug=s.slug + suffix))
    new_roles = _copies(roles, lambda r: _clone(r, title=f"{r.title} {i}", slug=r.slug + suffix))
    _link(Role, "leads_to", roles, new_roles, new_roles)
    _link(Role, "reports_to", roles, new_roles, new_roles)
    RoleSkill.objects.bulk_create(
        RoleSkill(role=new_roles[r.pk], skill=new_skills[rs.skill_id], level=rs.level)
        for r in roles
        for rs in r.role_skills.all()
    )
    figures = SalaryFigure.objects.bulk_create(
        _clone(f, role_id=new_roles[r.pk].pk) for r in roles for f in r.salary_figures.all()
    )
    new_certs = _copies(
        certs,
        lambda c: _clone(
            c, acronym=f"{c.acronym}{i}"[:20], name=f"{c.name} {i}", slug=c.slug + suffix
        ),
    )
    _link(Certification, "roles", certs, new_certs, new_roles, keep_original_targets=True)
    _link(Certification, "skills", certs, new_certs, new_skills)
    new_guides = _copies(guides, lambda g: _clone(g, title=f"{g.title} {i}", slug=g.slug + suffix))
    _link(Guide, "roles", guides, new_guides, new_roles, keep_original_targets=True)
    _link(Guide, "certifications", guides, new_guides, new_certs)
    new_faqs = _copies(
        faqs,
        lambda f: _clone(
            f, question=f"{f.question} ({i})", slug=f.slug + suffix, order=f.order + 100 * i
        ),
    )
    _link(FAQ, "roles", faqs, new_faqs, new_roles, keep_original_targets=True)
    _link(FAQ, "guides", faqs, new_faqs, new_guides)

    return {
        "roles": len(new_roles),
        "skills": len(new_skills),
        "salaries": len(figures),
        "certifications": len(new_certs),
        "faqs": len(new_faqs),
        "guides": len(new_guides),
    }
