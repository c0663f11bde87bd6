"""Read ngspice raw files (binary and ASCII) into plots of named, unit-tagged numpy vectors.

A raw file holds one or more plots back to back. Each plot is a text header
(Title, Date, Plotname, Flags, No. Variables, No. Points, optional Dimensions,
Command and Option lines, then Variables) followed by either `Binary:` and
little-endian float64 values, point-major (every variable of point 0, then of
point 1 ...; two doubles per variable when the plot is complex), or `Values:`
and text: a point index, then one value per line ("re,im" when complex).

What the reader fixes on the way, all seen in ngspice 39 output:
- the AC `frequency` scale comes as a complex vector whose imaginary part is
  uninitialised memory (e.g. -3.7e-266); scales of sweeps are reported real;
- branch currents `v1#branch` are named `i(v1)`;
- in batch mode (`-r`) ngspice types every unknown quantity as "voltage" and
  wraps it in `v(...)`: tf results, pole-zero values, sensitivities, integrated
  noise, the DC sweep scale (`v(v-sweep)`). Those get their plain ngspice names
  (`transfer_function`, `pole(1)`, `r1`, `onoise_total`, `v-sweep`) and units
  that fit the analysis rather than "V";
- ngspice 39 never writes `Dimensions:` for a nested `.dc`; the reader finds
  the two sweep sizes from the repeating inner sweep in the scale.
"""

import math
import re
from collections import Counter
from dataclasses import dataclass

import numpy as np


@dataclass(frozen=True, eq=False)  # eq=False: comparing arrays field by field has no single truth value
class Vector:
    """One variable of a plot. Arrays are float64, 1-D and read-only."""

    name: str  # as the API shows it: "time", "frequency", "v(out)", "i(v1)" ...
    unit: str  # "s", "Hz", "V", "A", "V/sqrt(Hz)", "Ω", "rad/s" ... or "" when it has none or is unknown
    real: np.ndarray
    imag: np.ndarray | None = None  # for complex vectors, else None


@dataclass(frozen=True)
class Plot:
    """One analysis result: its scale and vectors, the scale first."""

    name: str  # ngspice-style id, numbered per kind in file order: "op1", "tran1", "noise1", "noise2" ...
    title: str  # the raw file's Title:
    plotname: str  # the raw file's Plotname:, e.g. "Transient Analysis"
    kind: str  # "op" | "dc" | "ac" | "tran" | "tf" | "noise" | "pz" | "sens" | "disto" | "sp" | "unknown"
    scale: str  # name of the scale vector (the first variable)
    vectors: list[Vector]  # all variables in file order, the scale first
    dimensions: tuple[int, ...] | None  # sizes of a multi-dimensional sweep, outermost first, else None

    def vector(self, name: str) -> Vector:
        """The vector called `name` (KeyError if there is none)."""
        for vector in self.vectors:
            if vector.name == name:
                return vector
        raise KeyError(name)


class RawFileError(ValueError):
    """The data is not a raw file this reader understands (truncated, malformed, inconsistent)."""


# Plotname -> kind, first match wins (lower-case substrings; "noise" before "ac", "transfer function" before "dc").
_KINDS_BY_PLOTNAME = (
    ("transient", "tran"),
    ("operating point", "op"),
    ("transfer function", "tf"),
    ("pole-zero", "pz"),
    ("pole zero", "pz"),
    ("distortion", "disto"),
    ("noise", "noise"),
    ("sensitivity", "sens"),
    ("s-param", "sp"),
    ("sp analysis", "sp"),
    ("dc transfer", "dc"),
    ("d.c.", "dc"),
    ("ac analysis", "ac"),
    ("a.c.", "ac"),
)

# ngspice vector types (src/frontend/typesdef.c) -> units.
_UNITS_BY_TYPE = {
    "time": "s",
    "frequency": "Hz",
    "voltage": "V",
    "current": "A",
    "voltage-density": "V/sqrt(Hz)",
    "current-density": "A/sqrt(Hz)",
    "voltage^2-density": "V^2/Hz",
    "current^2-density": "A^2/Hz",
    "voltage^2": "V^2",
    "current^2": "A^2",
    "pole": "rad/s",
    "zero": "rad/s",
    "temp-sweep": "°C",
    "temperature": "°C",
    "res-sweep": "Ω",
    "impedance": "Ω",
    "admittance": "S",
    "power": "W",
    "phase": "rad",
    "decibel": "dB",
    "capacitance": "F",
    "charge": "C",
}

# Scales that are real by nature: a complex plot stores them complex with junk imaginary parts.
_REAL_SCALE_TYPES = frozenset({"time", "frequency", "temp-sweep", "res-sweep", "temperature"})

_HEADER_LINE = re.compile(r"([A-Za-z][A-Za-z. ]*):(.*)")
_NEXT_HEADER = re.compile(rb"^[ \t]*(?:Title|Date|Plotname):", re.MULTILINE | re.IGNORECASE)
_HEADER_START = re.compile(rb"(?:Title|Date|Plotname):", re.IGNORECASE)
# ngspice writes "No. Points: 0" first and the real count when the analysis ends.
_STOPPED = "{where}: 'No. Points: 0' but values follow: ngspice was stopped before it finished the analysis"
_WRAPPED = re.compile(r"([vi])\((.*)\)")
_POLE_OR_ZERO = re.compile(r"(?:pole|zero)\(\d+\)")
_MAX_HEADER_LINE = 64 * 1024


@dataclass
class _Variable:
    name: str  # as written in the file
    type: str
    length: int | None  # from a "dims=" attribute, else None (= No. Points)


@dataclass
class _Header:
    title: str = ""
    plotname: str = ""
    complex: bool = False
    padded: bool = True
    variable_count: int | None = None
    point_count: int | None = None
    dimensions: tuple[int, ...] | None = None
    variables: list[_Variable] | None = None
    binary: bool = True


def read_raw(data: bytes) -> list[Plot]:
    """All plots of an ngspice raw file, binary or ASCII, in file order ([] for an empty file)."""
    plots: list[Plot] = []
    per_kind: Counter[str] = Counter()
    pos = 0
    while True:
        pos = _skip_blank(data, pos)
        if pos >= len(data):
            return plots
        where = f"plot {len(plots) + 1}"
        header, pos = _read_header(data, pos, where)
        if header.plotname:
            where += f" ({header.plotname!r})"
        if header.binary:
            columns, pos = _read_binary(data, pos, header, where)
        else:
            columns, pos = _read_ascii(data, pos, header, where)
        kind = _kind(header.plotname)
        per_kind[kind] += 1
        plots.append(_build_plot(header, columns, kind, f"{kind}{per_kind[kind]}", where))


def _skip_blank(data: bytes, pos: int) -> int:
    while pos < len(data) and data[pos] in b" \t\r\n":
        pos += 1
    return pos


def _next_line(data: bytes, pos: int, where: str) -> tuple[str, int]:
    """The text line at `pos` (without its newline) and the position after it."""
    if pos >= len(data):
        raise RawFileError(f"{where}: the header ends early (truncated file)")
    end = data.find(b"\n", pos, pos + _MAX_HEADER_LINE)
    if end < 0 and len(data) - pos < _MAX_HEADER_LINE:
        end = len(data)  # a last line without a newline
    if end < 0 or b"\0" in data[pos:end]:
        raise RawFileError(f"{where}: binary data at byte {pos} where a header line was expected")
    return data[pos:end].decode("utf-8", errors="replace").rstrip("\r"), end + 1


def _read_header(data: bytes, pos: int, where: str) -> tuple[_Header, int]:
    header = _Header()
    while header.variables is None:
        line, pos = _next_line(data, pos, where)
        if not line.strip():
            continue
        match = _HEADER_LINE.match(line.strip())
        if not match:
            raise RawFileError(f"{where}: not a raw file header line: {line[:80]!r}")
        key, value = match.group(1).strip().lower(), match.group(2).strip()
        if key == "title":
            header.title = value
        elif key == "plotname":
            header.plotname = value
        elif key == "flags":
            flags = value.lower().split()
            header.complex = "complex" in flags
            header.padded = "unpadded" not in flags
        elif key == "no. variables":
            header.variable_count = _count(value, "No. Variables", where)
        elif key == "no. points":
            header.point_count = _count(value, "No. Points", where)
        elif key == "dimensions":
            header.dimensions = _dimensions(value, where)
        elif key == "variables":
            header.variables, pos = _read_variables(data, pos, value, header, where)
        elif key in ("binary", "values"):
            raise RawFileError(f"{where}: data starts before the Variables: section")
        # Title, Date, Command, Option and unknown lines carry nothing we need.
    line, pos = _next_line(data, pos, where)
    marker = line.strip().lower()
    if marker not in ("binary:", "values:"):
        raise RawFileError(f"{where}: expected 'Binary:' or 'Values:' after the variables, got {line[:80]!r}")
    header.binary = marker == "binary:"
    return header, pos


def _count(value: str, field: str, where: str) -> int:
    try:
        count = int(value)
    except ValueError:
        raise RawFileError(f"{where}: {field} is not a number: {value!r}") from None
    if count < 0:
        raise RawFileError(f"{where}: {field} is negative: {count}")
    return count


def _dimensions(value: str, where: str) -> tuple[int, ...]:
    """ngspice writes "2,3"; its reader also takes "[2][3]"."""
    sizes = tuple(int(size) for size in re.findall(r"\d+", value))
    if not sizes or not re.fullmatch(r"[\d\s,\[\]]+", value):
        raise RawFileError(f"{where}: bad dimensions {value!r}")
    return sizes


def _read_variables(data: bytes, pos: int, first: str, header: _Header, where: str) -> tuple[list[_Variable], int]:
    if header.variable_count is None:
        raise RawFileError(f"{where}: 'No. Variables:' is missing before 'Variables:'")
    if header.point_count is None:
        raise RawFileError(f"{where}: 'No. Points:' is missing before 'Variables:'")
    if header.variable_count == 0:
        raise RawFileError(f"{where}: the plot has no variables")
    variables = []
    for index in range(header.variable_count):
        if index == 0 and first:
            line = first  # "Variables: 0 time time" on one line is allowed
        else:
            line, pos = _next_line(data, pos, where)
        fields = line.split()
        if len(fields) < 2 or not fields[0].isdigit():
            raise RawFileError(
                f"{where}: expected {header.variable_count} variables, variable {index} reads {line[:80]!r}"
            )
        length = None
        for attribute in fields[3:]:
            if attribute.lower().startswith("dims="):
                length = math.prod(_dimensions(attribute[5:], where))
        variables.append(_Variable(fields[1], fields[2].lower() if len(fields) > 2 else "notype", length))
    return variables, pos


def _read_binary(data: bytes, pos: int, header: _Header, where: str) -> tuple[np.ndarray, int]:
    """The values as an array of shape (points, variables, 1 or 2) and the position after them."""
    points, count, width = header.point_count, header.variable_count, 2 if header.complex else 1
    size = points * count * width * 8
    available = len(data) - pos
    if available < size:
        raise RawFileError(
            f"{where}: binary data truncated: {points} points x {count} {'complex' if width == 2 else 'real'} "
            f"variables need {size} bytes, only {available} present"
        )
    following = _skip_blank(data, pos + size)
    if following < len(data) and not _HEADER_START.match(data, following):
        if points == 0:
            raise RawFileError(_STOPPED.format(where=where))
        raise RawFileError(
            f"{where}: more binary data than the {points} points the header declares "
            "('No. Points:' is wrong; ngspice 39 does this with '.options interp')"
        )
    values = np.frombuffer(data, dtype="<f8", count=points * count * width, offset=pos)
    return values.reshape(points, count, width), pos + size


def _read_ascii(data: bytes, pos: int, header: _Header, where: str) -> tuple[np.ndarray, int]:
    """The values as an array of shape (points, variables, 1 or 2) and the position after them."""
    points, count = header.point_count, header.variable_count
    following = _NEXT_HEADER.search(data, pos)
    end = following.start() if following else len(data)
    tokens = data[pos:end].split()
    expected = points * (count + 1)
    if points == 0 and tokens:
        raise RawFileError(_STOPPED.format(where=where))
    if len(tokens) != expected:
        raise RawFileError(
            f"{where}: {points} points x {count} variables need {expected} numbers with the point indices, "
            f"found {len(tokens)}" + (" (truncated file)" if len(tokens) < expected else "")
        )
    table = np.array(tokens, dtype=object).reshape(points, count + 1)
    indices = table[:, 0]
    wrong = next((i for i, token in enumerate(indices) if token != str(i).encode()), None)
    if wrong is not None:
        raise RawFileError(f"{where}: point {wrong} is numbered {indices[wrong].decode(errors='replace')!r}")
    cells = table[:, 1:].ravel()
    if header.complex:
        parts = b",".join(cells).split(b",")
        if len(parts) != 2 * len(cells):
            raise RawFileError(f"{where}: complex plot with a value that is not 're,im'")
        cells = parts
    try:
        values = np.array(cells, dtype=np.bytes_).astype(np.float64)
    except ValueError as exc:
        raise RawFileError(f"{where}: a value is not a number ({exc})") from None
    return values.reshape(points, count, 2 if header.complex else 1), end


def _kind(plotname: str) -> str:
    text = plotname.lower()
    return next((kind for pattern, kind in _KINDS_BY_PLOTNAME if pattern in text), "unknown")


def _build_plot(header: _Header, columns: np.ndarray, kind: str, name: str, where: str) -> Plot:
    points = header.point_count
    dimensions = header.dimensions
    if dimensions is not None and math.prod(dimensions) != points:
        raise RawFileError(f"{where}: Dimensions {dimensions} do not multiply to No. Points {points}")
    lengths = [points if v.length is None else v.length for v in header.variables]
    if any(length > points for length in lengths):
        raise RawFileError(f"{where}: a variable's dims exceed No. Points {points}")
    if not header.padded and any(length != points for length in lengths):
        raise RawFileError(f"{where}: unpadded vectors of different lengths are not supported")

    names = [_api_name(v.name, kind, index == 0) for index, v in enumerate(header.variables)]
    units = _units(header.variables, names, kind)
    vectors = []
    for index, (variable, length) in enumerate(zip(header.variables, lengths, strict=True)):
        real = _frozen(columns[:length, index, 0])
        imag = _frozen(columns[:length, index, 1]) if header.complex else None
        if index == 0 and (variable.type in _REAL_SCALE_TYPES or kind == "dc"):
            imag = None  # junk memory in ngspice's complex frequency scale
        vectors.append(Vector(names[index], units[index], real, imag))
    if len(dimensions or ()) < 2:
        dimensions = _nested_sweep_dimensions(vectors[0].real) if kind == "dc" else None
    return Plot(name, header.title, header.plotname, kind, names[0], vectors, dimensions)


def _frozen(values: np.ndarray) -> np.ndarray:
    array = np.array(values, dtype=np.float64)  # a copy: independent of the file's bytes
    array.flags.writeable = False
    return array


def _api_name(raw: str, kind: str, is_scale: bool) -> str:
    """ngspice's name for a vector, lower-case, without the v()/i() that batch mode wraps around non-nodes."""
    name = raw.lower()
    if name.endswith("#branch"):
        return f"i({name.removesuffix('#branch')})"
    wrapped = _WRAPPED.fullmatch(name)
    if wrapped:
        inner = wrapped.group(2)
        if (
            kind in ("tf", "sens")
            or (kind == "pz" and _POLE_OR_ZERO.fullmatch(inner))
            or (kind == "noise" and inner.startswith(("onoise", "inoise")))
            or (kind == "dc" and is_scale and inner.endswith("-sweep"))
        ):
            return inner
    return name


def _units(variables: list[_Variable], names: list[str], kind: str) -> list[str]:
    units = [_UNITS_BY_TYPE.get(v.type, "") for v in variables]
    if kind == "pz":
        units = ["rad/s" if _POLE_OR_ZERO.fullmatch(name) else unit for name, unit in zip(names, units, strict=True)]
    elif kind == "sens":
        # d(output)/d(parameter): parameters of every unit (ohms, volts, model parameters ...).
        units = [units[0] if variables[0].type in _REAL_SCALE_TYPES else "", *[""] * (len(units) - 1)]
    elif kind == "tf":
        units = [_transfer_function_unit(names) if name == "transfer_function" else "Ω" for name in names]
    return units


def _transfer_function_unit(names: list[str]) -> str:
    """Output over input: v(out)/V1 is a ratio, v(out)/I1 ohms, i(vm)/V1 siemens."""
    source = next((name.split("#")[0] for name in names if name.endswith("#input_impedance")), "")
    input_is_current = source.startswith("i")
    output_is_current = any(name.endswith("#output_impedance") for name in names)
    if input_is_current == output_is_current:
        return ""
    return "Ω" if input_is_current else "S"


def _nested_sweep_dimensions(scale: np.ndarray) -> tuple[int, int] | None:
    """(outer, inner) for a DC scale that repeats the same inner sweep, e.g. `.dc V1 0 2 1 V2 0 1 0.5`."""
    if len(scale) < 4:
        return None
    restarts = np.flatnonzero(scale[1:] == scale[0])
    if not len(restarts):
        return None
    inner = int(restarts[0]) + 1
    if inner < 2 or len(scale) % inner:
        return None
    blocks = scale.reshape(-1, inner)
    if not np.array_equal(blocks, np.broadcast_to(blocks[0], blocks.shape)):
        return None
    return (len(blocks), inner)
