"""Reading the component library: search, details, libraries and categories, all cached.

Two caches, both keyed by the library's version (a random token in Django's
cache that the importer replaces after every change, so nothing cached is ever
served for data that has changed):
- each process keeps the list of every component in memory for searching
  (one query to build; a search is a scan of plain strings, milliseconds for 20k symbols);
- finished answers are kept in Django's cache, shared by all processes.
"""

import hashlib
import threading
import uuid
from collections.abc import Callable
from typing import TypeVar

from django.core.cache import cache

from .categories import CATEGORY_ORDER
from .models import Component, SymbolLibrary
from .search import SearchEntry, search
from .symbol_geometry import pins_of

VERSION_KEY = "library:version"
ANSWER_SECONDS = 3600  # answers are retired by the version anyway; this only bounds what lingers

T = TypeVar("T")

# What a search hit returns (GET /api/library/components).
LIST_FIELDS = (
    "id",
    "symbol_id",
    "library",
    "name",
    "description",
    "keywords",
    "category",
    "reference",
    "simulatable",
    "unit_count",
    "pin_count",
)


def library_version() -> str:
    """The current version token (made anew if the cache lost it: then everything is simply rebuilt)."""
    version = cache.get(VERSION_KEY)
    if version is None:
        cache.add(VERSION_KEY, uuid.uuid4().hex, timeout=None)
        version = cache.get(VERSION_KEY) or ""
    return version


def bump_library_version() -> None:
    """Retire every cached answer and search index (the importer calls this after a change)."""
    cache.set(VERSION_KEY, uuid.uuid4().hex, timeout=None)


def cached_answer(parts: tuple, compute: Callable[[], T]) -> T:
    """`compute()`, kept in Django's cache under `parts` for the current library version."""
    digest = hashlib.sha256(repr(parts).encode()).hexdigest()[:32]
    key = f"library:answer:{library_version()}:{digest}"
    answer = cache.get(key)
    if answer is None:
        answer = compute()
        cache.set(key, answer, ANSWER_SECONDS)
    return answer


class _Index:
    """Every component's list row and search strings, for one library version."""

    def __init__(self, version: str, entries: list[SearchEntry]):
        self.version, self.entries = version, entries


_index: _Index | None = None
_index_lock = threading.Lock()


def search_index() -> list[SearchEntry]:
    """This process's search entries, rebuilt when the library version changed."""
    global _index  # noqa: PLW0603  (one index per process, swapped whole)
    version = library_version()
    index = _index
    if index is not None and index.version == version:
        return index.entries
    with _index_lock:
        if _index is None or _index.version != version:
            _index = _Index(version, _load_entries())
        return _index.entries


def _load_entries() -> list[SearchEntry]:
    columns = [f if f != "library" else "library__name" for f in LIST_FIELDS]
    rows = [dict(zip(LIST_FIELDS, values, strict=True)) for values in Component.objects.values_list(*columns)]
    rows.sort(key=lambda row: (row["library"].lower(), row["name"].lower(), row["symbol_id"]))
    return [
        SearchEntry.of(
            name=row["name"],
            keywords=row["keywords"],
            description=row["description"],
            library=row["library"],
            category=row["category"],
            simulatable=row["simulatable"],
            row=row,
        )
        for row in rows
    ]


def search_components(
    query: str = "", *, library: str | None = None, category: str | None = None, simulatable: bool | None = None
) -> list[dict]:
    """List rows of the matching components, best first (see library.search for the ranking)."""
    return search(search_index(), query, library=library, category=category, simulatable=simulatable)


def component_detail(key: str) -> dict | None:
    """Everything about one component, by numeric id or symbol id ("Device:R"); None if unknown."""
    is_id = key.isascii() and key.isdigit() and len(key) <= 18  # a symbol id always has a ":"; 19 digits overflow
    lookup = {"pk": int(key)} if is_id else {"symbol_id": key}
    component = Component.objects.select_related("library").filter(**lookup).first()
    if component is None:
        return None
    return {
        "id": component.pk,
        "symbol_id": component.symbol_id,
        "library": component.library.name,
        "name": component.name,
        "description": component.description,
        "keywords": component.keywords,
        "category": component.category,
        "reference": component.reference,
        "value": component.value,
        "datasheet": component.datasheet,
        "footprint": component.footprint,
        "is_power": component.is_power,
        "simulatable": component.simulatable,
        "unit_count": component.unit_count,
        "pin_count": component.pin_count,
        "properties": component.properties,
        "pins": pins_of(component.geometry),
        "geometry": component.geometry,
        "spice": component.spice,
    }


def libraries() -> list[dict]:
    """Every imported library with its category and size, by name."""
    return [
        {"name": name, "category": category, "symbol_count": count}
        for name, category, count in SymbolLibrary.objects.order_by("name").values_list(
            "name", "category", "symbol_count"
        )
    ]


def categories() -> list[dict]:
    """The categories that have components, in palette order, with their library and component counts."""
    totals: dict[str, dict] = {}
    for row in libraries():
        total = totals.setdefault(row["category"], {"name": row["category"], "libraries": 0, "components": 0})
        total["libraries"] += 1
        total["components"] += row["symbol_count"]
    order = {name: position for position, name in enumerate(CATEGORY_ORDER)}
    return sorted(totals.values(), key=lambda total: (order.get(total["name"], len(order)), total["name"]))
