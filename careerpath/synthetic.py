"""Synthetic content at a multiple of the real content, to show that the cost of a page stays
flat as content grows (query-budget tests, `make bench`, `generate_content`)."""

from django.db import transaction

from certifications.models import Certification
from guides.models import FAQ, Guide
from roles.models import Role, RoleSkill, SalaryFigure, Skill

SUFFIX = "-x{}"


@transaction.atomic
def multiply_content(factor: int) -> dict[str, int]:
    """Add (factor - 1) copies of every role, skill, salary figure, certification, FAQ and
    guide, linked to each other like the originals. Returns the number of rows added."""
    copies = range(1, factor)
    roles = list(
        Role.objects.exclude(slug__regex=r"-x[0-9]+$").prefetch_related(
            "leads_to", "reports_to", "role_skills", "salary_figures"
        )
    )
    skills = list(Skill.objects.exclude(slug__regex=r"-x[0-9]+$"))
    certs = list(Certification.objects.exclude(slug__regex=r"-x[0-9]+$").prefetch_related("roles"))
    faqs = list(FAQ.objects.exclude(slug__regex=r"-x[0-9]+$").prefetch_related("roles", "guides"))
    guides = list(
        Guide.objects.exclude(slug__regex=r"-x[0-9]+$").prefetch_related("roles", "certifications")
    )
    added = {"roles": 0, "skills": 0, "salaries": 0, "certifications": 0, "faqs": 0, "guides": 0}

    for i in copies:
        suffix = SUFFIX.format(i)
        new_skills = {
            s.pk: Skill(
                name=f"{s.name} {i}", slug=s.slug + suffix, kind=s.kind, description=s.description
            )
            for s in skills
        }
        Skill.objects.bulk_create(new_skills.values())
        new_roles = {}
        for r in roles:
            new_roles[r.pk] = Role(
                title=f"{r.title} {i}",
                slug=r.slug + suffix,
                tier=r.tier,
                rank=r.rank,
                headline=r.headline,
                summary=r.summary,
                responsibilities=r.responsibilities,
                years_min=r.years_min,
                years_max=r.years_max,
                education=r.education,
                entry_points=r.entry_points,
                kpis=r.kpis,
                focus_manufacturing=r.focus_manufacturing,
                focus_services=r.focus_services,
                focus_technology=r.focus_technology,
                sources=r.sources,
                onet_derived=r.onet_derived,
            )
        Role.objects.bulk_create(new_roles.values())
        leads = Role.leads_to.through
        reports = Role.reports_to.through
        leads.objects.bulk_create(
            leads(from_role=new_roles[r.pk], to_role=new_roles[n.pk])
            for r in roles
            for n in r.leads_to.all()
        )
        reports.objects.bulk_create(
            reports(from_role=new_roles[r.pk], to_role=new_roles[n.pk])
            for r in roles
            for n in r.reports_to.all()
        )
        RoleSkill.objects.bulk_create(
            RoleSkill(role=new_roles[r.pk], skill=new_skills[rs.skill_id], level=rs.level)
            for r in roles
            for rs in r.role_skills.all()
        )
        figures = [
            SalaryFigure(
                role=new_roles[r.pk],
                occupation_code=f.occupation_code,
                occupation_title=f.occupation_title,
                code_match=f.code_match,
                code_note=f.code_note,
                statistic=f.statistic,
                amount=f.amount,
                currency=f.currency,
                region=f.region,
                source_name=f.source_name,
                source_url=f.source_url,
                reference_year=f.reference_year,
                verified=f.verified,
                note=f.note,
            )
            for r in roles
            for f in r.salary_figures.all()
        ]
        SalaryFigure.objects.bulk_create(figures)

        new_certs = {}
        for c in certs:
            new_certs[c.pk] = Certification(
                acronym=f"{c.acronym}{i}"[:20],
                name=f"{c.name} {i}",
                slug=c.slug + suffix,
                issuer_id=c.issuer_id,
                focus=c.focus,
                audience=c.audience,
                eligibility=c.eligibility,
                exam_parts=c.exam_parts,
                exam_questions=c.exam_questions,
                exam_minutes=c.exam_minutes,
                exam_format=c.exam_format,
                cost_member=c.cost_member,
                cost_nonmember=c.cost_nonmember,
                currency=c.currency,
                cost_note=c.cost_note,
                validity_years=c.validity_years,
                renewal=c.renewal,
                tiers=c.tiers,
                official_url=c.official_url,
                verified_on=c.verified_on,
                sources=c.sources,
                unverified=c.unverified,
            )
        Certification.objects.bulk_create(new_certs.values())
        cert_roles = Certification.roles.through
        cert_roles.objects.bulk_create(
            cert_roles(certification=new_certs[c.pk], role=target)
            for c in certs
            for r in c.roles.all()
            for target in (r, new_roles[r.pk])
        )

        new_guides = {}
        for g in guides:
            new_guides[g.pk] = Guide(
                title=f"{g.title} {i}",
                slug=g.slug + suffix,
                summary=g.summary,
                body=g.body,
                body_html=g.body_html,
                toc=g.toc,
                reading_minutes=g.reading_minutes,
                published=g.published,
                updated=g.updated,
            )
        Guide.objects.bulk_create(new_guides.values())
        guide_roles, guide_certs = Guide.roles.through, Guide.certifications.through
        guide_roles.objects.bulk_create(
            guide_roles(guide=new_guides[g.pk], role=target)
            for g in guides
            for r in g.roles.all()
            for target in (r, new_roles[r.pk])
        )
        guide_certs.objects.bulk_create(
            guide_certs(guide=new_guides[g.pk], certification=new_certs[c.pk])
            for g in guides
            for c in g.certifications.all()
        )

        new_faqs = {}
        for f in faqs:
            new_faqs[f.pk] = FAQ(
                question=f"{f.question} ({i})",
                slug=f.slug + suffix,
                answer=f.answer,
                answer_html=f.answer_html,
                category=f.category,
                order=f.order + 100 * i,
                published=f.published,
            )
        FAQ.objects.bulk_create(new_faqs.values())
        faq_roles, faq_guides = FAQ.roles.through, FAQ.guides.through
        faq_roles.objects.bulk_create(
            faq_roles(faq=new_faqs[f.pk], role=target)
            for f in faqs
            for r in f.roles.all()
            for target in (r, new_roles[r.pk])
        )
        faq_guides.objects.bulk_create(
            faq_guides(faq=new_faqs[f.pk], guide=new_guides[g.pk])
            for f in faqs
            for g in f.guides.all()
        )

        added["roles"] += len(new_roles)
        added["skills"] += len(new_skills)
        added["salaries"] += len(figures)
        added["certifications"] += len(new_certs)
        added["faqs"] += len(new_faqs)
        added["guides"] += len(new_guides)
    return added
