"""Error pages in the site's look. The 500 page renders without the database."""

from django.http import HttpResponseServerError
from django.shortcuts import render
from django.template import loader


def bad_request(request, exception=None):
    # Only requests Django itself refuses get here (a Host not served, too many fields, a
    # refused admin lookup); their text names settings and internals, so it is never shown.
    # Views that refuse a query string render their own message with their own page.
    return render(request, "400.html", status=400)


def permission_denied(request, exception=None):
    return render(request, "403.html", status=403)


def csrf_failure(request, reason=""):
    """A form sent without its security token (often a page left open too long)."""
    return render(request, "403_csrf.html", status=403)


def page_not_found(request, exception=None):
    return render(request, "404.html", {"path": request.path}, status=404)


def server_error(request):
    # No request context: context processors might need the database that just failed.
    return HttpResponseServerError(loader.get_template("500.html").render())
