from django.apps import AppConfig


class SpiceConfig(AppConfig):
    name = "spice"
    verbose_name = "SPICE simulation"

    def ready(self) -> None:
        from . import simulation_job

        simulation_job.register_kind()
