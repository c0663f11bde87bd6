from django.apps import AppConfig


class SchematicConfig(AppConfig):
    name = "schematic"
    verbose_name = "Schematics"
