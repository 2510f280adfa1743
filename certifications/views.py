"""Certification catalogue (with the fit finder), detail pages and the comparison."""

from dataclasses import replace
from urllib.parse import urlencode

from django.shortcuts import get_object_or_404, render
from django.utils.safestring import mark_safe
from django.views.decorators.http import require_safe

from common.htmx import render_page, vary_on_htmx
from common.http import published, query_params
from common.pagination import PICKER_LIMIT, PageOutOfRange, paginate
from common.urls import reverse
from roles import selectors as role_selectors
from roles.models import Industry, Tier

from . import selectors, stored_parts
from .catalogue import CATALOGUE_FACETS, CATALOGUE_PAGE_SIZE
from .compare import MAX_COMPARED, MIN_COMPARED, comparison_rows, rows_differing
from .facts import validity
from .fit import Growth, rank_for, typical_years
from .forms import CatalogueFilterForm, CompareForm, FitFinderForm
from .models import Certification

FITS_SHOWN = 5
LATER_SHOWN = 3  # the best of those possible later, so the page says when they open up


# The catalogue's two forms swap different parts: the fit finder its results, the filters the list.
CATALOGUE_PARTIALS = {"fit-results": "fit", None: "list"}


def _catalogue_crumb() -> tuple[str, str]:
    return ("Certifications", reverse("certifications:index"))


def compare_url(slugs, *, differences_only=False, picking=False) -> str:
    query = [("c", slug) for slug in slugs]
    if differences_only:
        query.append(("diff", "1"))
    if picking:
        query.append(("pick", "1"))
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
@vary_on_htmx(targets=CATALOGUE_PARTIALS)
@query_params("focus", "suits", "issuer", "page", "tier", "grow", "target", "industry", "years")
@published(*CATALOGUE_FACETS)
def catalogue(request):
    # More roles than a list holds: the target is typed by name, and the years each tier
    # starts from are counted over all of them.
    roles = role_selectors.role_choices(limit=PICKER_LIMIT + 1)
    by_name = len(roles) > PICKER_LIMIT
    if by_name:
        named = role_selectors.role_named(request.GET.get("target", ""))
        roles = [named] if named else []
    fit_form = FitFinderForm.from_query(request.GET, roles=roles, by_name=by_name)
    answers = fit_form.answers()
    read = selectors.catalogue_read(
        **CatalogueFilterForm.asked(request.GET),
        per_page=CATALOGUE_PAGE_SIZE,
        fit_candidates=max(FITS_SHOWN, LATER_SHOWN) if answers else 0,
    )
    filters = CatalogueFilterForm(request.GET, issuers=read.issuers)
    target = fit_form.target_role
    fits = []
    if answers:
        fits = rank_for(
            read.fit_candidates,
            tier=answers["tier"],
            grow=answers["grow"],
            tier_years=selectors.typical_experience() if by_name else typical_years(roles),
            years=answers.get("years"),
            target_tier=target.tier if target else "",
            industry=answers.get("industry", ""),
        )
    pager = None
    if filters.is_valid():
        try:
            pager = paginate(
                read.page,
                filters.cleaned_data["page"],
                CATALOGUE_PAGE_SIZE,
                kept={**filters.filters(), **answers},
            )
        except PageOutOfRange as past_the_end:
            filters.add_error("page", str(past_the_end))
    listed = pager.page.object_list if pager else []
    fits_now = [f for f in fits if f.now][:FITS_SHOWN]
    fits_later = [f for f in fits if not f.now][:LATER_SHOWN]
    shown = [*listed, *(f.certification for f in fits_now + fits_later)]
    stored = stored_parts.listed_parts([c.slug for c in shown]) or {}
    context = {
        "filters": filters,
        "fit_form": fit_form,
        "certifications": listed,
        # Each with its parts as stored rendered, or None: the template renders them then.
        "cards": [(c, stored.get(c.slug, {}).get("card")) for c in listed],
        "pager": pager,
        "total": read.everyone,
        "kept_filters": filters.filters() if pager else {},
        "kept_answers": answers,
        "fits": [(f, stored.get(f.certification.slug)) for f in fits_now],
        "fits_later": [(f, stored.get(f.certification.slug)) for f in fits_later],
        "fit_answer": {
            "tier": Tier(answers["tier"]).label,
            "grow": Growth(answers["grow"]).label,
            "target": target,
            "years": answers.get("years"),
            "industry": Industry(answers["industry"]).label if answers.get("industry") else "",
        }
        if answers
        else {},
        "compare_fits_url": compare_url(f.certification.slug for f in fits[:3]) if fits else "",
        "breadcrumbs": [_catalogue_crumb()],
    }
    return render_page(
        request,
        "certifications/index.html",
        context,
        partial=CATALOGUE_PARTIALS,
        status=400 if filters.errors or fit_form.errors else 200,
    )


@require_safe
@query_params()
@published()
def certification_detail(request, slug):
    cert = get_object_or_404(selectors.profiles(), slug=slug)
    # Past a list's size, the one to compare with is typed by its acronym.
    others, closest = selectors.compare_options(cert, PICKER_LIMIT + 1)
    context = {
        "certification": cert,
        "validity": validity(cert),
        "others": others,
        "by_name": len(others) > PICKER_LIMIT,
        "closest": closest,
        "closest_url": compare_url([cert.slug, closest.slug]) if closest else "",
        "breadcrumbs": [_catalogue_crumb(), (cert.acronym, cert.get_absolute_url())],
        "structured_data": credential_json_ld(
            cert, request.build_absolute_uri(cert.get_absolute_url())
        ),
    }
    return render(request, "certifications/detail.html", context)


@require_safe
@vary_on_htmx
@query_params("c", "diff", "pick")
def compare(request):
    known, by_name, stored_options = _comparable(request.GET.getlist("c"))
    form = CompareForm(request.GET, known=known)
    form.is_valid()
    differences_only = bool(form.cleaned_data.get("diff"))
    slugs = [c.slug for c in form.chosen]
    chosen, rows, built = _compared(
        form.chosen if form.ready else [], differences_only, stored_options
    )
    context = {
        "form": form,
        "certifications": chosen,
        "columns": [
            {
                "cert": cert,
                "validity": validity(cert) if built else "",  # stored cells carry their own
                # Removing one of a pair leaves the picker with the other one chosen.
                "remove_url": compare_url(
                    [s for s in slugs if s != cert.slug],
                    differences_only=differences_only,
                    picking=len(slugs) <= MIN_COMPARED,
                ),
            }
            for cert in chosen
        ],
        "rows": rows,
        "differences_only": differences_only,
        "slugs": slugs,
        "by_name": by_name,
        # (slug, label) for the add list's options.
        "addable": [
            (c.slug, f"{c.acronym} – {c.name}") for c in known.values() if c.slug not in slugs
        ]
        if len(chosen) < MAX_COMPARED and not by_name
        else [],
        "can_add": len(chosen) < MAX_COMPARED,
        "options": [] if by_name else list(known.values()),
        # Typed names come back as typed, in the picker's four fields.
        "typed": [*request.GET.getlist("c")[:MAX_COMPARED], *[""] * MAX_COMPARED][:MAX_COMPARED],
        "ticked": set(slugs),
        "still_picking": form.chosen if not chosen and form.cleaned_data.get("pick") else [],
        "canonical_query": urlencode([("c", s) for s in sorted(slugs)]) if chosen else "",
        "breadcrumbs": [_catalogue_crumb(), ("Compare", reverse("certifications:compare"))],
    }
    return render_page(
        request,
        "certifications/compare.html",
        context,
        partial="comparison",
        status=400 if form.errors or form.notes else 200,
    )


def _comparable(asked: list[str]) -> tuple[dict, bool, list | None]:
    """The certifications a comparison may name, by what names them; whether they are typed by
    name (past a list's size: then only those `asked` for are read, by slug or acronym); and
    the stored list of certifications, None when none is stored (stored_parts.py)."""
    limit = PICKER_LIMIT
    stored_options = stored_parts.options(limit=limit + 1)
    listed = stored_options if stored_options is not None else selectors.comparable(limit + 1)
    if len(listed) <= limit:
        return {c.slug: c for c in listed}, False, stored_options
    # Enough to hold every answer the form can accept, and to name what it cannot.
    asked = asked[: MAX_COMPARED * 4]
    if stored_options is not None:
        return stored_parts.options_named(asked), True, stored_options
    return selectors.comparable_named(asked), True, None


def _compared(chosen: list, differences_only: bool, stored_options) -> tuple[list, list, bool]:
    """The certifications compared, the rows of the table, and whether the cells are to be
    built: each row has its cells as stored rendered when they are (stored_parts.py)."""
    if not chosen:
        return [], [], True
    stored = (
        stored_parts.compared_parts([c.slug for c in chosen])
        if stored_options is not None
        else None
    )
    if stored is None:
        if stored_options is not None:  # the next version was stored in between: read the content
            chosen = selectors.comparable_in_order([c.slug for c in chosen])
        chosen = selectors.with_roles(chosen)
        return chosen, comparison_rows(chosen, differences_only=differences_only), True
    columns = [stored[c.slug] for c in chosen]
    rows = rows_differing([column["values"] for column in columns], differences_only)
    cells = [
        replace(row, cells=mark_safe("".join(column["cells"][row.key] for column in columns)))  # noqa: S308
        for row in rows
    ]
    return chosen, cells, False
