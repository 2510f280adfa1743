"""Factories and clients for the FAQ and guide tests."""

import pytest
from django.contrib.auth.models import User

from . import factories


@pytest.fixture
def make_guide(db):
    return factories.make_guide


@pytest.fixture
def make_faq(db):
    return factories.make_faq


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
    return factories.add_nine_copies_of_every_faq_and_guide()
