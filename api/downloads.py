"""The CSV files offered on /data/: one row per pay figure, one row per certification, every
row with its source and edition, so a figure never travels without them."""

import csv
import io

from roles.models import Statistic

PAY_COLUMNS = [
    "role_slug",
    "role_title",
    "tier",
    "rank",
    "statistic",
    "amount",
    "currency",
    "region",
    "occupation_code",
    "occupation_title",
    "code_match",
    "source_name",
    "source_url",
    "reference_year",
    "edition",
    "industry",
    "verified",
    "checked_on",
    "note",
]

CERTIFICATION_COLUMNS = [
    "slug",
    "acronym",
    "name",
    "issuer",
    "focus",
    "tiers",
    "exam_parts",
    "exam_questions",
    "exam_minutes",
    "min_experience_years",
    "no_prerequisite",
    "cost_member",
    "cost_nonmember",
    "currency",
    "validity_years",
    "lifetime",
    "official_url",
    "verified_on",
    "sources",
    "source_urls",
    "source_dates",
    "unverified",
]


def _csv(columns, rows) -> str:
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=columns, lineterminator="\r\n")
    writer.writeheader()
    for row in rows:
        writer.writerow({k: _safe(v) for k, v in row.items()})
    return out.getvalue()


def _safe(value):
    """Text a spreadsheet would run as a formula is prefixed with an apostrophe."""
    if isinstance(value, str) and value[:1] in ("=", "+", "-", "@", "\t", "\r"):
        return "'" + value
    return "" if value is None else value


def pay_csv(figures) -> str:
    return _csv(
        PAY_COLUMNS,
        (
            {
                "role_slug": f.role.slug,
                "role_title": f.role.title,
                "tier": f.role.tier,
                "rank": f.role.rank,
                "statistic": Statistic(f.statistic).value,
                "amount": int(f.amount),
                "currency": f.currency,
                "region": f.region,
                "occupation_code": f.occupation_code,
                "occupation_title": f.occupation_title,
                "code_match": f.code_match,
                "source_name": f.source_name,
                "source_url": f.source_url,
                "reference_year": f.reference_year,
                "edition": f.edition,
                "industry": f.industry,
                "verified": "yes" if f.verified else "no",
                "checked_on": f.checked_on.isoformat() if f.checked_on else "",
                "note": f.note,
            }
            for f in figures
        ),
    )


def certifications_csv(certifications) -> str:
    def sources(cert, key):
        return " | ".join(str(s.get(key) or "") for s in cert.sources or [])

    return _csv(
        CERTIFICATION_COLUMNS,
        (
            {
                "slug": c.slug,
                "acronym": c.acronym,
                "name": c.name,
                "issuer": c.issuer.name,
                "focus": c.focus,
                "tiers": " ".join(c.tiers),
                "exam_parts": c.exam_parts,
                "exam_questions": c.exam_questions,
                "exam_minutes": c.exam_minutes,
                "min_experience_years": c.min_experience_years,
                "no_prerequisite": "yes" if c.no_prerequisite else "no",
                "cost_member": None if c.cost_member is None else int(c.cost_member),
                "cost_nonmember": None if c.cost_nonmember is None else int(c.cost_nonmember),
                "currency": c.currency,
                "validity_years": c.validity_years,
                "lifetime": "yes" if c.lifetime else "no",
                "official_url": c.official_url,
                "verified_on": c.verified_on.isoformat(),
                "sources": sources(c, "title"),
                "source_urls": sources(c, "url"),
                "source_dates": sources(c, "date"),
                "unverified": c.unverified,
            }
            for c in certifications
        ),
    )
