"""An editor: a staff user in the Editors group the data migration creates."""

import pytest
from django.contrib.auth.models import Group, User
from django.test import Client


@pytest.fixture
def editor(db):
    user = User.objects.create_user("editor", "editor@example.com", is_staff=True)
    user.groups.add(Group.objects.get(name="Editors"))
    return user


@pytest.fixture
def editor_client(client, editor):
    client.force_login(editor)
    return client


@pytest.fixture
def reader():
    """A member of the public, in a browser of their own."""
    return Client()
