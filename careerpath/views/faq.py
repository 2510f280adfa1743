"""The FAQ page: guides' questions, filtered by the site search so the filter forgives typos
and knows synonyms exactly as the search page does (one matching rule)."""

from django.views.decorators.http import require_safe

from common.htmx import render_page, vary_on_htmx
from common.http import published, query_params
from common.pagination import BadPage, page_number
from common.urls import reverse
from guides.views import faq_page_data

from .. import search as site_search


@require_safe
@vary_on_htmx
@query_params("q", "page")
@published()
def faq(request):
    context = {"breadcrumbs": [("FAQ", reverse("guides:faq"))]}
    try:
        page = page_number(request.GET.get("page"))
        faqs = site_search.faq_list(request.GET.get("q"), page=page)
    except BadPage as bad:
        context["page_error"] = str(bad)
        return render_page(request, "guides/faq.html", context, partial="faq-list", status=400)
    context |= {"faq_list": faqs, "faq_page_data": faq_page_data(faqs.faqs)}
    return render_page(request, "guides/faq.html", context, partial="faq-list")
