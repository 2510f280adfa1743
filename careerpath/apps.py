from django.apps import AppConfig


class CareerPathConfig(AppConfig):
    name = "careerpath"
    verbose_name = "CareerPath"

    def ready(self):
        from django.db.models.signals import post_migrate

        from . import signals
        from .editors import sync_editors_group

        signals.connect()
        post_migrate.connect(sync_editors_group, sender=self, dispatch_uid="careerpath-editors")
