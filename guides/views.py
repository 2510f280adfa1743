"""The FAQ and the guides."""

from django.shortcuts import render
from django.urls import reverse
from django.utils.cache import add_never_cache_headers
from django.views.decorators.http import require_safe

from . import selectors

PUBLISHER = "CareerPath"


@require_safe
def guide_index(request):
    context = {
        "guides": selectors.published_guides(),
        "breadcrumbs": [("Guides", reverse("guides:index"))],
    }
    return render(request, "guides/index.html", context)


@require_safe
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
