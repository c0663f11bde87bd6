import os

from django.apps import AppConfig


class OhmCloudConfig(AppConfig):
    name = "ohmcloud"
    verbose_name = "OhmCloud"

    def ready(self) -> None:
        from django.conf import settings

        # The filesystem broker needs its folders before the first message.
        if settings.CELERY_BROKER_URL.startswith("filesystem://"):
            for folder in settings.CELERY_BROKER_TRANSPORT_OPTIONS.values():
                os.makedirs(folder, exist_ok=True)
