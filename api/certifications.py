"""Certifications: the catalogue with its filters, one certification, and a comparison.

The filters and the comparison's rules are the pages' own forms, so the API accepts and
refuses exactly what the pages do, with the same messages."""

from django.http import QueryDict
from django.shortcuts import get_object_or_404
from ninja import Field, Query, Router, Schema

from certifications import selectors
from certifications.compare import MAX_COMPARED, MIN_COMPARED, comparison_rows
from certifications.forms import CatalogueFilterForm, CompareForm
from certifications.models import Focus
from roles.models import Tier

from . import schemas, serializers
from .errors import SLUG_PATTERN, SLUG_SCHEMA, ApiError, Problem, found, not_found
from .pagination import PageQuery, paginate

router = Router(tags=["certifications"])


# The choices are listed in the OpenAPI document; the pages' form checks them, so the API
# refuses a wrong one with the page's message. Empty means any, as on the page.
class CatalogueQuery(PageQuery):
    focus: str | None = Field(
        None, description="A focus area.", json_schema_extra={"enum": ["", *Focus.values]}
    )
    suits: str | None = Field(
        None, description="Roles at this tier.", json_schema_extra={"enum": ["", *Tier.values]}
    )
    issuer: str | None = Field(
        None,
        description="The issuing organisation's slug, e.g. ascm.",
        json_schema_extra={"pattern": f"^$|{SLUG_PATTERN}", "maxLength": 120},
    )


class CompareQuery(Schema):
    c: list[str] = Field(
        description=f"Certification slugs, {MIN_COMPARED} to {MAX_COMPARED}: ?c=cpim&c=cscp",
        json_schema_extra={
            "minItems": MIN_COMPARED,
            "maxItems": MAX_COMPARED,
            "uniqueItems": True,
            "items": {"type": "string", **SLUG_SCHEMA},
        },
    )
    differences_only: bool = Field(False, description="Only the rows that differ.")


def _form_problems(form) -> ApiError:
    errors = [
        {"parameter": "c" if name == "__all__" else name, "message": message}
        for name, messages in form.errors.items()
        for message in messages
    ]
    return ApiError(400, " ".join(e["message"] for e in errors), errors)


@router.get(
    "/certifications",
    response={200: schemas.CertificationList, 400: Problem, 404: Problem},
    url_name="certifications",
    operation_id="list_certifications",
    summary="The certification catalogue, optionally filtered by focus, tier and issuer",
)
def certification_list(request, query: Query[CatalogueQuery]):
    filters = QueryDict(mutable=True)
    for name in ("focus", "suits", "issuer"):
        if getattr(query, name):
            filters[name] = getattr(query, name)
    read = selectors.catalogue_read(
        **CatalogueFilterForm.asked(filters) | {"page": query.page}, per_page=query.page_size
    )
    if query.issuer and query.issuer not in {org.slug for org in read.issuers}:
        raise not_found("issuer", query.issuer)
    form = CatalogueFilterForm(filters, issuers=read.issuers)
    if not form.is_valid():
        raise _form_problems(form)
    return paginate(request, read.page, query, serializers.certification_summary)


@router.get(
    "/certifications/compare",
    response={200: schemas.Comparison, 400: Problem, 404: Problem},
    url_name="compare",
    operation_id="compare_certifications",
    summary=f"{MIN_COMPARED} to {MAX_COMPARED} certifications side by side",
)
def compare(request, query: Query[CompareQuery]):
    c, differences_only = query.c, query.differences_only
    known = {cert.slug: cert for cert in selectors.catalogue()}
    unknown = [slug for slug in c if slug.strip() and slug.strip() not in known]
    if unknown:
        raise not_found("certification", unknown[0])
    query = QueryDict(mutable=True)
    query.setlist("c", c)
    form = CompareForm(query, known=known)
    if not form.is_valid() or not form.ready:
        if form.errors:
            raise _form_problems(form)
        raise ApiError(400, "Choose at least two certifications to compare.")
    chosen = selectors.with_roles(form.chosen)
    slugs = "&".join(f"c={cert.slug}" for cert in chosen)
    return {
        "certifications": [serializers.certification_detail(cert) for cert in chosen],
        "rows": [
            {"key": row.key, "label": row.label, "differs": row.differs}
            for row in comparison_rows(chosen, differences_only=differences_only)
        ],
        "notes": form.notes,
        "page": f"/certifications/compare/?{slugs}",
    }


@router.get(
    "/certifications/{slug}",
    response={200: schemas.CertificationDetail, 404: Problem},
    url_name="certification",
    operation_id="get_certification",
    summary="One certification: eligibility, exam, cost, validity, roles and sources",
)
def certification_detail(request, slug: str):
    cert = found("certification", slug, lambda s: get_object_or_404(selectors.profiles(), slug=s))
    return serializers.certification_detail(cert)
