"""Refuse SPICE netlists that could make ngspice do anything but simulate.

User netlists never reach ngspice raw (ARCHITECTURE.md, "Security model").
`sanitize_netlist` reads a netlist the way ngspice 39 reads it and either
returns it, with line ends normalised and a final `.end` added if missing, or
raises `NetlistRejected` listing every problem with its line number and what to
do instead. Nothing else in the text is rewritten.

What it refuses and why; each point was tried on Debian's ngspice 39.3 or read
in ngspice's `frontend/inpcom.c` and `frontend/inp.c`:

- Control scripts and every other way a netlist makes ngspice run control
  commands (`shell`, `source`, `write` ...): `.control` ... `.endc`; a line
  starting with `*#` (ngspice runs the rest as a command, even after `.end`); a
  first line or a `.title` starting with `*ng_script` (the whole file becomes a
  command script); and control commands written as if they were cards.
- `.include`/`.inc`/`.lib` of anything but a bare name from the model library.
  ngspice opens these files while it reads the text, before it joins
  continuation lines: on line 1 (the title) too, and on a line that two
  backslashes ending the line before would otherwise join to that card.
- Models that open files or programs: the XSPICE code models `filesource`,
  `d_source`, `d_state`, `table2d`, `table3d` (the only code models in ngspice
  39's analog, digital, table, xtradev, xtraevt and spice2poly libraries with a
  file parameter; `filesource` opens `filesource.txt` even without one) and,
  from later ngspice versions, `d_process` (runs a program) and `d_cosim`
  (loads a shared library); CIDER numerical devices (`numd`, `nbjt`, `numos`
  ...: doping profiles in, solution files out); any model parameter naming a
  file; the CIDER instance parameter `ic.file`.
- `.options` naming files, folders or programs: `.options` also sets ngspice
  variables, and `.options measoutfile=/any/path` really makes ngspice write
  there. Refused by name (`_FILE_OPTIONS`) and any option value that looks like
  a path. Options that only tune the solver or the listing are untouched.
- NUL and other control characters, text that is not UTF-8, and a first line
  longer than ngspice's 4,999-byte title buffer (the rest of it would be read
  as a card).
- Analyses asking for more output points than `NetlistLimits.max_points`, and
  zero or backwards steps.

Cards are checked after joining `+` continuation lines (and lines after one
ending in two backslashes) exactly as ngspice joins them, end-of-line comments (`;`, `//`, ` $`)
stripped as ngspice strips them; names of forbidden models are also looked for
in the unstripped text, so no comment syntax can hide one.
"""

import math
import re
from bisect import bisect_right
from collections.abc import Callable, Collection
from dataclasses import dataclass, field

from .spice_numbers import parse_spice_number

# --- Public API ---------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class NetlistProblem:
    """One reason a netlist was refused."""

    line: int | None  # 1-based line in the user's text; None for the netlist as a whole
    message: str


class NetlistRejected(ValueError):
    """The netlist may not be simulated; `problems` lists every reason, in line order."""

    def __init__(self, problems: list[NetlistProblem]):
        self.problems = list(problems)
        super().__init__("\n".join(problem.message for problem in self.problems))


@dataclass(frozen=True)
class NetlistLimits:
    max_bytes: int = 2 * 1024 * 1024
    max_lines: int = 100_000
    max_points: int = 1_000_000


@dataclass(frozen=True)
class SanitizedNetlist:
    text: str  # the user's netlist for ngspice: `\n` line ends, a final `.end` added if missing; nothing else changed
    # Model-library names from .include/.lib, as written in the netlist (the file names ngspice will open); each
    # matches a `model_library` entry ignoring case. The runner copies them next to the netlist.
    includes: tuple[str, ...]
    analyses: tuple[str, ...]  # analysis cards in order, lower case without the dot: ("op", "tran", ...)
    estimated_points: int  # the largest output-point estimate among the analyses (0 if none could be made)


def sanitize_netlist(
    text: str | bytes, *, model_library: Collection[str] = (), limits: NetlistLimits = NetlistLimits()
) -> SanitizedNetlist:
    """Raise NetlistRejected listing every problem, or return the netlist to run."""
    problems: list[NetlistProblem] = []
    normalised = _read_text(text, limits, problems)
    if normalised is None:  # too large to look at
        raise NetlistRejected(problems)
    lines = normalised.split("\n")  # not splitlines(): ngspice ends lines at \n only
    if normalised.endswith("\n"):
        lines.pop()
    _check_characters(lines, problems)
    cards = _read_cards(lines, problems)
    checker = _CardChecker(_ModelLibrary(model_library), limits, problems)
    for card in cards:
        checker.check(card)
    if problems:
        problems.sort(key=lambda problem: problem.line or 0)  # stable: same-line problems keep their order
        raise NetlistRejected(problems)
    has_end = any(card.keyword == ".end" for card in cards)
    return SanitizedNetlist(
        text="".join(f"{line}\n" for line in lines) + ("" if has_end else ".end\n"),
        includes=tuple(dict.fromkeys(checker.includes)),
        analyses=tuple(checker.analyses),
        estimated_points=max(checker.point_estimates, default=0),
    )


# --- What is allowed ----------------------------------------------------------------------------------------------

# Element letters ngspice 39 knows, less N: N devices are Verilog-A (OSDI) modules, which only a .control script
# can load (and NDEV, in builds that have it, talks to a network server). P (coupled lines), Y (TXL) and Z (MESFET)
# are ngspice's own; A is XSPICE.
ELEMENT_LETTERS = frozenset("abcdefghijklmopqrstuvwxyz")

ANALYSIS_CARDS = frozenset({".op", ".dc", ".ac", ".tran", ".tf", ".noise", ".pz", ".sens"})

# .width (a SPICE2 listing option that ngspice accepts) is used by ngspice's own example decks. Not here: .endl,
# because library sections belong in library files (ngspice 39 rejects .endl in a netlist), and .if/.probe/.disto
# and other newer or rarer cards, to keep what reaches ngspice small.
DOT_CARDS = ANALYSIS_CARDS | frozenset(
    {
        ".title", ".end", ".four", ".meas", ".measure", ".param", ".func", ".model", ".subckt", ".ends", ".ic",
        ".nodeset", ".options", ".option", ".opt", ".temp", ".global", ".save", ".print", ".plot", ".csparam",
        ".include", ".inc", ".lib", ".width",
    }
)  # fmt: skip

# ngspice control commands that reach outside the simulation (files, programs, the environment, variables), refused
# when a card starts with one: outside .control they are not run, but such a line is a script pasted into a netlist.
CONTROL_COMMANDS = frozenset(
    {
        "shell", "source", "exec", "cd", "load", "write", "wrdata", "wrs2p", "edit", "rspice", "aspice",
        "codemodel", "osdi", "pre_osdi", "snsave", "snload", "hardcopy", "gnuplot", "eprvcd", "getcwd", "sysinfo",
        "rehash", "history", "set", "setcs", "unset", "option", "options", "alias", "circbyline", "mc_source",
        "bug", "help", "quit", "exit",
    }
)  # fmt: skip

# Models that touch the server: what they do, and what to use instead.
FILE_MODELS = {
    "filesource": ("reads a waveform from a file on the server", "use a PWL source instead"),
    "d_source": ("reads digital vectors from a file on the server", "drive an adc_bridge from PWL sources instead"),
    "d_state": ("reads a state table from a file on the server", "build it from gates and flip-flops instead"),
    "table2d": ("reads a table from a file on the server", "use a B source with an expression instead"),
    "table3d": ("reads a table from a file on the server", "use a B source with an expression instead"),
    "d_process": ("runs a program on the server", "model the behaviour with digital gates instead"),
    "d_cosim": ("loads a shared library on the server", "model the behaviour with digital gates instead"),
}
CIDER_MODELS = frozenset({"numd", "numd2", "nbjt", "nbjt2", "numos"})

# Options (which are also ngspice variables) that name files, folders or programs, or change how ngspice parses.
_FILE_OPTIONS = {
    "measoutfile": "makes ngspice write the .meas results to a file on the server",
    "sourcepath": "changes where ngspice looks for files to read",
    "inputdir": "changes the folder code models read files from",
    "rawfile": "names a results file on the server",
    "ngdebug": "makes ngspice write debug files",
    "ngbehavior": "changes how ngspice reads the netlist, which these checks rely on",
    "editor": "names a program on the server",
    "remote_shell": "names a program on the server",
    "rprogram": "names a program on the server",
    "spicepath": "names a program on the server",
    "helpdir": "names a folder on the server",
    "hcopydev": "names a printer on the server",
    "hcopydevtype": "names a printer on the server",
}

_MAX_TITLE_BYTES = 4096  # ngspice 39 reads line 1 with fgets(buf, 5000): a longer line runs on into a second line
_SHORT_LIBRARY = 10  # list the available models in a message when there are at most this many

# --- Reading the text ---------------------------------------------------------------------------------------------

_C_SPACE = " \t\n\r\v\f"  # C's isspace(): what ngspice skips; Python's str.split() would also skip U+00A0 etc.
_WORD = re.compile(r"[^ \t\n\r\v\f]+")
_CONTROL_CHARACTER = re.compile(r"[\x00-\x08\x0a-\x1f\x7f]")


def _read_text(text: str | bytes, limits: NetlistLimits, problems: list[NetlistProblem]) -> str | None:
    """The text with \\n line ends, or None (and a problem) if it is too large to look at."""
    if isinstance(text, str):
        size = len(text.encode("utf-8", "surrogatepass"))
        data = None
    else:
        size, data = len(text), bytes(text)
    if size > limits.max_bytes:
        problems.append(NetlistProblem(None, f"the netlist is {size:,} bytes; the limit is {limits.max_bytes:,}"))
        return None
    if data is not None:
        data = data.replace(b"\r\n", b"\n").replace(b"\r", b"\n")
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError as exc:
            line = data.count(b"\n", 0, exc.start) + 1
            message = f"line {line} is not valid UTF-8 (byte 0x{data[exc.start]:02X}): save the netlist as UTF-8 text"
            problems.append(NetlistProblem(line, message))
            text = data.decode("utf-8", "replace")  # go on, to report everything else too
    else:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
        surrogate = re.search(r"[\ud800-\udfff]", text)
        if surrogate:
            line = text.count("\n", 0, surrogate.start()) + 1
            message = f"line {line} holds U+{ord(surrogate[0]):04X}, which is not a character: it cannot be UTF-8"
            problems.append(NetlistProblem(line, message))
    count = text.count("\n") + (0 if text.endswith("\n") or not text else 1)
    if count > limits.max_lines:
        problems.append(NetlistProblem(None, f"the netlist has {count:,} lines; the limit is {limits.max_lines:,}"))
        return None
    return text


def _check_characters(lines: list[str], problems: list[NetlistProblem]) -> None:
    """NUL and other control characters have no place in a netlist, and ngspice reads them unlike Python."""
    for number, line in enumerate(lines, start=1):
        if "\0" in line:
            problems.append(NetlistProblem(number, f"line {number} contains a NUL character: a netlist is plain text"))
        other = _CONTROL_CHARACTER.search(line.replace("\0", ""))
        if other:
            message = f"line {number} contains the control character U+{ord(other[0]):04X}: only text and tabs may"
            problems.append(NetlistProblem(number, message + " appear in a netlist"))


@dataclass
class _Piece:
    """What one physical line contributes to a card."""

    line: int
    source: str  # the line as written, less leading blanks
    text: str  # what it adds to the card: `source` less a leading '+' and a trailing '\\\\'
    code: str  # `text` less its end-of-line comment


@dataclass
class _Card:
    """One card: a first line and its continuation lines, joined the way ngspice joins them."""

    pieces: list[_Piece]
    keyword: str = ""  # the first word, lower case: `.tran`, `r1`, ...
    _joined: dict[str, tuple[str, list[int]]] = field(default_factory=dict)  # filled once all pieces are in

    def __post_init__(self) -> None:
        words = _WORD.findall(self.pieces[0].code)
        self.keyword = words[0].lower() if words else ""

    @property
    def reads_raw(self) -> bool:
        """ngspice opens .include/.lib files from the first line alone, before it joins continuation lines."""
        return self.keyword.startswith((".inc", ".lib"))

    @property
    def line(self) -> int:
        return self.pieces[0].line

    @property
    def code(self) -> str:
        return self._join("code")[0]

    @property
    def text(self) -> str:
        return self._join("text")[0]

    def line_at(self, offset: int, of: str = "code") -> int:
        """The line holding the character at `offset` of `code` (or `text`)."""
        starts = self._join(of)[1]
        return self.pieces[bisect_right(starts, offset) - 1].line

    def _join(self, attribute: str) -> tuple[str, list[int]]:
        if attribute not in self._joined:
            parts, starts, offset = [], [], 0
            for piece in self.pieces:
                starts.append(offset)
                parts.append(getattr(piece, attribute))
                offset += len(parts[-1]) + 1
            self._joined[attribute] = (" ".join(parts), starts)
        return self._joined[attribute]


_COMMENT = re.compile(r";|//|(?<=[ \t,])\$")


def _strip_comment(text: str) -> str:
    """`text` less an end-of-line comment: from ';', '//', or a '$' after a space, tab or comma (as ngspice)."""
    comment = _COMMENT.search(text)
    return text[: comment.start()] if comment else text


def _continues_next_line(line: str) -> bool:
    """ngspice joins the next line to this one if it ends in '\\\\' (not after '*' or '$' comments)."""
    return not line.startswith(("*", "$")) and line.rstrip(_C_SPACE).endswith("\\\\")


def _piece(number: int, source: str, text: str) -> _Piece:
    trimmed = text.rstrip(_C_SPACE)
    if trimmed.endswith("\\\\"):  # ngspice blanks the two backslashes that join the next line
        text = trimmed[:-2]
    return _Piece(number, source, text, _strip_comment(text))


def _read_cards(lines: list[str], problems: list[NetlistProblem]) -> list[_Card]:
    """The cards after the title line, with their continuations joined; reading problems go to `problems`."""
    cards: list[_Card] = []
    if not lines:
        return cards
    _check_title(lines[0], problems)
    current: _Card | None = None  # the card continuation lines join
    joins_next = _continues_next_line(lines[0])  # a trailing '\\' makes the next non-blank line a continuation
    joined_from = 1
    control_line: int | None = None  # inside .control ... .endc: not read, the .control line is refused
    for number, line in enumerate(lines[1:], start=2):
        content = line.lstrip(" \t")  # ngspice's readline drops leading blanks and tabs
        if not content.strip(_C_SPACE):
            continue  # blank lines are skipped, even between a '\\' line and its continuation
        lowered = content.lower()
        _check_raw_line(number, content, problems)
        if control_line is not None:
            if lowered.startswith(".endc"):
                control_line = None
            continue
        if joins_next or content.startswith("+"):
            how = f"line {joined_from} ends in '\\\\'" if joins_next else "it starts with '+'"
            piece = _piece(number, content, content if joins_next else content[1:])
            joins_next, joined_from = _continues_next_line("+" + content), number
            _check_continuation(number, piece, how, current, problems)
            if current is not None:
                current.pieces.append(piece)
                if current.reads_raw:
                    message = f"'{current.keyword}' on line {current.line} is continued on line {number}:"
                    problems.append(NetlistProblem(number, f"{message} write it on a single line"))
            continue
        if lowered.startswith("*#"):
            message = f"line {number} starts with '*#', which ngspice runs as a control command, not a comment:"
            problems.append(NetlistProblem(number, f"{message} write '* #' instead"))
        if lowered.startswith(("*", "$", ";", "//")):  # comments; they do not end the card before them
            joins_next, joined_from = _continues_next_line(content), number
            continue
        current = _Card([_piece(number, content, content)])
        joins_next, joined_from = _continues_next_line(content) and current.keyword != ".end", number
        if current.keyword.startswith(".control"):  # ngspice matches the prefix
            problems.append(NetlistProblem(number, _control_message(number)))
            control_line, current, joins_next = number, None, False
            continue
        cards.append(current)
    return cards


def _control_message(number: int) -> str:
    return f"'.control' on line {number}: .control scripts are not supported; use analysis cards such as .tran instead"


def _check_title(title: str, problems: list[NetlistProblem]) -> None:
    """Line 1 is the title whatever it says, yet ngspice still acts on a few things there."""
    content = title.lstrip(_C_SPACE).lower()
    if content.startswith("*ng_script"):
        message = "line 1 starts with '*ng_script', which makes ngspice run the whole file as a control script:"
        problems.append(NetlistProblem(1, f"{message} choose another title"))
    elif content.startswith((".inc", ".lib")):
        word = content.split()[0]
        message = f"line 1 is the title, yet ngspice still opens the file named by '{word}' there:"
        problems.append(NetlistProblem(1, f"{message} put a plain title on line 1 and the {word} below it"))
    else:
        _check_raw_line(1, title.lstrip(_C_SPACE), problems)
    size = len(title.encode("utf-8", "surrogatepass"))
    if size > _MAX_TITLE_BYTES:
        message = f"line 1 (the title) is {size:,} bytes long; ngspice reads only 4,999 bytes of it as the title and"
        problems.append(NetlistProblem(1, f"{message} the rest as a card: keep it under {_MAX_TITLE_BYTES:,} bytes"))


def _check_raw_line(number: int, content: str, problems: list[NetlistProblem]) -> None:
    """`.title` is acted on as each line is read, whether or not the line continues another."""
    if content.lower().startswith(".title"):
        words = content.split(None, 1)
        if len(words) > 1 and words[1].lstrip(_C_SPACE).lower().startswith("*ng_script"):
            message = f"'.title *ng_script' on line {number} makes ngspice run the whole file as a control script:"
            problems.append(NetlistProblem(number, f"{message} choose another title"))


def _check_continuation(
    number: int, piece: _Piece, how: str, card: _Card | None, problems: list[NetlistProblem]
) -> None:
    words = _WORD.findall(piece.code)
    first = words[0].lower() if words else ""
    if card is None:
        problems.append(
            NetlistProblem(number, f"line {number} continues a card ({how}), but there is no card before it")
        )
    elif first.startswith((".inc", ".lib")):
        message = f"line {number} starts with '{words[0]}' but continues the card before it ({how}):"
        problems.append(NetlistProblem(number, f"{message} ngspice would still open the file; give it its own line"))
    elif first in (".control", ".endc"):
        message = f"line {number} continues the card before it ({how}) but holds '{words[0]}':"
        problems.append(NetlistProblem(number, f"{message} .control scripts are not supported"))


# --- Checking cards -----------------------------------------------------------------------------------------------


class _ModelLibrary:
    """The model names a netlist may include, matched ignoring case."""

    def __init__(self, names: Collection[str]):
        self.names = {name.lower(): name for name in names}

    def __contains__(self, name: str) -> bool:
        return name.lower() in self.names

    def hint(self) -> str:
        if not self.names:
            return "; the model library is empty"
        if len(self.names) <= _SHORT_LIBRARY:
            return "; available: " + ", ".join(sorted(self.names.values()))
        return ""

    def example(self) -> str:
        return min(self.names.values()) if self.names else "NAME"


_ANALYSIS_WORD = re.compile(r"[^ \t\n\r\v\f,()]+(?:\([^)]*\))?|\([^)]*\)")
_OPTION = re.compile(r"([^ \t\n\r\v\f=,]+)(?:[ \t]*=[ \t]*([^ \t\n\r\v\f,]*))?")
_MODEL_WORD = re.compile(r"[^ \t\n\r\v\f(),={}\"']+")
_MODEL_PARAMETER = re.compile(r"([A-Za-z_][\w.]*)[ \t]*=", re.ASCII)
_FILE_PARAMETER = re.compile(r"(?:.*[._])?file|infile|rootfile", re.IGNORECASE)
_LIBRARY_WORD = re.compile(r"[^ \t\n\r\v\f\"']+")
_PATH = re.compile(r"[/\\~]|\.\.")
_IC_FILE = re.compile(r"(?<![^ \t,(])ic\.file", re.IGNORECASE)


_Estimate = tuple[int, str]  # output points, and what to do if they are too many


class _CardChecker:
    """Checks cards one by one, collecting problems, includes, analyses and point estimates."""

    def __init__(self, library: _ModelLibrary, limits: NetlistLimits, problems: list[NetlistProblem]):
        self.library, self.limits, self.problems = library, limits, problems
        self.includes: list[str] = []
        self.analyses: list[str] = []
        self.point_estimates: list[int] = []

    def refuse(self, line: int, message: str) -> None:
        self.problems.append(NetlistProblem(line, message))

    def check(self, card: _Card) -> None:
        keyword = card.keyword
        if keyword.startswith("."):
            self.check_dot_card(card, keyword)
        elif keyword in CONTROL_COMMANDS:
            self.refuse(
                card.line,
                f"'{keyword}' on line {card.line} is an ngspice control command, and control commands are not run"
                " here; if it is meant to be an element, give it another name",
            )
        elif keyword[:1] in ELEMENT_LETTERS and keyword.isascii():
            self.check_element(card)  # a bare letter is a name too: ngspice reads `r 1 2 1.0`
        elif keyword[:1] == "n":
            self.refuse(
                card.line,
                f"'{keyword}' on line {card.line}: N devices are Verilog-A (OSDI) models, which only a .control"
                " script can load, and .control scripts are not supported",
            )
        else:
            self.refuse(card.line, f"unknown element or command '{_first_word(card)}' on line {card.line}")

    def check_element(self, card: _Card) -> None:
        """Elements are the user's business, but for a parameter that makes ngspice read a file."""
        for match in _IC_FILE.finditer(card.text):
            line = card.line_at(match.start(), "text")
            self.refuse(line, f"'ic.file' on line {line} would make ngspice read a file on the server: remove it")

    def check_dot_card(self, card: _Card, keyword: str) -> None:
        check: Callable[[_Card], None] | None = {
            ".include": self.check_include,
            ".inc": self.check_include,
            ".lib": self.check_lib,
            ".model": self.check_model,
            ".options": self.check_options,
            ".option": self.check_options,
            ".opt": self.check_options,
        }.get(keyword)
        if keyword in DOT_CARDS:
            if check:
                check(card)
            elif keyword in ANALYSIS_CARDS:
                self.check_analysis(card, keyword)
        elif keyword.startswith(".endc"):
            self.refuse(card.line, f"'.endc' on line {card.line} ends a .control script: remove it")
        elif keyword == ".endl":
            self.refuse(
                card.line,
                f"'.endl' on line {card.line}: library sections (.lib NAME ... .endl) can only be defined in model"
                " library files; load one with .lib LIBRARY SECTION",
            )
        elif keyword[1:] in CONTROL_COMMANDS or keyword in (".system", ".spawn"):
            self.refuse(card.line, f"'{keyword}' on line {card.line} would run a command on the server: remove it")
        else:
            self.refuse(card.line, f"unknown element or command '{_first_word(card)}' on line {card.line}")

    # .include NAME, .lib NAME SECTION

    def check_include(self, card: _Card) -> None:
        words, quoted = self.library_words(card)
        if len(words) != 1:
            self.refuse(
                card.line,
                f"'{card.keyword}' on line {card.line} takes exactly one name from the model library:"
                f" {card.keyword} {self.library.example()}",
            )
            return
        self.check_library_name(card, words[0], quoted)

    def check_lib(self, card: _Card) -> None:
        words, quoted = self.library_words(card)
        if len(words) != 2:
            self.refuse(
                card.line,
                f"'.lib' on line {card.line} takes a library name and a section name: .lib LIBRARY SECTION"
                " (use .include LIBRARY for a whole model file)",
            )
            return
        if self.check_library_name(card, words[0], quoted) and not re.fullmatch(r"[\w.+-]+", words[1], re.ASCII):
            self.refuse(card.line, f"section '{words[1]}' of '.lib' on line {card.line} must be a plain name")

    def library_words(self, card: _Card) -> tuple[list[str], bool]:
        rest = card.pieces[0].code.lstrip(_C_SPACE)[len(card.keyword) :]
        return _LIBRARY_WORD.findall(rest), any(quote in rest for quote in "\"'")

    def check_library_name(self, card: _Card, name: str, quoted: bool) -> bool:
        keyword, line = card.keyword, card.line
        if _PATH.search(name):
            self.refuse(
                line,
                f"'{keyword} {name}' on line {line} names a file path; only models from the model library can be"
                f" included, by bare name: {keyword} {self.library.example()}",
            )
        elif name not in self.library:
            self.refuse(line, f"'{name}' ({keyword} on line {line}) is not in the model library{self.library.hint()}")
        elif quoted:
            self.refuse(line, f"write the name in '{keyword}' on line {line} without quotes: {keyword} {name}")
        else:
            self.includes.append(name)
            return True
        return False

    # .model

    def check_model(self, card: _Card) -> None:
        words = [(match[0].lower(), match.start()) for match in _MODEL_WORD.finditer(card.code)]
        name = words[1][0] if len(words) > 1 else "?"
        kind, kind_at = words[2] if len(words) > 2 else ("", 0)
        raw_words = [(match[0].lower(), match.start()) for match in _MODEL_WORD.finditer(card.text)]
        # the type, then every word as written (comments too) but the model's own name
        suspects = [(kind, card.line_at(kind_at))] + [(w, card.line_at(at, "text")) for w, at in raw_words[2:]]
        for word, line in suspects:
            if word in FILE_MODELS:
                what, instead = FILE_MODELS[word]
                self.refuse(
                    line,
                    f"'.model {name} {word}' on line {line} uses the XSPICE code model '{word}', which {what}:"
                    f" {instead}",
                )
                return
            if word in CIDER_MODELS:
                self.refuse(
                    line,
                    f"'.model {name} {word}' on line {line} is a CIDER numerical device, which reads and writes files"
                    " on the server: use a compact model (D, NPN, NMOS ...) instead",
                )
                return
        for match in _MODEL_PARAMETER.finditer(card.code):
            if _FILE_PARAMETER.fullmatch(match[1]):
                line = card.line_at(match.start())
                self.refuse(
                    line,
                    f"parameter '{match[1]}' of '.model {name}' on line {line} names a file, and models may not read"
                    " files on the server",
                )

    # .options

    def check_options(self, card: _Card) -> None:
        for words, of in ((card.code, "code"), (card.text, "text")):
            for match in _OPTION.finditer(words, len(card.keyword)):
                option, value = match[1].lower(), match[2] or ""
                line = card.line_at(match.start(), of)
                if option in _FILE_OPTIONS:
                    message = f"option '{match[1]}' on line {line} {_FILE_OPTIONS[option]}: remove it"
                elif of == "code" and _PATH.search(value):
                    message = f"option '{match[1]}={value}' on line {line} names a path on the server: remove it"
                else:
                    continue
                if NetlistProblem(line, message) not in self.problems:
                    self.refuse(line, message)

    # Analyses and their output points

    def check_analysis(self, card: _Card, keyword: str) -> None:
        self.analyses.append(keyword[1:])
        if any(char in card.code for char in "{}'"):
            return  # a parameter expression: the values are not known before ngspice evaluates them
        words = [match[0] for match in _ANALYSIS_WORD.finditer(card.code)][1:]
        estimate = {
            ".tran": self.tran_points,
            ".ac": self.ac_points,
            ".noise": self.noise_points,
            ".sens": self.sens_points,
            ".dc": self.dc_points,
        }.get(keyword)
        try:
            estimated = estimate(card, words) if estimate else (1, "")
        except ValueError:
            return  # not plain numbers: no estimate
        if estimated is None:
            return
        points, advice = estimated
        self.point_estimates.append(points)
        if points > self.limits.max_points:
            self.refuse(
                card.line,
                f"{_shown(card)} on line {card.line} asks for about {_count(points)} points; the limit is"
                f" {self.limits.max_points:,}: {advice}",
            )

    def tran_points(self, card: _Card, words: list[str]) -> _Estimate | None:
        """`.tran TSTEP TSTOP [TSTART [TMAX]] [UIC]`: (TSTOP - TSTART) / TSTEP, or / TMAX if that is smaller."""
        values = [word for word in words if word.lower() != "uic"]
        if len(values) < 2:
            return None
        step, stop = parse_spice_number(values[0]), parse_spice_number(values[1])
        start = parse_spice_number(values[2]) if len(values) > 2 else 0.0
        max_step = parse_spice_number(values[3]) if len(values) > 3 else 0.0
        if step <= 0:
            self.refuse(card.line, f"{_shown(card)} on line {card.line} has a time step of {values[0]}: use a step > 0")
            return None
        if 0 < max_step < step:  # ngspice never steps further than the maximum step
            return _whole((stop - start) / max_step), "use a larger maximum step or a shorter stop time"
        return _whole((stop - start) / step), "use a larger step or a shorter stop time"

    def ac_points(self, card: _Card, words: list[str]) -> _Estimate | None:
        """`.ac dec|oct|lin N FSTART FSTOP`."""
        return self.sweep_points(card, words)

    def noise_points(self, card: _Card, words: list[str]) -> _Estimate | None:
        """`.noise V(OUT[,REF]) SRC dec|oct|lin N FSTART FSTOP [PTS]`."""
        return self.sweep_points(card, words[2:])

    def sens_points(self, card: _Card, words: list[str]) -> _Estimate | None:
        """`.sens OUT` is one point; `.sens OUT ac dec|oct|lin N FSTART FSTOP` sweeps."""
        lowered = [word.lower() for word in words]
        return self.sweep_points(card, words[lowered.index("ac") + 1 :]) if "ac" in lowered else (1, "")

    def sweep_points(self, card: _Card, words: list[str]) -> _Estimate | None:
        """A frequency sweep `dec|oct|lin N FSTART FSTOP`: N per decade or octave (and one more), or N in all."""
        kind = words[0].lower() if words else ""
        if kind not in ("dec", "oct", "lin") or len(words) < 4:
            return None
        count, start, stop = (parse_spice_number(word) for word in words[1:4])
        if count <= 0:
            self.refuse(card.line, f"{_shown(card)} on line {card.line} asks for {words[1]} points: use a number > 0")
            return None
        if kind == "lin":
            return _whole(count), "use fewer points"
        if start <= 0:
            message = f"{_shown(card)} on line {card.line} starts at {words[2]} Hz: a {kind} sweep must start above 0"
            self.refuse(card.line, message)
            return None
        span = math.log(stop / start, 10 if kind == "dec" else 2) if stop > start else 0.0
        per = "decade" if kind == "dec" else "octave"
        return _whole(count * span, math.floor) + 1, f"use fewer points per {per} or a narrower frequency range"

    def dc_points(self, card: _Card, words: list[str]) -> _Estimate | None:
        """`.dc SRC START STOP STEP [SRC2 START2 STOP2 STEP2]`: the product of both sweeps' points."""
        if len(words) not in (4, 8):
            return None
        total = 1
        for source, *values in (words[:4], words[4:8]) if len(words) == 8 else (words,):
            start, stop, step = (parse_spice_number(value) for value in values)
            if step == 0:
                self.refuse(card.line, f"{_shown(card)} on line {card.line} sweeps {source} with a step of 0")
                return None
            if (stop - start) * step < 0:  # ngspice 39 then computes no point at all
                self.refuse(
                    card.line,
                    f"{_shown(card)} on line {card.line} steps {source} by {values[2]}, away from {values[1]}:"
                    " change the sign of the step",
                )
                return None
            total *= _whole(abs(stop - start) / abs(step), math.floor) + 1
        return total, "use larger steps or narrower sweeps"


def _whole(value: float, rounding: Callable[[float], int] = math.ceil) -> int:
    """`value` rounded by `rounding`, or to the nearest whole number when only float error lies between them."""
    if value <= 0:
        return 0
    value = min(value, 1e30)  # absurd requests stay countable and printable
    nearest = round(value)
    return nearest if abs(value - nearest) <= 1e-9 * value else rounding(value)


def _count(points: int) -> str:
    return f"{points:,}" if points < 10**15 else f"{points:.1e}"


def _first_word(card: _Card) -> str:
    return _WORD.findall(card.pieces[0].source)[0]


def _shown(card: _Card) -> str:
    """The card as people wrote it, on one line, shortened for a message."""
    shown = " ".join(_WORD.findall(card.code))
    return shown if len(shown) <= 60 else shown[:57] + "..."
