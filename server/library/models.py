from django.db import models


class SymbolLibrary(models.Model):
    """One imported KiCad symbol library file (e.g. Device.kicad_sym). Written only by library.importer."""

    name = models.CharField(max_length=100, unique=True)  # "Device"
    category = models.CharField(max_length=64)  # library.categories.category_for(name)
    source_path = models.CharField(max_length=500)
    symbol_count = models.PositiveIntegerField(default=0)
    # sha256 of the importer's code and the file: an unchanged library is not imported again
    content_hash = models.CharField(max_length=64)
    imported_at = models.DateTimeField()

    class Meta:
        ordering = ["name"]
        verbose_name_plural = "symbol libraries"

    def __str__(self) -> str:
        return f"{self.name} ({self.symbol_count} symbols)"


class Component(models.Model):
    """A library symbol as the editor places it. Coordinates in `geometry` are mils, y up (kicad_symbols)."""

    library = models.ForeignKey(SymbolLibrary, on_delete=models.CASCADE, related_name="components")
    name = models.CharField(max_length=200)  # "R", "2N3904"
    symbol_id = models.CharField(max_length=301, unique=True)  # "Device:R"
    reference = models.CharField(max_length=32)  # the reference designator's prefix: "R", "Q", "#PWR"
    value = models.CharField(max_length=200, blank=True)
    description = models.TextField(blank=True)
    keywords = models.TextField(blank=True)
    datasheet = models.TextField(blank=True)
    footprint = models.CharField(max_length=300, blank=True)
    category = models.CharField(max_length=64, db_index=True)
    is_power = models.BooleanField(default=False)
    unit_count = models.PositiveSmallIntegerField(default=1)
    pin_count = models.PositiveIntegerField(default=0)  # distinct pin numbers over all units
    properties = models.JSONField(default=dict)  # every KiCad property, name -> value
    geometry = models.JSONField(default=dict)  # units -> graphics + pins, body styles, field positions
    spice = models.JSONField(null=True, blank=True)  # a symbol_info.SpiceMapping as JSON; null: cannot simulate
    simulatable = models.BooleanField(default=False, db_index=True)
    search_text = models.TextField(blank=True)  # lower-case name, keywords and description

    class Meta:
        ordering = ["symbol_id"]
        constraints = [models.UniqueConstraint(fields=["library", "name"], name="library_component_unique_name")]

    def __str__(self) -> str:
        return self.symbol_id
