"""Every query the FAQ and guide pages make, each page in a fixed number of queries, however
many questions and guides there are."""

import re
from dataclasses import dataclass, field

from django.db.models import Prefetch, Q
from django.shortcuts import get_object_or_404

from certifications.models import Certification
from roles.models import Role

from .models import FAQ, FAQCategory, Guide

MAX_FILTER_LENGTH = 100
WORD = re.compile(r"\w+")


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

    @property
    def filtered(self) -> bool:
        return bool(self.terms)

    @property
    def faqs(self) -> list[FAQ]:
        return [faq for section in self.sections for faq in section.faqs]

    @property
    def count(self) -> int:
        return sum(len(section.faqs) for section in self.sections)


def clean_filter(raw: str | None) -> tuple[str, list[str], bool]:
    """The filter as shown back (printable, at most 100 characters), its lower-cased words,
    and whether it was cut short."""
    text = " ".join("".join(ch for ch in (raw or "") if ch.isprintable() or ch.isspace()).split())
    truncated = len(text) > MAX_FILTER_LENGTH
    text = text[:MAX_FILTER_LENGTH].strip()
    terms = list(dict.fromkeys(word.lower() for word in WORD.findall(text)))
    return text, terms, truncated


def _related_roles():
    return Prefetch("roles", queryset=Role.objects.only("slug", "title", "rank"))


def _published_guides():
    return Prefetch("guides", queryset=Guide.objects.published().only("slug", "title"))


def faq_list(raw_query: str | None = None) -> FAQList:
    """Published questions, each with its roles and published guides (three queries).

    Every word of the filter must appear, case-insensitively and as part of a word, in the
    question or the answer as a reader sees it (stored on save), so link addresses such as
    /roles/... never count as a match.
    """
    text, terms, truncated = clean_filter(raw_query)
    faqs = (
        FAQ.objects.published()
        .defer("answer", "answer_text")
        .prefetch_related(_related_roles(), _published_guides())
    )
    for term in terms:
        faqs = faqs.filter(Q(question__icontains=term) | Q(answer_text__icontains=term))

    sections = {value: FAQSection(value, label) for value, label in FAQCategory.choices}
    for faq in faqs:
        if faq.category in sections:
            sections[faq.category].faqs.append(faq)
    return FAQList(text, terms, [s for s in sections.values() if s.faqs], truncated)


def published_guides() -> list[Guide]:
    """The guide index: one query, without the long texts it does not show."""
    return list(Guide.objects.published().defer("body", "body_html", "toc"))


def guide_page(slug: str, user) -> Guide:
    """One guide with its roles and certifications (three queries); drafts for staff only."""
    guides = Guide.objects.visible_to(user).prefetch_related(
        _related_roles(),
        Prefetch("certifications", queryset=Certification.objects.only("slug", "acronym", "name")),
    )
    return get_object_or_404(guides, slug=slug)


def faqs_for_role(role: Role) -> list[FAQ]:
    """The published questions about a role, in the FAQ's order (one query)."""
    return list(FAQ.objects.published().filter(roles=role).order_by("category", "order"))


def guides_for_role(role: Role) -> list[Guide]:
    """The published guides for a role, by title, without their long texts (one query)."""
    return list(
        Guide.objects.published().filter(roles=role).defer("body", "body_html").order_by("title")
    )
