"""Certification catalogue (with the fit finder), detail pages and the comparison."""

from urllib.parse import urlencode

from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.views.decorators.http import require_safe
from django.views.decorators.vary import vary_on_headers

from common.http import wants_fragment
from roles.models import Tier

from . import selectors
from .catalogue import filter_catalogue, issuers
from .compare import MAX_COMPARED, comparison_rows
from .facts import validity
from .fit import Growth, rank_for
from .forms import CatalogueFilterForm, CompareForm, FitFinderForm
from .models import Certification

FITS_SHOWN = 5


def _page(request, template, context, *, partial=None, bad_request=False):
    """The whole page, or only `partial` for htmx; 400 when the query string was not usable.

    A history restore (back button with htmx's cache off) asks for the whole page again.
    """
    if partial and wants_fragment(request):
        template = f"{template}#{partial}"
    return render(request, template, context, status=400 if bad_request else 200)


def _catalogue_crumb() -> tuple[str, str]:
    return ("Certifications", reverse("certifications:index"))


def compare_url(slugs, *, differences_only=False) -> str:
    query = [("c", slug) for slug in slugs]
    if differences_only:
        query.append(("diff", "1"))
    return f"{reverse('certifications:compare')}?{urlencode(query)}"


def credential_json_ld(cert: Certification, url: str) -> dict:
    """schema.org EducationalOccupationalCredential for one certification."""
    data = {
        "@context": "https://schema.org",
        "@type": "EducationalOccupationalCredential",
        "name": cert.name,
        "alternateName": cert.acronym,
        "description": cert.audience,
        "url": url,
        "sameAs": cert.official_url,
        "credentialCategory": "certification",
        "competencyRequired": cert.eligibility,
        "recognizedBy": {
            "@type": "Organization",
            "name": cert.issuer.name,
            "url": cert.issuer.url,
        },
    }
    if cert.validity_years:
        data["validFor"] = f"P{cert.validity_years}Y"
    return data


@require_safe
@vary_on_headers("HX-Request")
def catalogue(request):
    certifications = selectors.catalogue()
    filters = CatalogueFilterForm(request.GET, issuers=issuers(certifications))
    fit_form = FitFinderForm.from_query(request.GET)
    answers = fit_form.answers()
    fits = []
    if answers:
        tier_years = selectors.typical_experience()
        fits = rank_for(certifications, **answers, tier_years=tier_years)[:FITS_SHOWN]
    filtered = filters.is_valid()
    context = {
        "filters": filters,
        "fit_form": fit_form,
        "certifications": (
            filter_catalogue(certifications, **filters.cleaned_data) if filtered else []
        ),
        "total": len(certifications),
        "kept_filters": filters.filters() if filtered else {},
        "kept_answers": answers,
        "fits": fits,
        "fit_answer": {
            "tier": Tier(answers["tier"]).label,
            "grow": Growth(answers["grow"]).label,
        }
        if answers
        else {},
        "compare_fits_url": compare_url(f.certification.slug for f in fits[:3]) if fits else "",
        "breadcrumbs": [_catalogue_crumb()],
    }
    partial = "fit" if request.htmx.target == "fit-results" else "list"
    return _page(
        request,
        "certifications/index.html",
        context,
        partial=partial,
        bad_request=bool(filters.errors or fit_form.errors),
    )


@require_safe
def certification_detail(request, slug):
    cert = get_object_or_404(selectors.profiles(), slug=slug)
    others = selectors.compare_options(cert)
    closest = next((o for o in others if o.focus == cert.focus), others[0] if others else None)
    context = {
        "certification": cert,
        "validity": validity(cert),
        "others": others,
        "closest": closest,
        "closest_url": compare_url([cert.slug, closest.slug]) if closest else "",
        "breadcrumbs": [_catalogue_crumb(), (cert.acronym, cert.get_absolute_url())],
        "structured_data": credential_json_ld(
            cert, request.build_absolute_uri(cert.get_absolute_url())
        ),
    }
    return render(request, "certifications/detail.html", context)


@require_safe
@vary_on_headers("HX-Request")
def compare(request):
    known = {c.slug: c for c in selectors.catalogue()}
    form = CompareForm(request.GET, known=known)
    form.is_valid()
    differences_only = bool(form.cleaned_data.get("diff"))
    chosen = selectors.with_roles(form.chosen) if form.ready else []
    slugs = [c.slug for c in form.chosen]
    context = {
        "form": form,
        "certifications": chosen,
        "columns": [
            {
                "cert": cert,
                "validity": validity(cert),
                "remove_url": compare_url(
                    [s for s in slugs if s != cert.slug], differences_only=differences_only
                ),
            }
            for cert in chosen
        ],
        "rows": (comparison_rows(chosen, differences_only=differences_only) if chosen else []),
        "differences_only": differences_only,
        "slugs": slugs,
        "addable": [c for c in known.values() if c not in chosen]
        if len(chosen) < MAX_COMPARED
        else [],
        "options": list(known.values()),
        "ticked": set(slugs),
        "canonical_query": urlencode([("c", s) for s in sorted(slugs)]) if chosen else "",
        "breadcrumbs": [_catalogue_crumb(), ("Compare", reverse("certifications:compare"))],
    }
    return _page(
        request,
        "certifications/compare.html",
        context,
        partial="comparison",
        bad_request=bool(form.errors or form.notes),
    )
