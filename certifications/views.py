"""Certification catalogue, detail pages and the comparison."""

from django.shortcuts import get_object_or_404, render
from django.views.decorators.http import require_safe

from .models import Certification


@require_safe
def catalogue(request):
    certifications = Certification.objects.select_related("issuer")
    return render(request, "certifications/index.html", {"certifications": certifications})


@require_safe
def certification_detail(request, slug):
    cert = get_object_or_404(Certification.objects.select_related("issuer"), slug=slug)
    return render(request, "certifications/detail.html", {"certification": cert})


@require_safe
def compare(request):
    return render(request, "certifications/compare.html", {})
