"""The guides app's content files: fixtures/faqs.yaml and the guides in
fixtures/guides/<slug>.md, their schemas and how their records map to the database."""

from datetime import date
from pathlib import Path
from typing import Annotated, Literal

import frontmatter
import yaml
from pydantic import AfterValidator, Field, StringConstraints
from pydantic_core import PydanticCustomError

from common.content import Name, Record, Slug, Text
from common.content_kind import ContentError, ContentKind, IndexEntry
from common.synthetic import clone, copies_of, link_copies

from .markdown import (
    MAX_FAQ_ANSWER,
    MAX_GUIDE_BODY,
    MarkdownRefused,
    check_renderable,
    plain_text,
    render,
)
from .models import FAQ, FAQCategory, Guide
from .sitemaps import GuideSitemap


def _renderable(max_length: int):
    """A check that the text renders, and in reasonable time; its message is the editor's error.

    It renders once to find out (a few milliseconds for a real guide): some structures only
    show they nest too deeply while being rendered.
    """

    def check(text: str) -> str:
        try:
            check_renderable(text, max_length=max_length)
            render(text)
        except MarkdownRefused as refused:
            raise PydanticCustomError("markdown_refused", str(refused)) from refused
        return text

    return AfterValidator(check)


GuideBody = Annotated[Text, _renderable(MAX_GUIDE_BODY)]
FAQAnswer = Annotated[Text, _renderable(MAX_FAQ_ANSWER)]


class FAQRecord(Record):
    slug: Annotated[str, StringConstraints(pattern=r"^[a-z0-9]+(?:-[a-z0-9]+)*$", max_length=120)]
    question: Name(250)
    category: Literal[tuple(FAQCategory.values)]  # type: ignore[valid-type]
    order: Annotated[int, Field(ge=1, le=1000)] = 1
    answer: FAQAnswer
    roles: list[Slug] = []
    guides: list[Slug] = []
    published: bool = True


class GuideRecord(Record):
    """Front matter plus body of one guide file; the slug is the file name."""

    slug: Slug
    title: Name(200)
    summary: Text
    roles: list[Slug] = []
    certifications: list[Slug] = []
    published: bool = True
    updated: date
    body: GuideBody


class Guides(ContentKind):
    name, noun, file = "guides", "guide", "guides"
    schema, model = GuideRecord, Guide
    search_label = "Guides"
    sitemap = GuideSitemap

    def read(self, path: Path, display: str):
        raw_records, errors = [], []
        if not path.is_dir():
            return [], [ContentError(display, message="must be a directory of .md files")]
        for file_path in sorted(path.glob("*.md")):
            file = f"{display}/{file_path.name}"
            try:
                post = frontmatter.loads(file_path.read_text(encoding="utf-8"))
            except (yaml.YAMLError, ValueError, UnicodeDecodeError) as exc:
                errors.append(
                    ContentError(file, file_path.stem, "", f"front matter is not valid: {exc}")
                )
                continue
            raw_records.append(
                (file, {**post.metadata, "slug": file_path.stem, "body": post.content})
            )
        return raw_records, errors

    def record_file(self, display, record):
        return f"{display}/{record.slug}.md"

    def references(self, record):
        return [
            ("roles", "roles", record.roles),
            ("certifications", "certifications", record.certifications),
        ]

    def values(self, record, resolved):
        return record.model_dump(exclude={"roles", "certifications"})

    def relate(self, records, objects, resolved, writer):
        for record in records:
            guide = objects[record.slug]
            writer.set_m2m(self, guide, "roles", [resolved["roles"][s] for s in record.roles])
            certifications = [resolved["certifications"][s] for s in record.certifications]
            writer.set_m2m(self, guide, "certifications", certifications)

    def export(self, path: Path) -> list[Path]:
        path.mkdir(parents=True, exist_ok=True)
        written = []
        for guide in Guide.objects.prefetch_related("roles", "certifications").order_by("slug"):
            metadata = {
                "title": guide.title,
                "summary": guide.summary,
                "roles": sorted(r.slug for r in guide.roles.all()),
                "certifications": sorted(c.slug for c in guide.certifications.all()),
                "published": guide.published,
                "updated": guide.updated,
            }
            front = yaml.safe_dump(metadata, sort_keys=False, allow_unicode=True, width=100)
            file = path / f"{guide.slug}.md"
            file.write_text(f"---\n{front}---\n{guide.body.rstrip(chr(10))}\n", encoding="utf-8")
            written.append(file)
        return written

    def search_entries(self):
        # Indexed by the text a reader sees, not the Markdown source, so link addresses and
        # markup never match and never show in snippets.
        for guide in Guide.objects.published():
            yield IndexEntry(
                slug=guide.slug,
                title=guide.title,
                summary=guide.summary,
                body=plain_text(guide.body_html),
                url=guide.get_absolute_url(),
            )

    def originals(self, copy_slug):
        return list(
            Guide.objects.exclude(slug__regex=copy_slug).prefetch_related("roles", "certifications")
        )

    def synthesize(self, i, originals, copies):
        new = copies_of(
            originals, lambda g: clone(g, title=f"{g.title} {i}", slug=f"{g.slug}-x{i}")
        )
        link_copies(Guide, "roles", originals, new, copies["roles"], keep_original=True)
        link_copies(Guide, "certifications", originals, new, copies["certifications"])
        return new


class FAQs(ContentKind):
    name, noun, file = "faqs", "FAQ", "faqs.yaml"
    schema, model = FAQRecord, FAQ
    search_label = "FAQ"

    def references(self, record):
        return [("roles", "roles", record.roles), ("guides", "guides", record.guides)]

    def values(self, record, resolved):
        return record.model_dump(exclude={"roles", "guides"})

    def relate(self, records, objects, resolved, writer):
        for record in records:
            faq = objects[record.slug]
            writer.set_m2m(self, faq, "roles", [resolved["roles"][s] for s in record.roles])
            writer.set_m2m(self, faq, "guides", [resolved["guides"][s] for s in record.guides])

    def export_records(self):
        faqs = FAQ.objects.prefetch_related("roles", "guides").order_by("category", "order", "slug")
        skip = {"roles", "guides"}
        return [
            FAQRecord.model_validate(
                {
                    **{f: getattr(q, f) for f in FAQRecord.model_fields if f not in skip},
                    "roles": sorted(r.slug for r in q.roles.all()),
                    "guides": sorted(g.slug for g in q.guides.all()),
                }
            ).model_dump(mode="json")
            for q in faqs
        ]

    def search_entries(self):
        for faq in FAQ.objects.published():
            yield IndexEntry(
                slug=faq.slug,
                title=faq.question,
                summary=faq.get_category_display(),
                body=faq.answer_text,
                url=faq.get_absolute_url(),
            )

    def originals(self, copy_slug):
        return list(FAQ.objects.exclude(slug__regex=copy_slug).prefetch_related("roles", "guides"))

    def synthesize(self, i, originals, copies):
        new = copies_of(
            originals,
            lambda f: clone(
                f, question=f"{f.question} ({i})", slug=f"{f.slug}-x{i}", order=f.order + 100 * i
            ),
        )
        link_copies(FAQ, "roles", originals, new, copies["roles"], keep_original=True)
        link_copies(FAQ, "guides", originals, new, copies["guides"])
        return new


GUIDES = Guides()
FAQS = FAQs()
