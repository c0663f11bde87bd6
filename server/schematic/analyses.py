"""Analyses as structured requests, checked and turned into SPICE analysis cards.

Each analysis is an object with a "type" (op, dc, tran, ac, tf, noise, pz) and its fields; values are numbers or
SPICE numbers as text ("1k", "10u"). Nodes are named by net name, sources by reference; the netlister passes in
how to resolve both. Every problem becomes a finding whose `field` is its JSON path, such as "analyses[1].stop".
"""

import math
import re
from collections.abc import Callable
from typing import Any

from spice.spice_numbers import parse_spice_number

from .findings import Finding, error

MAX_ANALYSES = 16
MAX_SWEEP_POINTS = 1_000_000  # points per decade, octave or in all; the sanitizer limits the total

NodeResolver = Callable[[str], str]  # net name -> SPICE node; raises AnalysisInvalid
SourceResolver = Callable[[str, str], str]  # (reference, allowed element letters) -> element name; raises


class AnalysisInvalid(ValueError):
    """One problem with a field; `message` is for people."""


_FIELDS: dict[str, dict[str, bool]] = {  # type -> field -> required
    "op": {},
    "dc": {"source": True, "start": True, "stop": True, "step": True,
           "source2": False, "start2": False, "stop2": False, "step2": False},
    "tran": {"step": True, "stop": True, "start": False, "max_step": False, "uic": False},
    "ac": {"sweep": True, "points": True, "fstart": True, "fstop": True},
    "tf": {"output": True, "source": True},
    "noise": {"output": True, "reference": False, "source": True, "sweep": True, "points": True, "fstart": True,
              "fstop": True},
    "pz": {"input_nodes": True, "output_nodes": True, "kind": False, "find": False},
}  # fmt: skip
_SWEEPS = ("dec", "oct", "lin")
_SPICE_NUMBER = re.compile(r"[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?[A-Za-z]*", re.ASCII)
_OUTPUT = re.compile(r"\s*([vViI])\s*\((.*)\)\s*", re.DOTALL)


def analysis_cards(analyses: Any, node: NodeResolver, source: SourceResolver) -> tuple[list[str], list[Finding]]:
    """The analysis cards for `analyses` (a list of objects), and a finding for every problem."""
    if analyses is None:
        return [], []
    if not isinstance(analyses, list):
        return [], [error("bad-analysis", "analyses must be a list of objects", field="analyses")]
    if len(analyses) > MAX_ANALYSES:
        message = f"{len(analyses)} analyses; at most {MAX_ANALYSES} can run at once"
        return [], [error("bad-analysis", message, field="analyses")]
    cards, findings = [], []
    for index, analysis in enumerate(analyses):
        reader = _Reader(analysis, f"analyses[{index}]", node, source)
        try:
            cards.append(reader.card())
        except AnalysisInvalid as problem:
            findings.append(error("bad-analysis", f"{reader.at}: {problem}", field=reader.at))
    return cards, findings


class _Reader:
    def __init__(self, analysis: Any, path: str, node: NodeResolver, source: SourceResolver):
        self.analysis, self.path, self.node, self.source = analysis, path, node, source
        self.at = path  # the field being read, for the finding

    def card(self) -> str:
        analysis = self.analysis
        if not isinstance(analysis, dict):
            raise AnalysisInvalid("must be an object with a type")
        self.at = f"{self.path}.type"
        kind = analysis.get("type")
        if kind not in _FIELDS:
            raise AnalysisInvalid(f"must be one of {', '.join(_FIELDS)}")
        for name in analysis:
            if name != "type" and name not in _FIELDS[kind]:
                self.at = self.field(name)
                raise AnalysisInvalid(f"is not a field of a {kind} analysis")
        for name, required in _FIELDS[kind].items():
            if required and name not in analysis:
                self.at = self.field(name)
                raise AnalysisInvalid(f"is required for a {kind} analysis")
        return getattr(self, kind)(analysis)

    def field(self, name: str) -> str:
        return f"{self.path}.{name}"

    # Values

    def number(self, name: str, *, above: float | None = None, at_least: float | None = None) -> tuple[str, float]:
        """The value as SPICE text and as a float."""
        self.at = self.field(name)
        value = self.analysis[name]
        if isinstance(value, bool) or not isinstance(value, (int, float, str)):
            raise AnalysisInvalid("must be a number, or a SPICE number such as 10u")
        if isinstance(value, str):
            text = value.strip()
            if not _SPICE_NUMBER.fullmatch(text):
                raise AnalysisInvalid(f"{value!r} is not a SPICE number (such as 1k, 10u or 2.5e-3)")
            number = parse_spice_number(text)
        else:
            number = float(value)
            if not math.isfinite(number):
                raise AnalysisInvalid("must be a finite number")
            text = str(value) if isinstance(value, int) else format(value, ".15g")
        if above is not None and not number > above:
            raise AnalysisInvalid(f"must be more than {above:g}")
        if at_least is not None and not number >= at_least:
            raise AnalysisInvalid(f"must be at least {at_least:g}")
        return text, number

    def count(self, name: str) -> str:
        self.at = self.field(name)
        value = self.analysis[name]
        if isinstance(value, float) and value.is_integer():
            value = int(value)
        if isinstance(value, bool) or not isinstance(value, int) or not 1 <= value <= MAX_SWEEP_POINTS:
            raise AnalysisInvalid(f"must be a whole number from 1 to {MAX_SWEEP_POINTS:,}")
        return str(value)

    def choice(self, name: str, options: tuple[str, ...], default: str | None = None) -> str:
        self.at = self.field(name)
        value = self.analysis.get(name, default)
        if value not in options:
            raise AnalysisInvalid(f"must be one of {', '.join(options)}")
        return value

    def text(self, name: str) -> str:
        self.at = self.field(name)
        value = self.analysis[name]
        if not isinstance(value, str) or not value.strip():
            raise AnalysisInvalid("must be a name")
        return value.strip()

    def net(self, name: str, value: Any | None = None, index: int | None = None) -> str:
        self.at = self.field(name) + ("" if index is None else f"[{index}]")
        value = self.analysis[name] if value is None else value
        if not isinstance(value, str) or not value.strip():
            raise AnalysisInvalid("must be the name of a net")
        return self.node(value.strip())

    def source_of(self, name: str, kinds: str) -> str:
        return self.source(self.text(name), kinds)

    def output(self, name: str, currents: bool) -> str:
        """v(net), v(net, net) or i(voltage source)."""
        self.at = self.field(name)
        value = self.analysis[name]
        match = _OUTPUT.fullmatch(value) if isinstance(value, str) else None
        if match is None:
            example = "v(out), v(out,in)" + (" or i(V1)" if currents else "")
            raise AnalysisInvalid(f"must name an output such as {example}")
        inside = match[2]
        if match[1].lower() == "i":
            if not currents:
                raise AnalysisInvalid("must be a voltage, such as v(out)")
            return f"i({self.source(inside.strip(), 'V')})"
        nodes = [self.node(part.strip()) for part in inside.split(",", 1)]
        return f"v({','.join(nodes)})"

    def sweep(self) -> list[str]:
        sweep = self.choice("sweep", _SWEEPS)
        points = self.count("points")
        start = self.number("fstart", above=0) if sweep != "lin" else self.number("fstart", at_least=0)
        stop = self.number("fstop", at_least=start[1])
        return [sweep, points, start[0], stop[0]]

    # Analyses

    def op(self, analysis: dict) -> str:
        return ".op"

    def dc(self, analysis: dict) -> str:
        words = [".dc"]
        second = [name for name in ("source2", "start2", "stop2", "step2") if name in analysis]
        if second and len(second) < 4:
            missing = next(name for name in ("source2", "start2", "stop2", "step2") if name not in analysis)
            self.at = self.field(missing)
            raise AnalysisInvalid("is required for a second sweep (source2, start2, stop2 and step2 go together)")
        for suffix in ("", "2") if second else ("",):
            start, stop = self.number(f"start{suffix}"), self.number(f"stop{suffix}")
            step = self.number(f"step{suffix}")
            if step[1] == 0 or (stop[1] - start[1]) * step[1] < 0:
                raise AnalysisInvalid(f"must be a step from {start[0]} towards {stop[0]}, not 0 or away from it")
            words += [self.source_of(f"source{suffix}", "VI"), start[0], stop[0], step[0]]
        return " ".join(words)

    def tran(self, analysis: dict) -> str:
        step = self.number("step", above=0)
        stop = self.number("stop", above=0)
        words = [".tran", step[0], stop[0]]
        if "start" in analysis or "max_step" in analysis:
            start = self.number("start", at_least=0) if "start" in analysis else ("0", 0.0)
            if start[1] >= stop[1]:
                raise AnalysisInvalid(f"must be before the stop time {stop[0]}")
            words.append(start[0])
            if "max_step" in analysis:
                words.append(self.number("max_step", above=0)[0])
        if "uic" in analysis:
            self.at = self.field("uic")
            if not isinstance(analysis["uic"], bool):
                raise AnalysisInvalid("must be true or false")
            if analysis["uic"]:
                words.append("uic")
        return " ".join(words)

    def ac(self, analysis: dict) -> str:
        return " ".join([".ac", *self.sweep()])

    def tf(self, analysis: dict) -> str:
        return f".tf {self.output('output', currents=True)} {self.source_of('source', 'VI')}"

    def noise(self, analysis: dict) -> str:
        output = self.output("output", currents=False)
        if "reference" in analysis:
            if "," in output:
                raise AnalysisInvalid("already names a reference node; leave out the reference field")
            output = f"{output[:-1]},{self.net('reference')})"
        return " ".join([".noise", output, self.source_of("source", "VI"), *self.sweep()])

    def pz(self, analysis: dict) -> str:
        pairs = []
        for name in ("input_nodes", "output_nodes"):
            self.at = self.field(name)
            value = analysis[name]
            if not isinstance(value, list) or len(value) != 2:
                raise AnalysisInvalid('must be a list of two net names, such as ["in", "0"]')
            pairs += [self.net(name, item, index) for index, item in enumerate(value)]
        kind = self.choice("kind", ("vol", "cur"), "vol")
        find = {"poles": "pol", "zeros": "zer", "both": "pz"}[self.choice("find", ("poles", "zeros", "both"), "both")]
        return " ".join([".pz", *pairs, kind, find])
