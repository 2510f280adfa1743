"""The FAQ page: guides' questions, filtered by the site search so the filter forgives typos
and knows synonyms exactly as the search page does (one matching rule)."""

from django.urls import reverse
from django.views.decorators.http import require_safe

from common.htmx import render_page, vary_on_htmx
from common.http import query_params
from guides import selectors as guide_selectors
from guides.views import faq_page_data

from .. import search as site_search


@require_safe
@vary_on_htmx
@query_params("q")
def faq(request):
    found = site_search.search(request.GET.get("q"), per_group=None, kinds=["faqs"])
    matched = guide_selectors.FAQFilter(
        query=found.query,
        terms=found.terms,
        slugs=frozenset(hit.entry.slug for group in found.groups for hit in group.hits),
        truncated=found.truncated,
    )
    faqs = guide_selectors.faq_list(matched)
    context = {
        "faq_list": faqs,
        "faq_page_data": faq_page_data(faqs.faqs),
        "breadcrumbs": [("FAQ", reverse("guides:faq"))],
    }
    return render_page(request, "guides/faq.html", context, partial="faq-list")
