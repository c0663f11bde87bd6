"""Import KiCad symbol libraries into the component library (service).

Idempotent: a library is skipped when neither its file nor the code that turns
files into components (parser, geometry, categories, SPICE mapping, this module)
changed since its last import; otherwise all its components are replaced in one
transaction. After each change the library's cache version is bumped, so no
cached search or component answer outlives the data it came from.
"""

import hashlib
import importlib
import time
from collections.abc import Iterable
from dataclasses import asdict, dataclass, field
from pathlib import Path

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from schematic.symbol_info import SymbolPin

from .categories import category_for
from .kicad_symbols import KicadSymbol, parse_library
from .models import Component, SymbolLibrary
from .selectors import bump_library_version
from .symbol_geometry import geometry_json

# What `manage.py import_symbols` imports without arguments: the parts an analog/digital course needs.
DEFAULT_LIBRARIES = (
    "Device",
    "power",
    "pspice",
    "Simulation_SPICE",
    "Amplifier_Operational",
    "Diode",
    "Transistor_BJT",
    "Transistor_FET",
    "Regulator_Linear",
    "Timer",
    "Switch",
    "Connector_Generic",
    "74xx",
    "LED",
    "Sensor_Temperature",
)
SUFFIX = ".kicad_sym"
BATCH_SIZE = 500
# The modules whose code decides what is stored: a change to any of them re-imports every library.
_SHAPING_MODULES = (
    "library.sexpr",
    "library.kicad_symbols",
    "library.symbol_geometry",
    "library.categories",
    "library.spice_mapping",
    "library.importer",
)


def symbol_directory() -> Path:
    """Where the KiCad libraries are: settings.KICAD_SYMBOL_DIR (env KICAD_SYMBOL_DIR)."""
    return Path(settings.KICAD_SYMBOL_DIR)


def available_libraries(directory: Path) -> list[str]:
    """Names of the `.kicad_sym` files in `directory`, sorted."""
    return sorted(path.name.removesuffix(SUFFIX) for path in directory.glob(f"*{SUFFIX}"))


@dataclass
class LibraryResult:
    name: str
    status: str  # "imported", "unchanged" or "missing"
    components: int = 0
    simulatable: int = 0
    seconds: float = 0.0
    warnings: list[str] = field(default_factory=list)  # e.g. a derived symbol whose parent is missing


@dataclass
class ImportReport:
    libraries: list[LibraryResult]
    seconds: float

    def count(self, status: str) -> int:
        return sum(1 for result in self.libraries if result.status == status)

    @property
    def components_imported(self) -> int:
        return sum(result.components for result in self.libraries if result.status == "imported")


def import_libraries(names: Iterable[str] | None = None, directory: Path | None = None) -> ImportReport:
    """Import the named libraries (default: DEFAULT_LIBRARIES) from `directory` (default: symbol_directory())."""
    started = time.perf_counter()
    directory = directory or symbol_directory()
    names = DEFAULT_LIBRARIES if names is None else names
    code = importer_fingerprint()
    results = [import_library(name, directory / f"{name}{SUFFIX}", code) for name in names]
    return ImportReport(results, time.perf_counter() - started)


def importer_fingerprint() -> bytes:
    """A digest of the code that shapes stored components (see _SHAPING_MODULES)."""
    digest = hashlib.sha256()
    for name in _SHAPING_MODULES:
        digest.update(Path(importlib.import_module(name).__file__).read_bytes())
    return digest.digest()


def import_library(name: str, path: Path, code: bytes = b"") -> LibraryResult:
    """Import one `.kicad_sym` file as library `name`, unless it is missing or unchanged since its last import
    (`code`: importer_fingerprint(), so that new importer code re-imports)."""
    started = time.perf_counter()
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        return LibraryResult(name, "missing")
    content_hash = hashlib.sha256(code + data).hexdigest()
    existing = SymbolLibrary.objects.filter(name=name).first()
    if existing is not None and existing.content_hash == content_hash:
        return LibraryResult(name, "unchanged", components=existing.symbol_count, seconds=time.perf_counter() - started)

    parsed = parse_library(data.decode("utf-8"))
    category = category_for(name)
    components = [component_fields(name, category, symbol) for symbol in parsed.symbols.values()]
    with transaction.atomic():
        library, _ = SymbolLibrary.objects.update_or_create(
            name=name,
            defaults={
                "category": category,
                "source_path": str(path),
                "symbol_count": len(components),
                "content_hash": content_hash,
                "imported_at": timezone.now(),
            },
        )
        library.components.all().delete()
        Component.objects.bulk_create((Component(library=library, **c) for c in components), batch_size=BATCH_SIZE)
        # Retire cached answers once the rows are visible to other processes; inside an outer transaction that is
        # only at its commit (on_commit), so bump then too.
        transaction.on_commit(bump_library_version)
    bump_library_version()
    return LibraryResult(
        name,
        "imported",
        components=len(components),
        simulatable=sum(1 for c in components if c["simulatable"]),
        seconds=time.perf_counter() - started,
        warnings=parsed.warnings,
    )


def symbol_pins(symbol: KicadSymbol) -> list[SymbolPin]:
    """The symbol's pins as the schematic core sees them (De Morgan duplicates left out)."""
    return [
        SymbolPin(
            number=pin.number,
            name=pin.name,
            electrical_type=pin.electrical_type,
            x=pin.x,
            y=pin.y,
            unit=pin.unit,
            hidden=pin.hidden,
        )
        for pin in symbol.electrical_pins()
    ]


def component_fields(library: str, category: str, symbol: KicadSymbol) -> dict:
    """A Component's fields (less `library`) for one parsed symbol."""
    from .spice_mapping import spice_mapping_for  # imported late: parsing and searching work without it

    pins = symbol_pins(symbol)
    mapping = spice_mapping_for(library, symbol.name, dict(symbol.properties), pins)
    datasheet = symbol.properties.get("Datasheet", "")
    return {
        "name": symbol.name,
        "symbol_id": f"{library}:{symbol.name}",
        "reference": symbol.reference,
        "value": symbol.value,
        "description": symbol.description,
        "keywords": symbol.keywords,
        "datasheet": "" if datasheet == "~" else datasheet,  # KiCad writes "~" for "none"
        "footprint": symbol.properties.get("Footprint", ""),
        "category": category,
        "is_power": symbol.is_power,
        "unit_count": symbol.unit_count,
        "pin_count": len({pin.number for pin in pins}),
        "properties": dict(symbol.properties),
        "geometry": geometry_json(symbol),
        "spice": asdict(mapping) if mapping is not None else None,
        "simulatable": mapping is not None,
        "search_text": " ".join((symbol.name, symbol.keywords, symbol.description)).lower(),
    }
