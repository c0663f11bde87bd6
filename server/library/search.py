"""Component search: matching and ranking over an in-memory list (pure; no Django).

A query is split into words (runs of letters and digits, case-insensitive). A
component matches when every word is found: inside its name ("741" finds LM741),
or as the start of a word of its keywords or description ("res" finds "resistor",
not "address").

Rank, best first: 0 the name is the query (or one of its words), 1 the name
starts with a query word, 2 a keyword starts with one, 3 the name contains one
(part numbers: "3904"), 4 only the description matched. Ties: shorter name, then
name, then library.
"""

import re
from collections.abc import Iterable
from dataclasses import dataclass

_WORD = re.compile(r"[^\W_]+")  # letters and digits; "_", "-", "/", "(" ... separate words

EXACT, NAME_PREFIX, KEYWORD, NAME_CONTAINS, DESCRIPTION = range(5)


def words(text: str) -> list[str]:
    """The lower-case words of `text`."""
    return _WORD.findall(text.lower())


def word_starts(text: str) -> str:
    """`text`'s words joined so that `" " + prefix in result` tests "some word starts with prefix"."""
    return " " + " ".join(words(text))


@dataclass(frozen=True, slots=True)
class SearchEntry:
    """One component as the search sees it; `row` is what a hit returns."""

    name: str  # lower case
    keyword_starts: str  # word_starts(keywords)
    description_starts: str  # word_starts(description)
    library: str
    category: str
    simulatable: bool
    row: object

    @classmethod
    def of(cls, *, name: str, keywords: str, description: str, library: str, category: str, simulatable: bool, row):
        return cls(name.lower(), word_starts(keywords), word_starts(description), library, category, simulatable, row)


def search(
    entries: Iterable[SearchEntry],
    query: str = "",
    *,
    library: str | None = None,
    category: str | None = None,
    simulatable: bool | None = None,
) -> list:
    """The rows of the entries matching `query` and the filters, best first (no query: in the given order)."""
    if library is not None:
        entries = [e for e in entries if e.library == library]
    if category is not None:
        entries = [e for e in entries if e.category == category]
    if simulatable is not None:
        entries = [e for e in entries if e.simulatable == simulatable]
    query_words = words(query)
    if not query_words:
        return [e.row for e in entries]
    exact = " ".join(query.lower().split())
    starts = [" " + w for w in query_words]
    # Narrow by the rarest-looking (longest) word first, with plain substring tests in C.
    for word, start in sorted(zip(query_words, starts, strict=True), key=lambda pair: -len(pair[0])):
        entries = [e for e in entries if word in e.name or start in e.keyword_starts or start in e.description_starts]
    ranked = []
    for entry in entries:
        rank = _rank(entry, exact, query_words, starts)
        ranked.append((rank, len(entry.name), entry.name, entry.library, entry.row))
    ranked.sort(key=lambda item: item[:4])
    return [item[4] for item in ranked]


def _rank(entry: SearchEntry, exact: str, query_words: list[str], starts: list[str]) -> int:
    name = entry.name
    if name == exact or name in query_words:
        return EXACT
    if any(name.startswith(w) for w in query_words):
        return NAME_PREFIX
    if any(s in entry.keyword_starts for s in starts):
        return KEYWORD
    if any(w in name for w in query_words):
        return NAME_CONTAINS
    return DESCRIPTION
