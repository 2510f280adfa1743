"""Factories and clients for the FAQ and guide tests."""

import itertools

import pytest
from django.contrib.auth.models import User

from guides.models import FAQ, FAQCategory, Guide

from .factories import add_nine_copies_of_every_faq_and_guide

_numbers = itertools.count(1)


@pytest.fixture
def make_guide(db):
    def make(body="Some words.\n\n## A section\n\nMore words.", **fields):
        n = next(_numbers)
        fields.setdefault("title", f"Test guide {n}")
        fields.setdefault("slug", f"test-guide-{n}")
        fields.setdefault("summary", f"Summary of test guide {n}.")
        fields.setdefault("published", True)
        return Guide.objects.create(body=body, **fields)

    return make


@pytest.fixture
def make_faq(db):
    def make(question=None, answer="A short answer in a sentence or two.", **fields):
        n = next(_numbers)
        fields.setdefault("slug", f"test-question-{n}")
        fields.setdefault("category", FAQCategory.JOB_SEARCH)
        fields.setdefault("order", 900 + n)
        fields.setdefault("published", True)
        return FAQ.objects.create(question=question or f"Test question {n}?", answer=answer,
                                  **fields)

    return make


@pytest.fixture
def staff_client(client, db):
    client.force_login(User.objects.create_user("editor", password="x-long-pass-1", is_staff=True))
    return client


@pytest.fixture
def member_client(client, db):
    client.force_login(User.objects.create_user("reader", password="x-long-pass-1"))
    return client


@pytest.fixture
def tenfold_faqs_and_guides(db):
    return add_nine_copies_of_every_faq_and_guide()
