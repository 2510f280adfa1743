"""The FAQ and the guides."""

from django.shortcuts import redirect, render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.cache import add_never_cache_headers
from django.utils.text import slugify
from django.views.decorators.http import require_safe

from common.htmx import render_list_page, render_page, vary_on_htmx
from common.http import published, query_params
from common.pdf import pdf_response, render_pdf

from . import selectors
from .forms import MAX_MEASURES, UpdateForm, measure_formset
from .update import build_update

PUBLISHER = "CareerPath"


@require_safe
@require_safe
@query_params()
def faq_question(request, slug):
    """A question's permalink: the page of the FAQ that holds it, at its anchor."""
    page = selectors.faq_page_of(slug)
    query = f"?page={page}" if page > 1 else ""
    return redirect(f"{reverse('guides:faq')}{query}#{slug}")


@require_safe
@vary_on_htmx
@query_params("page")
@published()
def guide_index(request):
    def read_page(number):
        pager = selectors.guide_index(number)
        return {"guides": pager.page.object_list, "pager": pager}

    context = {"breadcrumbs": [("Guides", reverse("guides:index"))]}
    return render_list_page(
        request, "guides/index.html", context, partial="guide-list", read_page=read_page
    )


@require_safe
@query_params()
@published()
def guide_detail(request, slug):
    guide = selectors.guide_page(slug, request.user)
    breadcrumbs = [("Guides", reverse("guides:index")), (guide.title, guide.get_absolute_url())]
    context = {
        "guide": guide,
        "breadcrumbs": breadcrumbs,
        "article_data": article_data(request, guide),
    }
    response = render(request, "guides/detail.html", context)
    if not guide.published:
        add_never_cache_headers(response)  # a staff preview must never land in a shared cache
    return response


UPDATE_GUIDE_SLUG = "working-with-senior-management"


def _update_builder(request) -> dict:
    """The builder's forms bound to the query string, and the update they make when valid."""
    submitted = bool(request.GET)
    form = UpdateForm(request.GET if submitted else None)
    measures = measure_formset(request.GET)
    valid = submitted and form.is_valid() and measures.is_valid()
    update = None
    if valid:
        update = build_update(
            measures=[m for m in (f.measure() for f in measures) if m is not None],
            team=form.cleaned_data["team"],
            period=form.cleaned_data["period"],
            written_headline=form.cleaned_data["headline"],
            risks=form.cleaned_data["risks"],
            asks=form.cleaned_data["asks"],
        )
    query = request.GET.copy()
    query.pop("add", None)
    return {
        "form": form,
        "measures": measures,
        "can_add_measure": len(measures.forms) < MAX_MEASURES,
        "max_measures": MAX_MEASURES,
        "invalid": submitted and not valid,
        "update": update,
        "pdf_url": f"{reverse('guides:update-pdf')}?{query.urlencode()}",
        "guide_url": reverse("guides:detail", args=[UPDATE_GUIDE_SLUG]),
    }


def _builder_crumbs() -> list[tuple[str, str]]:
    return [
        ("Guides", reverse("guides:index")),
        ("Working with senior management", reverse("guides:detail", args=[UPDATE_GUIDE_SLUG])),
        ("Update builder", reverse("guides:update")),
    ]


def _keep_private(response):
    """Figures a person typed are theirs: no shared cache, no search engine, no referrer."""
    response["Cache-Control"] = "private, no-store"
    response["X-Robots-Tag"] = "noindex"
    response["Referrer-Policy"] = "no-referrer"
    return response


@require_safe
@vary_on_htmx
def update_builder(request):
    context = _update_builder(request)
    if request.htmx and "add" in request.GET:
        # "Add a measure" grows the form itself, so load the whole page rather than a preview.
        response = render(request, "guides/update.html#preview", context)
        response["HX-Redirect"] = request.get_full_path()
        return _keep_private(response)
    context["breadcrumbs"] = _builder_crumbs()
    status = 400 if context["invalid"] else 200
    response = render_page(request, "guides/update.html", context, partial="preview", status=status)
    # The empty form is a public page like any other; anything typed into it is private.
    return _keep_private(response) if request.GET else response


@require_safe
def update_pdf(request):
    context = _update_builder(request)
    update = context["update"]
    if update is None or update.is_empty:
        context["pdf_problem"] = (
            "There is nothing to put in a PDF yet: fill in at least one measure, risk or "
            "request, then download it again."
            if not context["invalid"]
            else "Correct the entries marked below, then download the PDF again."
        )
        context["breadcrumbs"] = _builder_crumbs()
        return _keep_private(render(request, "guides/update.html", context, status=400))
    html = render_to_string("guides/update_pdf.html", context, request=request)
    name = slugify(f"{update.team} update {update.period}") or "operations-update"
    return _keep_private(pdf_response(render_pdf(html), f"{name}.pdf"))


def faq_page_data(faqs) -> dict | None:
    """schema.org FAQPage for the questions on the page."""
    if not faqs:
        return None
    return {
        "@context": "https://schema.org",
        "@type": "FAQPage",
        "mainEntity": [
            {
                "@type": "Question",
                "name": faq.question,
                "acceptedAnswer": {"@type": "Answer", "text": faq.answer_html},
            }
            for faq in faqs
        ],
    }


def article_data(request, guide) -> dict:
    """schema.org Article for one guide."""
    organization = {
        "@type": "Organization",
        "name": PUBLISHER,
        "url": request.build_absolute_uri("/"),
    }
    return {
        "@context": "https://schema.org",
        "@type": "Article",
        "headline": guide.title,
        "description": guide.summary,
        "dateModified": guide.updated.isoformat(),
        "author": organization,
        "publisher": organization,
        "mainEntityOfPage": request.build_absolute_uri(guide.get_absolute_url()),
    }
