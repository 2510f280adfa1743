"""The Editors group: add, change, delete and view every content model, and nothing else."""

from django.apps import apps as global_apps
from django.contrib.auth.management import create_permissions
from django.db import migrations

GROUP = "Editors"
CONTENT_MODELS = {
    "roles": ["role", "skill", "roleskill", "salaryfigure", "employmentprojection"],
    "certifications": ["organization", "certification"],
    "guides": ["guide", "faq"],
}
ACTIONS = ["add", "change", "delete", "view"]


def create_editors(apps, schema_editor):
    using = schema_editor.connection.alias
    # Permissions are normally made after migrate finishes; a fresh database needs them now.
    for app_label in CONTENT_MODELS:
        create_permissions(
            global_apps.get_app_config(app_label), apps=apps, verbosity=0, using=using
        )
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    group, _ = Group.objects.using(using).get_or_create(name=GROUP)
    wanted = [
        Permission.objects.using(using).get(
            content_type__app_label=app_label,
            content_type__model=model,
            codename=f"{action}_{model}",
        )
        for app_label, models in CONTENT_MODELS.items()
        for model in models
        for action in ACTIONS
    ]
    group.permissions.set(wanted)


def remove_editors(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Group.objects.using(schema_editor.connection.alias).filter(name=GROUP).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("careerpath", "0002_search_gin_index"),
        ("roles", "0001_initial"),
        ("certifications", "0001_initial"),
        ("guides", "0001_initial"),
    ]

    operations = [migrations.RunPython(create_editors, remove_editors)]
