"""The catalogue's filters, applied to the certifications the page has already loaded (the
page lists and counts them all, so filtering them costs no further query)."""

from collections.abc import Iterable

from .models import Certification, Organization

# Cards per page: today's catalogue fits on one; at a hundred times it runs to many pages.
CATALOGUE_PAGE_SIZE = 24


def issuers(certifications: Iterable[Certification]) -> list[Organization]:
    """The organisations that award at least one of these certifications."""
    return sorted({c.issuer for c in certifications}, key=lambda org: org.abbreviation)


def filter_catalogue(
    certifications: Iterable[Certification], *, focus: str = "", suits: str = "", issuer: str = ""
) -> list[Certification]:
    return [
        c
        for c in certifications
        if (not focus or c.focus == focus)
        and (not suits or getattr(c, f"suits_{suits}"))
        and (not issuer or c.issuer.slug == issuer)
    ]
