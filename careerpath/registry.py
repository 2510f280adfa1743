"""Every content type of the site, in the order they are written (a type after those it
names). The loader, the exporter, freshness, search, the sitemap and the synthetic copies all
iterate over this list: adding a content type means writing its `ContentKind` in its own app's
`content.py` and adding one line here."""

from certifications.content import CERTIFICATIONS, ORGANIZATIONS
from common.content_kind import ContentKind
from guides.content import FAQS, GUIDES
from plans.content import STARTING_POINTS
from roles.content import ROLES, SKILLS
from roles.pay_content import PROJECTIONS, SALARIES

from .vocabulary import SYNONYMS

KINDS: list[ContentKind] = [
    ORGANIZATIONS,
    SKILLS,
    ROLES,
    SALARIES,
    PROJECTIONS,
    CERTIFICATIONS,
    GUIDES,
    FAQS,
    STARTING_POINTS,
    SYNONYMS,
]


def kind(name: str) -> ContentKind:
    return next(k for k in KINDS if k.name == name)


def content_models() -> list:
    """Every model whose rows the public pages show."""
    return [model for k in KINDS for model in k.models]
