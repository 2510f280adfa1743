"""The plan pages: start a plan (`/plan/`), a saved plan under its private link, and the plan
as PDF and JSON. Every page is private: never cached, never indexed, never a referrer."""

import re
from functools import wraps

from django.http import Http404, JsonResponse
from django.shortcuts import redirect, render
from django.template.loader import render_to_string
from django.urls import reverse
from django.views.decorators.http import require_http_methods, require_safe

from common.htmx import render_page, vary_on_htmx, wants_fragment
from common.pdf import pdf_response, render_pdf

from . import exchange, forms, pages, ratelimit, selectors, services
from .models import ActionStatus

TOKEN = re.compile(r"^[A-Za-z0-9_-]{32,64}$")
PLAN_CRUMBS = [("Your plan", "/plan/")]


# Never the path (which holds the token) in a Referer, to anyone. Not "no-referrer": with it,
# browsers send `Origin: null` on a form POST, which Django's CSRF check rightly refuses (and
# over HTTPS it then has no Referer to fall back on), so no plan form could be submitted.
# "strict-origin" sends at most the site's origin, never the address of the plan.
REFERRER_POLICY = "strict-origin"


def private(view):
    """Headers of every plan page: a plan must never land in a shared cache, a search engine
    or another site's logs (the token is in the address)."""

    @wraps(view)
    def wrapped(request, *args, **kwargs):
        response = view(request, *args, **kwargs)
        response["Cache-Control"] = "private, no-store"
        response["X-Robots-Tag"] = "noindex, nofollow"
        response["Referrer-Policy"] = REFERRER_POLICY
        return response

    return wrapped


def refused(request, errors, *, status=400, title="We could not save that", back=None):
    context = {"errors": errors, "title": title, "back": back, "status": status}
    return render(request, "plans/refused.html", context, status=status)


def too_many(request, verdict):
    minutes = max(1, round(verdict.retry_after / 60))
    response = render(
        request,
        "plans/too_many.html",
        {"retry_after": verdict.retry_after, "minutes": minutes, "retry_at": verdict.retry_at},
        status=429,
    )
    response["Retry-After"] = str(verdict.retry_after)
    return response


# --- /plan/ ---------------------------------------------------------------------------------


@private
@vary_on_htmx
@require_http_methods(["GET", "HEAD", "POST"])
def start(request):
    if request.method == "POST":
        if request.POST.get("action") == "import":
            return _import(request)
        return _create(request)
    found = selectors.catalog()
    context = {
        "found": found,
        "chosen": request.GET,
        "years": request.GET.get("years", ""),
        "held": set(request.GET.getlist("cert")),
        "import_form": forms.ImportForm(),
        "deleted": request.GET.get("deleted") == "1",
        "breadcrumbs": PLAN_CRUMBS,
    }
    status = 200
    if "current" in request.GET or "target" in request.GET:
        try:
            data = forms.read_start(request.GET, found)
            data.ratings = forms.read_ratings(request.GET, found)
            context["view"] = selectors.plan_view(data, found, reading=False)
        except forms.BadInput as bad:
            context["errors"], status = bad.errors, 400
    return render_page(request, "plans/start.html", context, partial="summary", status=status)


def _create(request):
    verdict = ratelimit.hit(request, "create")
    if not verdict.allowed:
        return too_many(request, verdict)
    found = selectors.catalog()
    try:
        data = forms.read_start(request.POST, found)
        data.ratings = forms.read_ratings(request.POST, found)
    except forms.BadInput as bad:
        return refused(request, bad.errors, back=reverse("plans:start"))
    _, token = services.plan_create(data=data)
    return redirect(reverse("plans:detail", args=[token]) + "?saved=1")


def _import(request):
    verdict = ratelimit.hit(request, "create")
    if not verdict.allowed:
        return too_many(request, verdict)
    upload = request.FILES.get("plan_file")
    if upload is not None:
        # One byte past the limit is enough to refuse it; never read a large upload whole.
        raw = upload.read(exchange.MAX_BYTES + 1)
    else:
        raw = (request.POST.get("plan_json") or "").encode()
    if not raw.strip():
        return refused(request, ["Import: choose a plan file or paste its JSON."])
    try:
        data = exchange.read_document(raw, selectors.catalog())
    except exchange.ImportRefused as bad:
        return refused(request, bad.errors, title="We could not import that plan")
    _, token = services.plan_create(data=data)
    return redirect(reverse("plans:detail", args=[token]) + "?saved=1")


# --- /plan/<token>/ -----------------------------------------------------------------------


NO_PLAN = "No plan has this link. It may have been deleted."


def _plan_or_404(token):
    plan = selectors.plan_by_token(token) if TOKEN.match(token) else None
    if plan is None:
        raise Http404(NO_PLAN)
    return plan


@private
@vary_on_htmx
@require_http_methods(["GET", "HEAD", "POST"])
def detail(request, token):
    if request.method == "POST":
        if request.POST.get("action") == "status":
            return _set_status(request, token)
        return _update(request, token, _plan_or_404(token))
    if request.GET:  # changing the ratings, or the page after a save with its notice
        plan = _plan_or_404(token)
        services.plan_mark_opened(plan=plan)
        edit = request.GET.get("edit") == "ratings"
        template = "plans/edit.html" if edit else "plans/detail.html"
        return _render_plan(request, token, plan, template=template)
    # The plan's own page, kept between changes (plans/pages.py).
    kept = selectors.kept_page(token) if TOKEN.match(token) else None
    if kept is None:
        raise Http404(NO_PLAN)
    if kept.opened_note_due:
        services.plan_note_opened(plan_id=kept.plan_id)
    return pages.kept_or_built(
        request,
        token,
        kept,
        build=lambda: _render_plan(
            request, token, _plan_or_404(token), content_version=kept.content_version
        ),
    )


UNREAD = object()  # the content version, not read yet


def _render_plan(
    request,
    token,
    plan,
    *,
    template="plans/detail.html",
    status=200,
    extra=None,
    content_version=UNREAD,
):
    """The plan's page; `content_version` when the caller has read it already (None: no
    content loaded yet)."""
    if content_version is UNREAD:
        content_version = selectors.content_version()
    found = selectors.plan_catalog(content_version)
    view = selectors.plan_view(selectors.PlanInput.of(plan), found)
    context = {
        "plan": plan,
        "token": token,
        "view": view,
        "found": found,
        "saved": request.GET.get("saved") == "1",
        "statuses": ActionStatus.choices,
        **(extra or {}),
    }
    return render(request, template, context, status=status)


def _update(request, token, plan):
    action = request.POST.get("action", "")
    if action == "delete":
        return render(request, "plans/delete.html", {"plan": plan, "token": token})
    if action == "delete-confirmed":
        services.plan_delete(plan=plan)
        return redirect(reverse("plans:start") + "?deleted=1")
    if action != "rate":
        return refused(request, ["This form asked for something the plan cannot do."])
    verdict = ratelimit.hit(request, "update")
    if not verdict.allowed:
        return too_many(request, verdict)
    found = selectors.catalog_naming(*forms.named_in(request.POST))
    try:
        version = forms.read_version(request.POST, plan.version)
        changes = {"ratings": forms.read_ratings(request.POST, found)}
        changes["years"], errors = forms.read_years(request.POST)
        changes["certifications"], cert_errors = forms.read_certifications(request.POST, found)
        if errors or cert_errors:
            raise forms.BadInput(errors + cert_errors)
    except forms.BadInput as bad:
        return refused(request, bad.errors, back=reverse("plans:detail", args=[token]))
    try:
        services.plan_update(plan=plan, version=version, changes=changes)
    except services.StaleVersion as stale:
        if stale.current is None:
            raise Http404("This plan has been deleted.") from None
        return _conflict(request, token, stale.current, _describe_ratings(changes, found))
    return redirect(reverse("plans:detail", args=[token]) + "#ratings")


def _set_status(request, token):
    """An action marked not started, in progress or done: the most frequent write, so it is one
    statement that reads nothing first (services.plan_set_action_status); only when it changes
    nothing does the plan get read, to say why."""
    if not TOKEN.match(token):
        raise Http404(NO_PLAN)
    verdict = ratelimit.hit(request, "update")
    if not verdict.allowed:
        return too_many(request, verdict)
    back = reverse("plans:detail", args=[token])
    try:
        version = forms.read_version(request.POST)
        slug, status = forms.read_status(request.POST)
    except forms.BadInput as bad:
        return refused(request, bad.errors, back=back)
    try:
        services.plan_set_action_status(token=token, version=version, skill=slug, status=status)
    except services.NotApplied:
        plan = _plan_or_404(token)
        found = selectors.catalog_naming([slug], [])
        try:
            forms.read_version(request.POST, plan.version)
            forms.read_status(request.POST, found)
        except forms.BadInput as bad:
            return refused(request, bad.errors, back=back)
        unsaved = [f"{found.skills[slug].name}: {ActionStatus(status).label.lower()}"]
        return _conflict(request, token, plan, unsaved)
    if wants_fragment(request):
        plan = _plan_or_404(token)  # as updated
        return _render_plan(request, token, plan, template="plans/detail.html#actions")
    return redirect(back + "#actions")


def _conflict(request, token, current, unsaved):
    """The plan as it now is, with what this update would have changed (409)."""
    return _render_plan(
        request,
        token,
        current,
        template="plans/conflict.html",
        status=409,
        extra={"unsaved": unsaved},
    )


def _describe_ratings(changes, found) -> list[str]:
    lines = [
        f"{found.skills[slug].name}: level {level}" for slug, level in changes["ratings"].items()
    ]
    lines.append(f"Years of experience: {changes['years']}")
    held = [found.certifications[s].acronym for s in changes["certifications"]]
    lines.append("Certifications held: " + (", ".join(held) or "none"))
    return lines


# --- take it away ---------------------------------------------------------------------------


@private
@require_safe
def plan_json(request, token):
    plan = _plan_or_404(token)
    response = JsonResponse(exchange.export_document(plan), json_dumps_params={"indent": 2})
    response["Content-Disposition"] = 'attachment; filename="careerpath-plan.json"'
    return response


@private
@require_safe
def plan_pdf(request, token):
    plan = _plan_or_404(token)
    found = selectors.plan_catalog(selectors.content_version())
    view = selectors.plan_view(selectors.PlanInput.of(plan), found)
    html = render_to_string("plans/pdf.html", {"plan": plan, "view": view}, request=request)
    return pdf_response(render_pdf(html), "careerpath-plan.pdf")
