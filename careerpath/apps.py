from django.apps import AppConfig


class CareerPathConfig(AppConfig):
    name = "careerpath"
    verbose_name = "CareerPath"

    def ready(self):
        from django.contrib.auth.signals import user_logged_in
        from django.db.models.signals import post_migrate

        from common.release import read_content_version_with
        from common.sessions import start_session_clock

        from . import signals
        from .editors import sync_editors_group
        from .freshness import version_sql

        signals.connect()
        read_content_version_with(version_sql())
        post_migrate.connect(sync_editors_group, sender=self, dispatch_uid="careerpath-editors")
        user_logged_in.connect(start_session_clock, dispatch_uid="start_session_clock")
