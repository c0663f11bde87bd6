import os

from django.apps import AppConfig


class OhmCloudConfig(AppConfig):
    name = "ohmcloud"
    verbose_name = "OhmCloud"

    def ready(self) -> None:
        from django.conf import settings

        # The filesystem broker needs its folders before the first message.
        if settings.CELERY_BROKER_URL.startswith("filesystem://"):
            options = settings.CELERY_BROKER_TRANSPORT_OPTIONS
            for name in ("data_folder_in", "data_folder_out", "control_folder"):
                os.makedirs(options[name], exist_ok=True)
