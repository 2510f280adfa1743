"""/data/: what the API offers, with examples, and the CSV downloads."""

from django.http import HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.views.decorators.http import require_safe

from certifications.selectors import catalogue
from common.http import published, query_params

from . import downloads, selectors
from .pagination import MAX_PAGE_SIZE


@require_safe
@query_params()
@published()
def data_page(request):
    context = {
        "max_page_size": MAX_PAGE_SIZE,
        "breadcrumbs": [("Open data", reverse("data:index"))],
    }
    return render(request, "api/data.html", context)


def _download(text: str, filename: str) -> HttpResponse:
    response = HttpResponse(text, content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


@require_safe
def pay_download(request):
    return _download(downloads.pay_csv(selectors.pay_table()), "careerpath-roles-pay.csv")


@require_safe
def certifications_download(request):
    return _download(downloads.certifications_csv(catalogue()), "careerpath-certifications.csv")
