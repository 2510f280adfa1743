"""Models and the selectors' results as plain data shaped like the schemas in schemas.py."""

from certifications.facts import validity
from common.urls import reverse
from roles.models import Statistic

ONET_ATTRIBUTION = {
    "text": (
        "This profile includes information from O*NET by the U.S. Department of Labor, "
        "Employment and Training Administration (USDOL/ETA). Used under the CC BY 4.0 license. "
        "O*NET® is a trademark of USDOL/ETA. CareerPath has modified all or some of this "
        "information; USDOL/ETA has not approved, endorsed, or tested these modifications."
    ),
    "license": "CC BY 4.0",
    "license_url": "https://creativecommons.org/licenses/by/4.0/",
    "source_url": "https://www.onetcenter.org/database.html",
}


def api_url(name: str, **kwargs) -> str:
    """The API's URL of `name`: its one argument (a slug) is passed by position, so the URL is
    remembered (common.urls)."""
    return reverse(f"api-v1:{name}", args=tuple(kwargs.values()))


def pay_figure(figure) -> dict | None:
    if figure is None:
        return None
    return {
        "statistic": figure.statistic,
        "statistic_label": Statistic(figure.statistic).label,
        "amount": int(figure.amount),
        "currency": figure.currency,
        "region": figure.region,
        "occupation_code": figure.occupation_code,
        "occupation_title": figure.occupation_title,
        "code_match": figure.code_match,
        "code_note": figure.code_note,
        "source_name": figure.source_name,
        "source_url": figure.source_url or None,
        "reference_year": figure.reference_year,
        "edition": figure.edition,
        "industry": figure.industry or None,
        "verified": figure.verified,
        "checked_on": figure.checked_on,
        "rung_note": figure.rung_note,
        "note": figure.note,
    }


def projection(item) -> dict:
    return {
        "occupation_code": item.occupation_code,
        "occupation_title": item.occupation_title,
        "start_year": item.start_year,
        "end_year": item.end_year,
        "edition": item.edition,
        "growth_percent": float(item.growth_percent),
        "source_name": item.source_name,
        "source_url": item.source_url or None,
        "verified": item.verified,
        "note": item.note,
    }


def sources(items) -> list[dict]:
    return [
        {"title": s.get("title", ""), "url": s.get("url") or None, "date": str(s.get("date", ""))}
        for s in items or []
    ]


def role_summary(role) -> dict:
    """A role from roles.selectors.ladder_rungs (median and next rungs already loaded)."""
    return {
        "slug": role.slug,
        "title": role.title,
        "tier": role.tier,
        "rank": role.rank,
        "headline": role.headline,
        "median_pay": pay_figure(role.median),
        "leads_to": [r.slug for r in role.leads_to.all()],
        "href": api_url("role", slug=role.slug),
        "page": role.get_absolute_url(),
    }


def role_link(role) -> dict:
    return {
        "slug": role.slug,
        "title": role.title,
        "href": api_url("role", slug=role.slug),
        "page": role.get_absolute_url(),
    }


def certification_link(cert) -> dict:
    return {
        "slug": cert.slug,
        "acronym": cert.acronym,
        "name": cert.name,
        "href": api_url("certification", slug=cert.slug),
        "page": cert.get_absolute_url(),
    }


def certification_summary(cert) -> dict:
    issuer = cert.issuer
    return {
        "slug": cert.slug,
        "acronym": cert.acronym,
        "name": cert.name,
        "issuer": {
            "slug": issuer.slug,
            "name": issuer.name,
            "abbreviation": issuer.abbreviation,
            "url": issuer.url,
        },
        "focus": cert.focus,
        "focus_label": cert.get_focus_display(),
        "tiers": cert.tiers,
        "verified_on": cert.verified_on,
        "href": api_url("certification", slug=cert.slug),
        "page": cert.get_absolute_url(),
    }


def certification_detail(cert) -> dict:
    """A certification with its roles prefetched (certifications.selectors.profiles)."""
    return {
        **certification_summary(cert),
        "audience": cert.audience,
        "eligibility": cert.eligibility,
        "exam": {
            "parts": cert.exam_parts,
            "questions": cert.exam_questions,
            "minutes": cert.exam_minutes,
            "format": cert.exam_format,
        },
        "cost": {
            "member": _whole(cert.cost_member),
            "nonmember": _whole(cert.cost_nonmember),
            "currency": cert.currency,
            "note": cert.cost_note,
            "total": _whole(cert.cost_total),
            "total_note": cert.cost_total_note,
        },
        "study_hours": cert.study_hours,
        "pass_rate": cert.pass_rate,
        "min_experience_years": cert.min_experience_years,
        "no_prerequisite": cert.no_prerequisite,
        "validity_years": cert.validity_years,
        "lifetime": cert.lifetime,
        "validity": validity(cert),
        "renewal": cert.renewal,
        "roles": [role_link(r) for r in cert.roles.all()],
        "official_url": cert.official_url,
        "sources": sources(cert.sources),
        "unverified": cert.unverified,
    }


def _whole(amount) -> int | None:
    return None if amount is None else int(amount)


def faq(item) -> dict:
    return {
        "slug": item.slug,
        "question": item.question,
        "category": item.category,
        "category_label": item.get_category_display(),
        "answer_html": item.answer_html,
        "roles": [r.slug for r in item.roles.all()],
        "guides": [g.slug for g in item.guides.all()],
        "page": item.get_absolute_url(),
    }


def guide_summary(guide) -> dict:
    return {
        "slug": guide.slug,
        "title": guide.title,
        "summary": guide.summary,
        "updated": guide.updated,
        "reading_minutes": guide.reading_minutes,
        "href": api_url("guide", slug=guide.slug),
        "page": guide.get_absolute_url(),
    }


def guide_link(guide) -> dict:
    return {
        "slug": guide.slug,
        "title": guide.title,
        "href": api_url("guide", slug=guide.slug),
        "page": guide.get_absolute_url(),
    }


def guide_detail(guide) -> dict:
    """A guide from guides.selectors.guide_page (roles and certifications prefetched)."""
    return {
        **guide_summary(guide),
        "body_html": guide.body_html,
        "toc": guide.toc,
        "roles": [role_link(r) for r in guide.roles.all()],
        "certifications": [certification_link(c) for c in guide.certifications.all()],
    }
