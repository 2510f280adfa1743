"""The catalogue's facets and page size, and the names a visitor types for certifications (the
filters themselves are applied in the database: selectors.catalogue_read)."""

from collections.abc import Iterable

from common.text import nameable
from roles.models import Tier

from .models import Focus, Organization

# Cards per page: today's catalogue fits on one; at a hundred times it runs to many pages.
CATALOGUE_PAGE_SIZE = 24
# The filters the catalogue (page and API) is published for, one at a time
# (careerpath/publishing.py); any other query is built on request.
CATALOGUE_FACETS = ("focus", "suits", "issuer")


def one_facet_filters(issuers: Iterable[Organization]) -> list[tuple[str, str]]:
    """Every choice of each facet on its own, as (facet, value); `issuers`: the organisations
    that award a certification (selectors.awarding)."""
    return [
        *(("focus", focus) for focus in Focus.values),
        *(("suits", tier) for tier in Tier.values),
        *(("issuer", org.slug) for org in issuers),
    ]


def typed_names(texts) -> list[str]:
    """The texts a visitor typed to name certifications, each once, as they are looked up."""
    return list(dict.fromkeys(t.strip() for t in texts if t.strip() and nameable(t)))


def named_by(texts: list[str], certifications) -> dict:
    """Each text, to the certification it names by its slug or its acronym (any case), for the
    texts that name one."""
    named = {}
    for text in texts:
        for cert in certifications:
            if text == cert.slug or text.casefold() == cert.acronym.casefold():
                named.setdefault(text, cert)
    return named
