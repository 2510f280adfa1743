"""Connect every content model's save and delete (from the registry) to
`freshness.content_changed`."""

from django.db.models.signals import m2m_changed, post_delete, post_save

from .freshness import content_changed
from .registry import content_models


def connect():
    for model in content_models():
        uid = f"careerpath-freshness-{model._meta.label_lower}"
        post_save.connect(content_changed, sender=model, dispatch_uid=uid + "-save")
        post_delete.connect(content_changed, sender=model, dispatch_uid=uid + "-delete")
        for field in model._meta.many_to_many:
            m2m_changed.connect(
                content_changed,
                sender=field.remote_field.through,
                dispatch_uid=f"{uid}-{field.name}",
            )
