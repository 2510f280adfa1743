"""Guides and FAQs made for tests, shared with the search tests."""

import itertools

from certifications.models import Certification
from guides.models import FAQ, FAQCategory, Guide
from roles.models import Role

_numbers = itertools.count(1)


def make_guide(body="Some words.\n\n## A section\n\nMore words.", **fields) -> Guide:
    n = next(_numbers)
    fields.setdefault("title", f"Test guide {n}")
    fields.setdefault("slug", f"test-guide-{n}")
    fields.setdefault("summary", f"Summary of test guide {n}.")
    fields.setdefault("published", True)
    return Guide.objects.create(body=body, **fields)


def make_faq(question=None, answer="A short answer in a sentence or two.", **fields) -> FAQ:
    n = next(_numbers)
    fields.setdefault("slug", f"test-question-{n}")
    fields.setdefault("category", FAQCategory.JOB_SEARCH)
    fields.setdefault("order", 900 + n)
    fields.setdefault("published", True)
    return FAQ.objects.create(question=question or f"Test question {n}?", answer=answer, **fields)


def add_nine_copies_of_every_faq_and_guide() -> dict[str, int]:
    """Nine more copies of every published FAQ and guide, with their links, in a few queries:
    ten times the content, to show the pages' query counts do not grow with it. (Bulk
    creation skips save(), so the copies reuse the originals' rendered HTML.)"""
    faqs = list(FAQ.objects.published().prefetch_related("roles", "guides"))
    guides = list(Guide.objects.published().prefetch_related("roles", "certifications"))
    new_guides, new_faqs = [], []
    for copy in range(1, 10):
        for g in guides:
            new_guides.append(
                Guide(
                    title=f"{g.title} ({copy})",
                    slug=f"{g.slug}-{copy}",
                    summary=g.summary,
                    body=g.body,
                    body_html=g.body_html,
                    toc=g.toc,
                    reading_minutes=g.reading_minutes,
                    published=True,
                    updated=g.updated,
                )
            )
        for f in faqs:
            new_faqs.append(
                FAQ(
                    question=f"{f.question} ({copy})",
                    slug=f"{f.slug}-{copy}",
                    answer=f.answer,
                    answer_html=f.answer_html,
                    category=f.category,
                    order=f.order + 100 * copy,
                    published=True,
                )
            )
    Guide.objects.bulk_create(new_guides)
    FAQ.objects.bulk_create(new_faqs)
    created_guides = {
        g.slug: g for g in Guide.objects.filter(slug__in=[g.slug for g in new_guides])
    }
    created_faqs = {f.slug: f for f in FAQ.objects.filter(slug__in=[f.slug for f in new_faqs])}
    guide_roles, guide_certs, faq_roles, faq_guides = [], [], [], []
    for copy in range(1, 10):
        for g in guides:
            new = created_guides[f"{g.slug}-{copy}"]
            guide_roles += [Guide.roles.through(guide=new, role=r) for r in g.roles.all()]
            guide_certs += [
                Guide.certifications.through(guide=new, certification=c)
                for c in g.certifications.all()
            ]
        for f in faqs:
            new = created_faqs[f"{f.slug}-{copy}"]
            faq_roles += [FAQ.roles.through(faq=new, role=r) for r in f.roles.all()]
            faq_guides += [FAQ.guides.through(faq=new, guide=g) for g in f.guides.all()]
    Guide.roles.through.objects.bulk_create(guide_roles)
    Guide.certifications.through.objects.bulk_create(guide_certs)
    FAQ.roles.through.objects.bulk_create(faq_roles)
    FAQ.guides.through.objects.bulk_create(faq_guides)
    return {
        "faqs": FAQ.objects.published().count(),
        "guides": Guide.objects.published().count(),
        "roles": Role.objects.count(),
        "certifications": Certification.objects.count(),
    }
