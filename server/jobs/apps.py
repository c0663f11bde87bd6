from django.apps import AppConfig


class JobsConfig(AppConfig):
    name = "jobs"

    def ready(self) -> None:
        from . import trial_kinds  # noqa: F401  (registers the trial job kind)
