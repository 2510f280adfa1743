"""What editors must look at to keep the content true: facts last checked more than a year ago,
facts not verified against their primary source, pay figures without an edition, figures marked
verified whose source is not primary, and internal links in FAQs and guides that no longer resolve.

The `content_audit` command prints this list and the admin index shows it; both read it here.
"""

import re
from dataclasses import dataclass, field
from datetime import date, timedelta
from urllib.parse import urlsplit

from django.urls import NoReverseMatch, Resolver404, resolve, reverse
from django.utils import timezone

from certifications.models import Certification
from guides.models import FAQ, Guide
from roles.models import EmploymentProjection, Role, SalaryFigure

STALE_AFTER = timedelta(days=365)

# Pay and outlook figures are primary only on bls.gov; certification facts only on the
# issuer's own site (the organisation's URL), which `is_primary_source` is given.
PRIMARY_HOSTS = ("bls.gov",)

STALE = "stale"
UNVERIFIED = "unverified"
NO_EDITION = "no-edition"
VERIFIED_WITHOUT_PRIMARY = "verified-without-primary-source"
BROKEN_LINK = "broken-link"

KIND_LABELS = {
    STALE: "Last checked more than 12 months ago (or never)",
    VERIFIED_WITHOUT_PRIMARY: "Marked verified, but the source is not the primary one",
    NO_EDITION: "Pay figures without an edition",
    BROKEN_LINK: "Internal links that no longer resolve",
    UNVERIFIED: "Not yet verified against the primary source (labelled on the page)",
}
# What `--strict` fails on. Unverified facts are listed, not failed: the page labels them
# honestly, and some (a fee no issuer publishes) may never be verifiable.
BLOCKING = (STALE, VERIFIED_WITHOUT_PRIMARY, NO_EDITION, BROKEN_LINK)

MARKDOWN_LINK = re.compile(r"\]\((/[^)\s]*)\)")


@dataclass(frozen=True)
class Finding:
    kind: str
    subject: str  # what the fact is, in words an editor recognises
    detail: str
    admin_url: str = ""


@dataclass
class AuditReport:
    today: date
    findings: list[Finding] = field(default_factory=list)

    def of_kind(self, kind: str) -> list[Finding]:
        return [f for f in self.findings if f.kind == kind]

    @property
    def sections(self) -> list[tuple[str, str, list[Finding]]]:
        """(kind, label, findings) in the order editors should deal with them."""
        return [(kind, label, self.of_kind(kind)) for kind, label in KIND_LABELS.items()]

    @property
    def blocking(self) -> list[Finding]:
        return [f for f in self.findings if f.kind in BLOCKING]

    def summary(self) -> str:
        counts = ", ".join(
            f"{len(findings)} {kind}" for kind, _label, findings in self.sections if findings
        )
        return f"Content audit {self.today:%Y-%m-%d}: " + (counts or "nothing to report") + "."


def is_primary_source(url: str, issuer_url: str = "") -> bool:
    """True when `url` is on bls.gov, or on the issuer's own site when one is given."""
    host = (urlsplit(url or "").hostname or "").lower()
    if not host:
        return False
    hosts = list(PRIMARY_HOSTS)
    issuer_host = (urlsplit(issuer_url or "").hostname or "").lower().removeprefix("www.")
    if issuer_host:
        hosts.append(issuer_host)
    return any(host == h or host.endswith("." + h) for h in hosts)


def _admin_url(obj) -> str:
    try:
        return reverse(f"admin:{obj._meta.app_label}_{obj._meta.model_name}_change", args=[obj.pk])
    except NoReverseMatch:
        return ""


def _is_stale(checked: date | None, today: date) -> bool:
    return checked is None or today - checked > STALE_AFTER


def _checked(checked: date | None) -> str:
    return f"last checked {checked:%Y-%m-%d}" if checked else "never checked"


def run_audit(today: date | None = None) -> AuditReport:
    """Everything the audit reports, in a fixed number of queries."""
    report = AuditReport(today or timezone.localdate())
    report.findings += _figure_findings(report.today)
    report.findings += _projection_findings(report.today)
    report.findings += _certification_findings(report.today)
    report.findings += _link_findings()
    return report


def _figure_findings(today: date) -> list[Finding]:
    findings = []
    for figure in SalaryFigure.objects.select_related("role").order_by(
        "role__rank", "role__title", "-reference_year", "statistic"
    ):
        subject = (
            f"Pay: {figure.role.title}, {figure.get_statistic_display().lower()} "
            f"{figure.occupation_code} ({figure.source_name}, {figure.reference_year})"
        )
        url = _admin_url(figure)
        if _is_stale(figure.checked_on, today):
            findings.append(Finding(STALE, subject, _checked(figure.checked_on), url))
        if not figure.edition.strip():
            findings.append(Finding(NO_EDITION, subject, "Say which release it belongs to.", url))
        if figure.verified and not is_primary_source(figure.source_url):
            findings.append(
                Finding(VERIFIED_WITHOUT_PRIMARY, subject, figure.source_url or "no URL", url)
            )
        if not figure.verified:
            findings.append(Finding(UNVERIFIED, subject, _checked(figure.checked_on), url))
    return findings


def _projection_findings(today: date) -> list[Finding]:
    findings = []
    for projection in EmploymentProjection.objects.order_by("occupation_code", "start_year"):
        subject = (
            f"Outlook: {projection.occupation_title} {projection.start_year}–{projection.end_year}"
        )
        url = _admin_url(projection)
        if _is_stale(projection.checked_on, today):
            findings.append(Finding(STALE, subject, _checked(projection.checked_on), url))
        if projection.verified and not is_primary_source(projection.source_url):
            findings.append(
                Finding(VERIFIED_WITHOUT_PRIMARY, subject, projection.source_url or "no URL", url)
            )
        if not projection.verified:
            findings.append(Finding(UNVERIFIED, subject, _checked(projection.checked_on), url))
    return findings


def _certification_findings(today: date) -> list[Finding]:
    findings = []
    for cert in Certification.objects.order_by("acronym"):
        subject = f"Certification: {cert.acronym} ({cert.name})"
        url = _admin_url(cert)
        if _is_stale(cert.verified_on, today):
            findings.append(Finding(STALE, subject, _checked(cert.verified_on), url))
        if cert.unverified.strip():
            findings.append(Finding(UNVERIFIED, subject, cert.unverified, url))
    return findings


def _link_findings() -> list[Finding]:
    known = {
        "roles:detail": set(Role.objects.values_list("slug", flat=True)),
        "certifications:detail": set(Certification.objects.values_list("slug", flat=True)),
        "guides:detail": set(Guide.objects.published().values_list("slug", flat=True)),
    }
    faqs = list(FAQ.objects.order_by("category", "order").values("pk", "slug", "answer"))
    guides = list(Guide.objects.order_by("slug").values("pk", "slug", "body"))
    faq_slugs = set(FAQ.objects.published().values_list("slug", flat=True))
    findings = []
    texts = [(f"FAQ: {f['slug']}", f["answer"], FAQ, f["pk"]) for f in faqs]
    texts += [(f"Guide: {g['slug']}", g["body"], Guide, g["pk"]) for g in guides]
    for subject, text, model, pk in texts:
        for link in MARKDOWN_LINK.findall(text or ""):
            problem = link_problem(link, known, faq_slugs)
            if problem:
                url = reverse(
                    f"admin:{model._meta.app_label}_{model._meta.model_name}_change", args=[pk]
                )
                findings.append(Finding(BROKEN_LINK, subject, f"{link}: {problem}", url))
    return findings


def link_problem(link: str, known: dict[str, set[str]], faq_slugs: set[str]) -> str:
    """Why a site path in Markdown would not lead to a page, or "" when it would."""
    parts = urlsplit(link)
    try:
        match = resolve(parts.path)
    except Resolver404:
        return "no page at this address"
    slug = match.kwargs.get("slug")
    if match.view_name in known and slug not in known[match.view_name]:
        return f"no published {match.view_name.split(':')[0].rstrip('s')} '{slug}'"
    if match.view_name == "guides:faq" and parts.fragment and parts.fragment not in faq_slugs:
        return f"no published FAQ '{parts.fragment}'"
    if match.view_name == "guides:faq-question" and slug not in faq_slugs:
        return f"no published FAQ '{slug}'"
    return ""
