from django.apps import AppConfig


class ArduinoConfig(AppConfig):
    name = "arduino"
    verbose_name = "Arduino builds"

    def ready(self) -> None:
        from . import build_job, run_job

        build_job.register_kind()
        run_job.register_kind()
