"""Schemas of fixtures/faqs.yaml and the guides in fixtures/guides/<slug>.md."""

from datetime import date
from typing import Annotated, Literal

from pydantic import AfterValidator, Field, StringConstraints
from pydantic_core import PydanticCustomError

from roles.content import Record, Slug, Text

from .markdown import MAX_FAQ_ANSWER, MAX_GUIDE_BODY, MarkdownRefused, check_renderable, render
from .models import FAQCategory


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
    question: Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=250)]
    category: Literal[tuple(FAQCategory.values)]  # type: ignore[valid-type]
    order: Annotated[int, Field(ge=1, le=1000)] = 1
    answer: FAQAnswer
    roles: list[Slug] = []
    guides: list[Slug] = []
    published: bool = True


class GuideRecord(Record):
    """Front matter plus body of one guide file; the slug is the file name."""

    slug: Slug
    title: Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=200)]
    summary: Text
    roles: list[Slug] = []
    certifications: list[Slug] = []
    published: bool = True
    updated: date
    body: GuideBody
