"""schema.org JSON-LD and breadcrumbs, built from the same objects the page shows."""

import json

from django import template
from django.utils.html import format_html
from django.utils.safestring import mark_safe

register = template.Library()

# The same escapes Django's json_script uses, so the JSON cannot close the <script> element.
_ESCAPES = {ord(">"): "\\u003E", ord("<"): "\\u003C", ord("&"): "\\u0026"}


@register.simple_tag(takes_context=True)
def json_ld(context, data):
    if not data:
        return ""
    text = json.dumps(data, default=str, ensure_ascii=False).translate(_ESCAPES)
    nonce = context.get("csp_nonce")
    return format_html(
        '<script type="application/ld+json" nonce="{}">{}</script>', nonce or "", mark_safe(text)
    )


@register.simple_tag(takes_context=True)
def breadcrumb_list(context, breadcrumbs):
    """BreadcrumbList for a trail of (label, url) pairs; the home page comes first."""
    request = context["request"]
    items = [("Home", "/"), *breadcrumbs]
    return json_ld(
        context,
        {
            "@context": "https://schema.org",
            "@type": "BreadcrumbList",
            "itemListElement": [
                {
                    "@type": "ListItem",
                    "position": i,
                    "name": str(label),
                    "item": request.build_absolute_uri(url),
                }
                for i, (label, url) in enumerate(items, start=1)
            ],
        },
    )
