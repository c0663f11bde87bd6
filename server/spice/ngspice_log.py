"""Turn ngspice's log and stderr into diagnostics, with the netlist line where one can be found.

ngspice reports problems in a few shapes:
    Error on line 5 or its substitute:
      q1 2 3 4 nomodel
    could not find a valid modelname
    ---
    Error: unknown subckt: x1 1 2 nosub
    ---
    warning, can't find model 'nomodel' from line
        q1 2 3 4 nomodel
    ---
    Warning: singular matrix:  check node v1#branch
Everything else (banner, statistics, notes) is not a diagnostic.
"""

import re

MAX_DIAGNOSTICS = 50

_ERROR_ON_LINE = re.compile(r"^\s*Error on line (\d+)", re.IGNORECASE)
_ERROR = re.compile(r"^\s*(?:\*+\s*)?Error\b[:,]?\s*(.*)$", re.IGNORECASE)
_WARNING = re.compile(r"(?:^|\s)Warning\b[:,]?\s*(.*)$", re.IGNORECASE)
_FATAL = re.compile(r"(timestep too small|singular matrix|no convergence|simulation interrupted)", re.IGNORECASE)
# Chatter that repeats the real problem or is no problem at all.
_NOISE = re.compile(r"^(further gmin increment|simulation interrupted due to error!?)$", re.IGNORECASE)


def _normalise(text: str) -> str:
    return " ".join(text.lower().split())


class _LineFinder:
    """Find which netlist line a card or an element name came from."""

    def __init__(self, netlist: str):
        self.lines = [_normalise(line) for line in netlist.splitlines()]
        self.element_line: dict[str, int] = {}
        for number, text in enumerate(self.lines[1:], start=2):  # line 1 is the title
            if text and text[0].isalpha():
                self.element_line.setdefault(text.split()[0], number)

    def of_card(self, card: str) -> int | None:
        wanted = _normalise(card)
        if not wanted:
            return None
        for number, text in enumerate(self.lines[1:], start=2):
            if text == wanted or (len(wanted) > 3 and text.startswith(wanted)):
                return number
        return None

    def of_message(self, message: str) -> int | None:
        for token in re.findall(r"[a-z][\w.#]*", message.lower()):
            if token in self.element_line and len(token) > 1:
                return self.element_line[token]
        return None


def diagnostics_from_log(log: str, netlist: str) -> list[dict]:
    """Errors and warnings from ngspice output, deduplicated, at most MAX_DIAGNOSTICS."""
    finder = _LineFinder(netlist)
    lines = log.splitlines()
    found: list[dict] = []
    i = 0
    while i < len(lines):
        line = lines[i]
        if match := _ERROR_ON_LINE.match(line):
            # "Error on line N ...:", then the card, then the explanation (until a blank line).
            card = lines[i + 1].strip() if i + 1 < len(lines) else ""
            explanation = []
            i += 2
            while i < len(lines) and lines[i].strip() and not _NOISE.match(lines[i].strip()):
                explanation.append(lines[i].strip())
                i += 1
            message = " ".join(explanation) or "error"
            found.append(
                {"severity": "error", "line": int(match.group(1)), "message": f"{message.strip(' -')}: {card}"}
            )
            continue
        if match := _ERROR.match(line):
            message = match.group(1).strip() or "error"
            found.append(_located("error", message, finder))
        elif match := _WARNING.search(line):
            message = match.group(1).strip()
            following = lines[i + 1] if i + 1 < len(lines) else ""
            if message.endswith("from line") and following.startswith(" "):
                i += 1  # "warning, can't find model 'x' from line" + the card on the next line
                card_line = finder.of_card(following)
                found.append(
                    _with_line({"severity": "warning", "message": f"{message} {following.strip()}"}, card_line)
                )
            elif message and not _NOISE.match(message):
                found.append(_located("warning", message, finder))
        elif _FATAL.search(line) and not _NOISE.match(line.strip()):
            found.append(_located("error", line.strip(), finder))
        i += 1
    return _deduplicated(found)[:MAX_DIAGNOSTICS]


def _with_line(diagnostic: dict, line: int | None) -> dict:
    if line is not None:
        diagnostic["line"] = line
    return diagnostic


def _located(severity: str, message: str, finder: _LineFinder) -> dict:
    return _with_line({"severity": severity, "message": message}, finder.of_message(message))


def _deduplicated(diagnostics: list[dict]) -> list[dict]:
    seen, unique = set(), []
    for d in diagnostics:
        key = (d["severity"], d["message"], d.get("line"))
        if key not in seen:
            seen.add(key)
            unique.append(d)
    return unique
