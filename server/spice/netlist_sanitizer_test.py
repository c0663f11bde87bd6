"""The netlist sanitizer against ngspice's own test decks, hostile netlists, and ngspice 39 itself.

ngspice really runs here: accepted netlists must still simulate, and for each way of escaping the
simulation found while writing the sanitizer, one test shows ngspice 39 doing it and the sanitizer
refusing it.
"""

import os
import re
from pathlib import Path

import pytest

from sandbox.process import ProcessLimits, ProcessResult, run_process
from spice.netlist_sanitizer import NetlistLimits, NetlistProblem, NetlistRejected, sanitize_netlist

NGSPICE = "/usr/bin/ngspice"


def _corpus() -> Path | None:
    """ngspice's regression decks (shared/conformance/ngspice), or None where this checkout has none."""
    beside = Path(__file__).resolve().parents[3] / "shared" / "conformance" / "ngspice"
    if beside.is_dir():
        return beside
    configured = os.environ.get("OHM_CONFORMANCE_DIR")
    return Path(configured) if configured and Path(configured).is_dir() else None


def _corpus_files(kind: str) -> list:
    corpus = _corpus()
    if corpus is None:
        reason = "ngspice conformance corpus not found beside the checkout (shared/conformance/ngspice) nor at"
        return [pytest.param(None, marks=pytest.mark.skip(reason=f"{reason} $OHM_CONFORMANCE_DIR"))]
    return [pytest.param(path, id=path.name) for path in sorted((corpus / kind).glob("*.cir"))]


def _rejected(text: str | bytes, **options) -> list[NetlistProblem]:
    with pytest.raises(NetlistRejected) as rejected:
        sanitize_netlist(text, **options)
    assert rejected.value.problems, "NetlistRejected without problems"
    return rejected.value.problems


def _ngspice(directory: Path, netlist: str | bytes, *, raw: bool = True) -> ProcessResult:
    """Run ngspice in batch mode on `netlist` in `directory`, writing an ASCII raw file if `raw`."""
    path = directory / "netlist.cir"
    path.write_bytes(netlist if isinstance(netlist, bytes) else netlist.encode())
    return run_process(
        [NGSPICE, "-b", "-n", *(["-r", "out.raw"] if raw else []), "netlist.cir"],
        cwd=directory,
        env={"HOME": str(directory), "SPICE_ASCIIRAWFILE": "1"},
        limits=ProcessLimits(wall_seconds=60, cpu_seconds=60),
    )


def _last_point(raw_file: Path) -> dict[str, float]:
    """Name -> value at the last point of the only (real) plot of an ASCII raw file."""
    header, values = raw_file.read_text().split("Values:\n", 1)
    names = [line.split("\t")[2] for line in header.split("Variables:\n", 1)[1].splitlines()]
    numbers = [float(word) for word in values.split()]
    return dict(zip(names, numbers[-len(names) :], strict=True))


def _results(directory: Path) -> list[str] | None:
    """The ASCII raw file's lines less its date and the imaginary part of AC frequency scales.

    ngspice writes the frequency of complex plots as a complex vector whose imaginary part is
    uninitialised memory: that part differs between two runs of the same netlist.
    """
    raw = directory / "out.raw"
    if not raw.exists():
        return None
    lines, complex_plot = [], False
    for line in raw.read_text().splitlines():
        if line.startswith("Date:"):
            continue
        if line.startswith("Flags:"):
            complex_plot = "complex" in line
        elif complex_plot and re.match(r"\s*\d+\t", line):  # a point's index and its first value, the scale
            lines.append(line.split(",")[0])
            continue
        lines.append(line)
    return lines


# --- ngspice's own decks ------------------------------------------------------------------------------------------


@pytest.mark.parametrize("path", _corpus_files("plain"))
def test_every_plain_corpus_netlist_is_accepted(path):
    checked = sanitize_netlist(path.read_bytes())
    as_written = path.read_text().replace("\r\n", "\n")
    as_written += "" if as_written.endswith("\n") else "\n"
    assert checked.text in (as_written, as_written + ".end\n")  # nothing rewritten, at most an .end added


@pytest.mark.parametrize("path", _corpus_files("plain"))
def test_plain_corpus_netlists_simulate_the_same_after_sanitizing(path, tmp_path):
    original, sanitized = tmp_path / "original", tmp_path / "sanitized"
    original.mkdir()
    sanitized.mkdir()
    as_written = _ngspice(original, path.read_bytes())
    checked = _ngspice(sanitized, sanitize_netlist(path.read_bytes()).text)
    # Same exit (ngspice 39 itself crashes on the two diffpair decks), same results to the last digit.
    assert (checked.returncode, checked.signal) == (as_written.returncode, as_written.signal)
    assert _results(sanitized) == _results(original)


@pytest.mark.parametrize("path", _corpus_files("control"))
def test_every_control_corpus_netlist_is_refused_at_its_control_line(path):
    lines = path.read_text().split("\n")
    control_line = next(n for n, line in enumerate(lines, start=1) if line.strip().lower().startswith(".control"))
    problems = _rejected(path.read_bytes())
    expected = NetlistProblem(
        control_line,
        f"'.control' on line {control_line}: .control scripts are not supported; use analysis cards such as .tran"
        " instead",
    )
    assert expected in problems


# --- Hostile netlists ---------------------------------------------------------------------------------------------

RC = "rc low-pass\nv1 in 0 dc 1 ac 1\nr1 in out 1k\nc1 out 0 1u\n"  # lines 1-4

HOSTILE = {
    "control script with shell": (RC + ".control\nshell rm -rf ~\n.endc\n.op\n.end\n", 5),
    "shell as a plain line": (RC + "shell cat /etc/passwd\n.op\n.end\n", 5),
    "source as a plain line": (RC + "source evil.cir\n.end\n", 5),
    "write as a plain line": (RC + "write /tmp/out.raw\n.end\n", 5),
    ".exec": (RC + ".exec rm -rf /\n.end\n", 5),
    ".shell": (RC + ".shell rm -rf /\n.end\n", 5),
    "include of an absolute path": (RC + ".include /etc/passwd\n.end\n", 5),
    "include of a parent path": (RC + ".include ../../x.lib\n.end\n", 5),
    "include of a Windows path": (RC + ".inc C:\\models\\x.lib\n.end\n", 5),
    "lib of a quoted home path": (RC + '.lib "~/x.lib" tt\n.end\n', 5),
    "include of an unknown name": (RC + ".include unknown_name\n.end\n", 5),
    "include spread over two lines": (RC + ".include 1n4148\n+ /etc/passwd\n.end\n", 6),
    "include after a line ending in \\\\": (RC + "r2 out 0 1k \\\\\n.include /etc/passwd\n.end\n", 6),
    "include on the title line": (".include /etc/passwd\n" + RC[12:] + ".end\n", 1),
    "control after a '+'": (RC + "r2 out 0 1k\n+ .control\n.end\n", 6),
    "control after a line ending in \\\\": (RC + "r2 out 0 1k \\\\\n.control\n.end\n", 6),
    "'*#' comment that ngspice runs": (RC + "*# shell rm -rf ~\n.op\n.end\n", 5),
    "'*ng_script' title": ("*ng_script\nshell rm -rf ~\n", 1),
    ".title *ng_script": (RC + ".title *ng_script\n.end\n", 5),
    "filesource": (RC + 'a1 %vd([out 0]) src\n.model src filesource(file="/etc/passwd")\n.end\n', 6),
    "filesource on a continuation line": (RC + ".model src\n+ filesource(file=/etc/passwd)\n.end\n", 6),
    "filesource behind a comment": (RC + ".model src ; see below\n+ filesource(file=/etc/passwd)\n.end\n", 6),
    "filesource after a line ending in \\\\": (RC + ".model src \\\\\nfilesource(file=/etc/passwd)\n.end\n", 6),
    "d_source": (RC + ".model stim d_source(input_file=/etc/passwd)\n.end\n", 5),
    "d_state": (RC + ".model fsm d_state(state_file=/etc/passwd)\n.end\n", 5),
    "table2d": (RC + ".model tab table2d(file=/etc/passwd)\n.end\n", 5),
    "table3d": (RC + ".model tab TABLE3D file=/etc/passwd\n.end\n", 5),
    "d_process": (RC + ".model proc d_process(process_file=/bin/sh)\n.end\n", 5),
    "a model parameter naming a file": (RC + ".model src newcodemodel(data_file=x)\n.end\n", 5),
    "CIDER numerical diode": (RC + ".model dnum numd level=1\n+ options defa=1p\n.end\n", 5),
    "ic.file on an instance": (RC + "d1 out 0 dnum\n+ ic.file=/etc/passwd\n.end\n", 6),
    ".options measoutfile": (RC + ".options reltol=1e-4 measoutfile=/tmp/stolen\n.end\n", 5),
    ".options sourcepath": (RC + ".option sourcepath=( /etc )\n.end\n", 5),
    ".options with a path": (RC + ".opt foo=/etc/shadow\n.end\n", 5),
    "NUL character": (RC + "r2 out 0\x00 1k\n.end\n", 5),
    "bell character": (RC + "r2 out 0 1k\a\n.end\n", 5),
    "title longer than ngspice's buffer": ("t" * 4999 + ".include /etc/passwd\n" + RC[12:], 1),
    ".tran 1p 1": (RC + ".tran 1p 1\n.end\n", 5),
    ".tran whose maximum step is tiny": (RC + ".tran 1m 1 0 1p\n.end\n", 5),
    ".dc nested over budget": (RC + ".dc v1 0 10 1m temp 0 100 0.01\n.end\n", 5),
    ".ac dec 1000000 1 1g": (RC + ".ac dec 1000000 1 1g\n.end\n", 5),
    ".noise over budget": (RC + ".noise v(out) v1 dec 1000000 1 1g\n.end\n", 5),
    ".tran 0 1m": (RC + ".tran 0 1m\n.end\n", 5),
    ".tran -1u 1m": (RC + ".tran -1u 1m\n.end\n", 5),
    ".ac dec 0 1 1k": (RC + ".ac dec 0 1 1k\n.end\n", 5),
    ".ac dec from 0 Hz": (RC + ".ac dec 10 0 1k\n.end\n", 5),
    ".dc with a step of 0": (RC + ".dc v1 0 5 0\n.end\n", 5),
    ".dc stepping away from its stop": (RC + ".dc v1 0 5 -1\n.end\n", 5),
    "unknown command": (RC + ".fancy 1 2 3\n.end\n", 5),
    "unknown element letter": (RC + "#1 out 0 1k\n.end\n", 5),
    "N device (OSDI)": (RC + "n1 out 0 vamodel\n.end\n", 5),
    ".endl in a netlist": (RC + ".endl\n.end\n", 5),
    "orphan continuation": ("title\n+ r1 1 0 1k\n", 2),
}


@pytest.mark.parametrize(("netlist", "line"), HOSTILE.values(), ids=HOSTILE.keys())
def test_hostile_netlists_are_refused_at_the_right_line(netlist, line):
    problems = _rejected(netlist, model_library={"1n4148"})
    assert line in [problem.line for problem in problems], problems


def test_invalid_utf8_is_refused_at_the_line_of_the_first_invalid_byte():
    problems = _rejected(b"rc\r\nv1 1 0 1\r\nr1 1 0 1k \xe9t\xe9\r\nr2 1 0 \xff\r\n")
    assert problems[0] == NetlistProblem(3, "line 3 is not valid UTF-8 (byte 0xE9): save the netlist as UTF-8 text")


def test_a_netlist_above_the_size_limit_is_refused_with_both_sizes():
    text = RC + "* padding\n" * (3 * 1024 * 1024 // 10)
    assert _rejected(text) == [NetlistProblem(None, f"the netlist is {len(text):,} bytes; the limit is 2,097,152")]


def test_a_netlist_above_the_line_limit_is_refused():
    assert _rejected("title\n" + "*\n" * 100_000) == [
        NetlistProblem(None, "the netlist has 100,001 lines; the limit is 100,000")
    ]


def test_every_problem_is_reported_in_line_order():
    netlist = (
        "several problems\n"
        ".model src filesource(file=x)\n"  # 2
        "v1 1 0 dc 1\n"
        ".include /etc/passwd\n"  # 4
        "r1 1 0\n"
        "+ ic.file=x\n"  # 6
        "shell id\n"  # 7
        ".tran 1p 1\n"  # 8
        ".control\n"  # 9
        "shell id\n"
        ".endc\n"
        ".exec\n"  # 12
    )
    assert [problem.line for problem in _rejected(netlist)] == [2, 4, 6, 7, 8, 9, 12]


# --- Messages people read -----------------------------------------------------------------------------------------


def _message(netlist: str, **options) -> str:
    (problem,) = _rejected(netlist, **options)
    return problem.message


def test_message_for_a_control_script():
    assert (
        _message(RC + ".control\nrun\nplot v(out)\n.endc\n")
        == "'.control' on line 5: .control scripts are not supported; use analysis cards such as .tran instead"
    )


def test_message_for_an_unknown_card():
    assert _message("t\nv1 1 0 1\nr1 1 0 1k\n\n* ok\n\n.foo 1 2\n") == "unknown element or command '.foo' on line 7"
    assert _message("t\nv1 1 0 1\n%foo 1 2\n") == "unknown element or command '%foo' on line 3"


def test_message_for_a_control_command_in_the_netlist():
    assert _message(RC + "shell cat /etc/passwd\n") == (
        "'shell' on line 5 is an ngspice control command, and control commands are not run here; if it is meant"
        " to be an element, give it another name"
    )


def test_message_for_too_many_points():
    assert _message(RC + ".tran 1n 10\n") == (
        ".tran 1n 10 on line 5 asks for about 10,000,000,000 points; the limit is 1,000,000: use a larger step or"
        " a shorter stop time"
    )
    assert _message(RC + ".ac dec 1000000 1 1g\n") == (
        ".ac dec 1000000 1 1g on line 5 asks for about 9,000,001 points; the limit is 1,000,000: use fewer points"
        " per decade or a narrower frequency range"
    )
    assert _message(RC + ".dc v1 0 10 1m v2 0 10 1m\n") == (
        ".dc v1 0 10 1m v2 0 10 1m on line 5 asks for about 100,020,001 points; the limit is 1,000,000: use larger"
        " steps or narrower sweeps"
    )


def test_message_for_a_zero_step():
    assert _message(RC + ".tran 0 1m\n") == ".tran 0 1m on line 5 has a time step of 0: use a step > 0"


def test_messages_for_includes():
    library = {"1n4148", "2n2222", "lm358"}
    assert _message(RC + ".include /etc/passwd\n", model_library=library) == (
        "'.include /etc/passwd' on line 5 names a file path; only models from the model library can be included,"
        " by bare name: .include 1n4148"
    )
    assert _message(RC + ".include bc547\n", model_library=library) == (
        "'bc547' (.include on line 5) is not in the model library; available: 1n4148, 2n2222, lm358"
    )
    many = {f"model{i}" for i in range(50)}
    assert _message(RC + ".include bc547\n", model_library=many) == (
        "'bc547' (.include on line 5) is not in the model library"
    )
    assert _message(RC + '.include "1n4148"\n', model_library=library) == (
        "write the name in '.include' on line 5 without quotes: .include 1n4148"
    )


def test_message_for_a_file_reading_code_model():
    assert _message(RC + ".model wave filesource(file=/etc/passwd)\n") == (
        "'.model wave filesource' on line 5 uses the XSPICE code model 'filesource', which reads a waveform from a"
        " file on the server: use a PWL source instead"
    )


def test_message_for_a_file_option():
    assert _message(RC + ".options measoutfile=/var/www/x\n") == (
        "option 'measoutfile' on line 5 makes ngspice write the .meas results to a file on the server: remove it"
    )


def test_the_exception_reads_as_its_problems():
    with pytest.raises(NetlistRejected, match=r"^unknown element or command '@x' on line 2\n'\.exec' on line 3"):
        sanitize_netlist("t\n@x\n.exec\n")


# --- What is accepted ---------------------------------------------------------------------------------------------

EVERY_ELEMENT_LETTER = """every element letter ngspice 39 knows, but N
.param rload=1k
vin in 0 dc 1 ac 1
vsense in a 0
r1 a 0 {rload}
c1 a 0 1n
l1 a la 1u
rla la 0 1k
l2 lb 0 1u
rlb lb 0 1k
k1 l1 l2 0.5
i1 0 a 1u
e1 e 0 a 0 2
re e 0 1k
f1 0 f vsense 1
rf f 0 1k
g1 0 g a 0 1m
rg g 0 1k
h1 h 0 vsense 100
rh h 0 1k
b1 b 0 v=v(a)*2
rb b 0 1k
d1 a d dmod
rd d 0 1k
q1 a a 0 qmod
j1 a 0 0 jmod
m1 a a 0 0 mmod
z1 a a 0 zmod
s1 a sw a 0 swmod
rsw sw 0 1k
w1 a cw vsense cswmod
rcw cw 0 1k
t1 a 0 t 0 z0=50 td=1n
rt t 0 50
o1 a 0 o 0 ltramod
ro o 0 50
u1 a u 0 urcmod l=1u n=3
ru u 0 1k
p1 a 0 p 0 cplmod
rp p 0 50
y1 a 0 y 0 txlmod
ry y 0 50
a1 a ax gain2
rax ax 0 1k
x1 a xo divider
rxo xo 0 1meg
.subckt divider in out
rtop in out 1k
rbot out 0 1k
.ends divider
.model dmod d
.model qmod npn
.model jmod njf
.model mmod nmos
.model zmod nmf
.model swmod sw vt=0.5
.model cswmod csw it=1m
.model ltramod ltra r=0.1 l=10n c=1p len=1
.model urcmod urc rperl=1 cperl=1p
.model cplmod cpl r=0.1 l=10n g=0 c=1p length=1
.model txlmod txl r=0.1 l=10n g=0 c=1p length=1
.model gain2 gain(gain=2)
.op
.end
"""


def test_every_element_letter_is_accepted_and_simulates(tmp_path):
    checked = sanitize_netlist(EVERY_ELEMENT_LETTER)
    assert checked.text == EVERY_ELEMENT_LETTER
    assert (checked.analyses, checked.estimated_points) == (("op",), 1)
    assert _ngspice(tmp_path, checked.text).ok
    op = _last_point(tmp_path / "out.raw")
    divided = 1 / (1 / 1e3 + 1 / 1e6) / (1e3 + 1 / (1 / 1e3 + 1 / 1e6))  # 1k over 1k || 1meg
    assert (op["v(e)"], op["v(b)"], op["v(ax)"], op["v(xo)"]) == pytest.approx((2, 2, 2, divided), rel=1e-9)


COMMENTS_AND_CONTINUATIONS = (
    "comments and continuations\r\n"
    "* a comment\r\n"
    "; another\r\n"
    "$ and another\r\n"
    "// and one more\r\n"
    "   * indented\r\n"
    "v1 in 0 dc 10 ; end-of-line comment\r\n"
    "r1 in out\r\n"
    "* a comment between a card and its continuation\r\n"
    "+ 1k $ a dollar comment\r\n"
    "\tr2 out 0 \\\\\r\n"
    "1k // the line before ended in two backslashes\r\n"
    ".op\r\n"
)


def test_comments_and_continuations_are_accepted_and_joined_as_ngspice_joins_them(tmp_path):
    checked = sanitize_netlist(COMMENTS_AND_CONTINUATIONS.encode())
    assert checked.text == COMMENTS_AND_CONTINUATIONS.replace("\r\n", "\n") + ".end\n"
    assert _ngspice(tmp_path, checked.text).ok
    assert _last_point(tmp_path / "out.raw")["v(out)"] == pytest.approx(5.0, rel=1e-9)


def test_old_mac_line_ends_are_normalised():
    assert sanitize_netlist("t\rv1 1 0 1\rr1 1 0 1k\r.op\r.end").text == "t\nv1 1 0 1\nr1 1 0 1k\n.op\n.end\n"


# The widely circulated SPICE model of the 1N4148 small-signal diode.
DIODE_1N4148 = """* 1N4148 small-signal diode
.model 1N4148 D(IS=4.352n N=1.906 BV=110 IBV=0.0001 RS=0.6458 CJO=0.7048p VJ=0.869 M=0.03 FC=0.5 TT=3.48n)
"""
FORWARD_BIAS = "diode forward drop\nv1 a 0 dc 5\nr1 a k 1k\nd1 k 0 1N4148\n{include}\n.op\n.end\n"


def test_include_of_a_model_library_name_is_accepted_and_simulates(tmp_path):
    checked = sanitize_netlist(FORWARD_BIAS.format(include=".include 1n4148"), model_library={"1n4148", "lm358"})
    assert checked.includes == ("1n4148",)
    (tmp_path / "1n4148").write_text(DIODE_1N4148)  # as the runner copies it
    assert _ngspice(tmp_path, checked.text).ok
    assert 0.6 < _last_point(tmp_path / "out.raw")["v(k)"] < 0.8


def test_include_names_match_the_library_ignoring_case_and_are_kept_as_written():
    checked = sanitize_netlist(FORWARD_BIAS.format(include=".INC 1N4148"), model_library={"1n4148"})
    assert checked.includes == ("1N4148",)  # the file name ngspice will open


def test_lib_section_of_a_model_library_name_is_accepted_and_simulates(tmp_path):
    checked = sanitize_netlist(FORWARD_BIAS.format(include=".lib diodes fast"), model_library={"diodes"})
    assert checked.includes == ("diodes",)
    (tmp_path / "diodes").write_text(f".lib fast\n{DIODE_1N4148}.endl fast\n")
    assert _ngspice(tmp_path, checked.text).ok
    assert 0.6 < _last_point(tmp_path / "out.raw")["v(k)"] < 0.8


def test_ordinary_models_measurements_fourier_and_solver_options_are_accepted(tmp_path):
    netlist = (
        "rectifier\n"
        ".options reltol=1e-4 abstol=1p noacct\n"
        ".param amplitude=5 freq=1k\n"
        "v1 in 0 sin(0 {amplitude} {freq})\n"
        "d1 in out dfast\n"
        "r1 out 0 1k\n"
        "c1 out 0 10u\n"
        ".model dfast D(IS=1e-14 RS=0.5 CJO=2p)\n"
        ".tran 10u 5m\n"
        ".meas tran vpeak max v(out)\n"
        ".four 1k v(out)\n"
        ".end\n"
    )
    checked = sanitize_netlist(netlist)
    assert (checked.text, checked.analyses, checked.estimated_points) == (netlist, ("tran",), 500)
    assert _ngspice(tmp_path, checked.text, raw=False).ok  # .meas needs ngspice without a raw file


def test_parameter_expressions_are_accepted_without_an_estimate():
    checked = sanitize_netlist(RC + ".param tstop=1 tstep=1p\n.tran {tstep} {tstop}\n.ac dec 'n' 1 1g\n.end\n")
    assert (checked.analyses, checked.estimated_points) == (("tran", "ac"), 0)


def test_analyses_are_listed_in_order_with_the_largest_estimate():
    checked = sanitize_netlist(
        RC + ".op\n.tran 1u 1m\n.ac dec 10 1 1meg\n.dc v1 0 5 0.1 temp 0 100 50\n.noise v(out) v1 oct 10 1 1k\n"
    )
    assert checked.analyses == ("op", "tran", "ac", "dc", "noise")
    assert checked.estimated_points == 1000


def test_the_point_limit_is_configurable():
    limits = NetlistLimits(max_points=100)
    assert sanitize_netlist(RC + ".tran 10u 1m\n", limits=limits).estimated_points == 100
    assert _rejected(RC + ".tran 1u 1m\n", limits=limits)[0].line == 5


def test_a_dc_sweep_may_run_downwards():
    assert sanitize_netlist(RC + ".dc v1 5 0 -1\n").estimated_points == 6


# --- What ngspice 39 really does with what the sanitizer refuses --------------------------------------------------

OTHER_LIB = "* not in the model library\nrmarker_from_other_lib n9 0\n"

ESCAPES = {
    ".control script": ("t\n.control\nshell touch pwned\n.endc\nv1 1 0 1\nr1 1 0 1\n.op\n.end\n", 2, "pwned"),
    "'*#' line": ("t\n*# shell touch pwned\nv1 1 0 1\nr1 1 0 1\n.op\n.end\n", 2, "pwned"),
    "'*ng_script' title": ("*ng_script\nshell touch pwned\n", 1, "pwned"),
    ".title *ng_script": ("t\nv1 1 0 1\n.title *ng_script\nshell touch pwned\n", 3, "pwned"),
    ".options measoutfile": (
        "t\n.options measoutfile=elsewhere/stolen\nv1 1 0 1\nr1 1 0 1\n.tran 1u 10u\n.meas tran m max v(1)\n.end\n",
        2,
        "elsewhere/stolen",
    ),
    ".include on the title line": (".include other.lib\nv1 1 0 1\nr1 1 0 1\n.op\n.end\n", 1, "read"),
    ".include after a '\\\\' line end": ("t\nv1 1 0 1\nr1 1 0 1 \\\\\n.include other.lib\n.op\n.end\n", 4, "read"),
    "overlong title": ("t" * 4999 + ".include other.lib\nv1 1 0 1\nr1 1 0 1\n.op\n.end\n", 1, "read"),
}


@pytest.mark.parametrize(("netlist", "line", "evidence"), ESCAPES.values(), ids=ESCAPES.keys())
def test_ngspice_really_escapes_this_way_and_the_sanitizer_refuses_it(netlist, line, evidence, tmp_path):
    (tmp_path / "other.lib").write_text(OTHER_LIB)
    (tmp_path / "elsewhere").mkdir()
    result = _ngspice(tmp_path, netlist, raw=False)
    if evidence == "read":
        assert b"marker_from_other_lib" in result.stdout + result.stderr
    else:
        assert (tmp_path / evidence).exists()
    assert line in [problem.line for problem in _rejected(netlist, model_library={"other.lib"})]


def test_ngspice_really_reads_files_through_filesource(tmp_path):
    (tmp_path / "wave.txt").write_text("0 0\n1 5\n")
    netlist = (
        "file source\na1 %vd([out 0]) src\nrout out 0 1\n.tran 0.1 1\n"
        '.model src filesource(file="wave.txt" amploffset=[0] amplscale=[1] timeoffset=0 timescale=1'
        " timerelative=false amplstep=false)\n.end\n"
    )
    assert _ngspice(tmp_path, netlist).ok
    assert _last_point(tmp_path / "out.raw")["v(out)"] == pytest.approx(5.0)
    assert [problem.line for problem in _rejected(netlist)] == [5]
