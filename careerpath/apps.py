from django.apps import AppConfig


class CareerPathConfig(AppConfig):
    name = "careerpath"
    verbose_name = "CareerPath"

    def ready(self):
        from django.contrib.auth.signals import user_logged_in

        from common.sessions import start_session_clock

        from . import signals

        signals.connect()
        user_logged_in.connect(start_session_clock, dispatch_uid="start_session_clock")
