"""The Editors group may add, change, delete and view every content model in the registry,
and nothing else. It is brought in line after every migrate, so a new content type's
permissions reach editors without a migration of their own."""

from django.contrib.auth.models import Group, Permission
from django.contrib.contenttypes.models import ContentType

from .registry import content_models

GROUP = "Editors"
ACTIONS = ("add", "change", "delete", "view")


def editor_permissions():
    content_types = ContentType.objects.get_for_models(*content_models()).values()
    return Permission.objects.filter(
        content_type__in=content_types,
        codename__in=[f"{action}_{ct.model}" for ct in content_types for action in ACTIONS],
    )


def sync_editors_group(**kwargs) -> None:
    group, _ = Group.objects.get_or_create(name=GROUP)
    group.permissions.set(editor_permissions())
