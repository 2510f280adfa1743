"""Every query the FAQ and guide pages make, each page in a fixed number of queries, however
many questions and guides there are."""

from dataclasses import dataclass, field

from django.db.models import Prefetch, Q, QuerySet
from django.shortcuts import get_object_or_404

from certifications.models import Certification
from common.pagination import Pager, first_of, paginate
from roles.models import Role

from .models import FAQ, FAQ_ORDER, FAQCategory, Guide


@dataclass
class FAQSection:
    category: str
    label: str
    faqs: list[FAQ] = field(default_factory=list)


@dataclass
class FAQList:
    """The published questions a filter leaves, grouped by category in the categories' order."""

    query: str
    terms: list[str]
    sections: list[FAQSection]
    truncated: bool = False
    pager: Pager | None = None  # with a page asked for: which page of all the questions

    @property
    def filtered(self) -> bool:
        return bool(self.terms)

    @property
    def faqs(self) -> list[FAQ]:
        return [faq for section in self.sections for faq in section.faqs]

    @property
    def count(self) -> int:
        """How many questions the filter leaves, on every page."""
        if self.pager:
            return self.pager.page.paginator.count
        return sum(len(section.faqs) for section in self.sections)


# Questions per page: today's FAQ fits on one; at a hundred times it runs to many pages.
FAQ_PAGE_SIZE = 50


def faq_page_of(slug: str) -> int:
    """The page of the FAQ that holds a published question (two queries; 404 if unknown)."""
    faq = get_object_or_404(FAQ.objects.published().in_faq_order(), slug=slug)
    rank, order, question, pk = (getattr(faq, name) for name in FAQ_ORDER)
    before = (
        FAQ.objects.published()
        .in_faq_order()
        .filter(
            Q(category_rank__lt=rank)
            | Q(category_rank=rank, order__lt=order)
            | Q(category_rank=rank, order=order, question__lt=question)
            | Q(category_rank=rank, order=order, question=question, pk__lt=pk)
        )
        .count()
    )
    return before // FAQ_PAGE_SIZE + 1


def _related_roles():
    return Prefetch("roles", queryset=Role.objects.only("slug", "title", "rank"))


def _published_guides():
    return Prefetch("guides", queryset=Guide.objects.published().only("slug", "title"))


@dataclass(frozen=True)
class FAQFilter:
    """What a reader's filter matched: the site search decides (careerpath/search.py), so the
    FAQ filter forgives typos and knows synonyms exactly as the search page does."""

    query: str
    terms: list[str]
    slugs: frozenset[str]
    truncated: bool = False


def faq_list(matched: FAQFilter | None = None, *, page: int | None = None) -> FAQList:
    """Published questions (those `matched` found, if given), each with its roles and
    published guides: all of them (three queries), or with `page` that page of FAQ_PAGE_SIZE
    (four queries). Raises common.pagination.PageOutOfRange past the last page."""
    faqs = (
        FAQ.objects.published()
        .in_faq_order()
        .defer("answer", "answer_text")
        .prefetch_related(_related_roles(), _published_guides())
    )
    if matched and matched.terms:
        faqs = faqs.filter(slug__in=matched.slugs)
    query, terms, truncated = (
        (matched.query, matched.terms, matched.truncated) if matched else ("", [], False)
    )
    pager = None
    if page is not None:
        pager = paginate(faqs, page, FAQ_PAGE_SIZE, kept={"q": query} if terms else {})
        faqs = pager.page.object_list
    sections = {value: FAQSection(value, label) for value, label in FAQCategory.choices}
    for faq in faqs:
        if faq.category in sections:
            sections[faq.category].faqs.append(faq)
    return FAQList(query, terms, [s for s in sections.values() if s.faqs], truncated, pager)


def first_guides(limit: int) -> tuple[list[Guide], int]:
    """The first `limit` published guides by title, and how many there are (one query)."""
    return first_of(published_guides(), limit)


def published_guides() -> QuerySet[Guide]:
    """Every published guide by title, without the long texts a list does not show, as a query
    to read a page of (one query, or two with a count)."""
    return Guide.objects.published().defer("body", "body_html", "toc").order_by("title", "slug")


# The guide index shows this many guides a page: today's fit on one.
GUIDE_INDEX_PAGE_SIZE = 24


def guide_index(page: int) -> Pager:
    """Page `page` of the published guides, as `published_guides` lists them (two queries:
    the count, the page). Raises common.pagination.PageOutOfRange past the last page."""
    return paginate(published_guides(), page, GUIDE_INDEX_PAGE_SIZE, kept={})


def guide_page(slug: str, user) -> Guide:
    """One guide with its roles and certifications (three queries); drafts for staff only."""
    guides = Guide.objects.visible_to(user).prefetch_related(
        _related_roles(),
        Prefetch("certifications", queryset=Certification.objects.only("slug", "acronym", "name")),
    )
    return get_object_or_404(guides, slug=slug)


# A role's page and the API's role list this many of the questions and of the guides about the
# role (today's roles have at most 17 and 12), and count the rest.
READING_SHOWN = 20


def faqs_for_role(role: Role, limit: int = READING_SHOWN) -> tuple[list[FAQ], int]:
    """The first `limit` published questions about a role, in the FAQ's order, and how many
    there are in all (one query)."""
    about = FAQ.objects.published().filter(roles=role).only("slug", "question", "category", "order")
    return first_of(about.in_faq_order(), limit)


def guides_for_role(role: Role, limit: int = READING_SHOWN) -> tuple[list[Guide], int]:
    """The first `limit` published guides for a role by title, without their long texts, and
    how many there are in all (one query)."""
    about = Guide.objects.published().filter(roles=role).only("slug", "title").order_by("title")
    return first_of(about, limit)
