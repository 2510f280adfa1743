from django.apps import AppConfig


class CareerPathConfig(AppConfig):
    name = "careerpath"
    verbose_name = "CareerPath"

    def ready(self):
        from . import signals

        signals.connect()
