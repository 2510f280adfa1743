"""The FAQ and the guides."""

from django.shortcuts import get_object_or_404, render
from django.views.decorators.http import require_safe

from .models import FAQ, Guide


@require_safe
def faq(request):
    return render(request, "guides/faq.html", {"faqs": FAQ.objects.published()})


@require_safe
def guide_index(request):
    return render(request, "guides/index.html", {"guides": Guide.objects.published()})


@require_safe
def guide_detail(request, slug):
    guide = get_object_or_404(Guide.objects.visible_to(request.user), slug=slug)
    return render(request, "guides/detail.html", {"guide": guide})
