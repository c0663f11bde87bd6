"""gcc's and the linker's real output, from broken sketches preprocessed and compiled with avr-g++, parsed into
diagnostics on the user's files; nothing of a file outside the request may show."""

import re
import tempfile
from pathlib import Path

import pytest

from arduino.boards import CORE_DIR
from arduino.diagnostics import MAX_DIAGNOSTICS, MAX_MESSAGE, Diagnostic, linker_diagnostics, parse_gcc_output
from arduino.sketch import Preprocessed, preprocess
from arduino.sketch_test import COMMON_FLAGS, CPP_FLAGS, compile_sketch
from sandbox.process import ProcessLimits, run_process

EEPROM_SRC = CORE_DIR / "libraries" / "EEPROM" / "src"
CODE_GENERATION = ("-c", "-o", "/dev/null")  # templates are instantiated (and checked) only when code is made


def diagnostics_of(sketch: str, files: dict | None = None, include_dirs=(), **options) -> list[Diagnostic]:
    preprocessed = preprocess(sketch, files or {})
    ok, output = compile_sketch(preprocessed, include_dirs, **options)
    assert not ok, "the sketch was meant not to compile"
    return parse_gcc_output(output, preprocessed.user_files)


def test_an_error_on_tab_2_line_7_is_reported_as_tab_2_line_7():
    main = """\
#include "settings.h"
struct Reading { int value; };

void setup() { Serial.begin(BAUD); tick(); }
void loop() { report(Reading{analogRead(A0)}); }
void report(Reading r, int base = 10) { Serial.println(r.value, base); }
"""
    tab2 = """\
// tab 2: the timer
unsigned long last = 0;

void tick() {
  if (millis() - last > 1000) {
    last = millis();
    notDeclared(last);
  }
}
"""
    diagnostics = diagnostics_of(main, {"tab2.ino": tab2, "settings.h": "#pragma once\nconst long BAUD = 9600;\n"})
    column = tab2.splitlines()[6].index("notDeclared") + 1
    errors = [d for d in diagnostics if d.severity == "error"]
    assert errors == [
        Diagnostic("tab2.ino", 7, errors[0].column, "error", "'notDeclared' was not declared in this scope")
    ]
    assert errors[0].column >= column  # gcc 5 points into the call: at or after its name
    assert errors[0].as_dict() == {"file": "tab2.ino", "line": 7, "column": errors[0].column, "severity": "error",
                                   "message": "'notDeclared' was not declared in this scope"}  # fmt: skip


def test_errors_warnings_and_notes_keep_the_users_lines_after_the_generated_prototypes():
    sketch = """\
#define TWICE(x) ((x) * undefinedThing)
void setup() {
  pinMode(13, OUTPUT)
  int unused;
  int y = TWICE(3);
  blinkTimes(1, 2);
}
void loop() { digitalWrite(13, HIGHH); }
void blinkTimes(int times) {}
"""
    diagnostics = diagnostics_of(sketch)
    assert Diagnostic("sketch.ino", 4, 3, "error", "expected ';' before 'int'") in diagnostics
    assert Diagnostic("sketch.ino", 1, 25, "error", "'undefinedThing' was not declared in this scope") in diagnostics
    assert Diagnostic("sketch.ino", 5, 11, "note", "in expansion of macro 'TWICE'") in diagnostics
    too_many = next(d for d in diagnostics if "too many arguments" in d.message)
    assert (too_many.file, too_many.line, too_many.message) == (
        "sketch.ino",
        6,
        "too many arguments to function 'void blinkTimes(int)'",
    )
    assert Diagnostic("sketch.ino", 9, 6, "note", "declared here") in diagnostics  # the prototype's #line
    assert Diagnostic("sketch.ino", 5, 7, "warning", "unused variable 'y' [-Wunused-variable]") in diagnostics
    assert Diagnostic("sketch.ino", 8, 32, "error", "'HIGHH' was not declared in this scope") in diagnostics
    assert all(d.file == "sketch.ino" for d in diagnostics)


def test_an_error_in_a_header_of_the_request_names_the_header():
    files = {"helper.h": "#pragma once\nstruct Helper {\n  int a\n};\n"}
    sketch = '#include "helper.h"\nvoid setup() {}\nvoid loop() {}\n'
    expected = Diagnostic("helper.h", 3, 7, "error", "expected ';' at end of member declaration")
    assert diagnostics_of(sketch, files) == [expected]
    # gcc names an included file by the path it was found at; an absolute build folder still maps to the file
    assert diagnostics_of(sketch, files, absolute=True) == [expected]


def test_an_error_inside_the_core_from_a_users_macro_is_reported_on_the_users_line():
    sketch = "void setup() {\n  Serial.begin(9600);\n  Serial.print(F(123));\n}\nvoid loop() {}\n"
    diagnostics = diagnostics_of(sketch)
    assert diagnostics[0] == Diagnostic(
        "sketch.ino", 3, 16, "error", "initializer fails to determine size of '__c' (in WString.h)"
    )
    assert {(d.file, d.line) for d in diagnostics} == {("sketch.ino", 3)}


def test_a_library_template_instantiated_by_the_user_is_reported_where_it_was_instantiated():
    sketch = "#include <EEPROM.h>\n\nvoid setup() {\n  EEPROM.put(0, setup);\n}\nvoid loop() {}\n"
    preprocessed = preprocess(sketch)
    _, output = compile_sketch(preprocessed, [EEPROM_SRC], extra_flags=CODE_GENERATION)
    assert "In instantiation of" in output  # what this test is about: gcc's `required from here` chain
    diagnostics = parse_gcc_output(output, preprocessed.user_files)
    assert diagnostics[0] == Diagnostic(
        "sketch.ino", 4, 22, "warning",
        "invalid application of 'sizeof' to a function type [-Wpointer-arith] (in EEPROM.h)",
    )  # fmt: skip
    assert all(d.file == "sketch.ino" for d in diagnostics) and "required from here" not in repr(diagnostics)


def test_an_error_in_a_users_template_lists_where_it_was_required_from():
    sketch = """\
struct Point { int x; };
template <typename T> T twice(T v) { return v.missing * 2; }
void setup() {
  twice(Point{1});
}
void loop() {}
"""
    diagnostics = diagnostics_of(sketch, extra_flags=CODE_GENERATION)
    error, note = diagnostics
    assert (error.file, error.line, error.severity) == ("sketch.ino", 2, "error")
    assert error.message == "'struct Point' has no member named 'missing'"
    assert note == Diagnostic("sketch.ino", 4, 17, "note", "required from here")


def test_candidates_in_the_core_are_left_out_but_the_users_error_stays():
    sketch = "struct Point { int x; };\nvoid setup() {\n  Point p;\n  Serial.print(p);\n}\nvoid loop() {}\n"
    diagnostics = diagnostics_of(sketch)
    assert diagnostics == [
        Diagnostic("sketch.ino", 4, 17, "error", "no matching function for call to 'HardwareSerial::print(Point&)'")
    ]


def test_a_file_outside_the_sketch_and_the_toolchain_is_never_quoted(tmp_path):
    secret_dir = tmp_path / "host"
    secret_dir.mkdir()
    (secret_dir / "secret.h").write_text("root_secret_4242 x0:0:root:/root:/bin/bash;\n")
    sketch = "#include <secret.h>\nvoid setup() {}\nvoid loop() {}\n"
    diagnostics = diagnostics_of(sketch, include_dirs=[secret_dir])
    assert diagnostics == [Diagnostic("sketch.ino", 1, None, "error", "an error in a file outside the sketch")]
    assert "secret" not in repr(diagnostics) and "root" not in repr(diagnostics)


def test_an_error_in_a_library_staged_in_the_build_folder_is_reported_on_the_users_include():
    """build.py copies our libraries into the build folder (libraries/<Name>/src); gcc names them relatively.
    The user's own Motor.h is a different file and must not be blamed."""
    sketch = '#include "Motor.h"\n#include <Speed.h>\nvoid setup() {}\nvoid loop() {}\n'
    preprocessed = preprocess(sketch, {"Motor.h": "#pragma once\nint motor;\n"})
    staged = {"libraries/Speed/src/Speed.h": "#pragma once\n#include <Motor.h>\n",
              "libraries/Motor/src/Motor.h": "#pragma once\nstruct Motor { int speed };\n"}  # fmt: skip
    with_library = Preprocessed({**preprocessed.sources, **staged}, preprocessed.compile, preprocessed.user_files)
    ok, output = compile_sketch(with_library, ["libraries/Speed/src", "libraries/Motor/src"])
    assert not ok and "libraries/Motor/src/Motor.h:2:" in output
    assert parse_gcc_output(output, preprocessed.user_files) == [
        Diagnostic("sketch.ino", 2, None, "error", "expected ';' at end of member declaration (in Motor.h)")
    ]


def test_errors_in_the_core_no_line_of_the_sketch_explains_are_summarised_without_their_text():
    """WString.cpp of Debian's core without -DDECIMAL_DIG=9: a real error in a file the user never wrote."""
    flags = [flag for flag in COMMON_FLAGS if "DECIMAL_DIG" not in flag]
    argv = ["/usr/bin/avr-g++", *CPP_FLAGS, *flags, "-fsyntax-only", "-mmcu=atmega328p", "-DF_CPU=16000000L",
            f"-I{CORE_DIR / 'cores' / 'arduino'}", f"-I{CORE_DIR / 'variants' / 'standard'}",
            str(CORE_DIR / "cores" / "arduino" / "WString.cpp")]  # fmt: skip
    result = run_process(argv, limits=ProcessLimits(wall_seconds=60, cpu_seconds=60))
    output = result.stderr.decode()
    assert result.returncode != 0 and "DECIMAL_DIG" in output
    diagnostics = parse_gcc_output(output, frozenset({"sketch.ino"}))
    assert len(diagnostics) == 1
    summary = diagnostics[0]
    assert (summary.file, summary.line, summary.severity) == (None, None, "error")
    assert re.match(r"\d+ errors? in files outside the sketch", summary.message)
    assert "DECIMAL_DIG" not in summary.message and "WString" not in summary.message


def test_at_most_a_hundred_diagnostics_each_trimmed():
    body = "".join(f"  undefined{n} = {n};\n" for n in range(150))
    sketch = f"#error {'x' * 2000}\nvoid setup() {{\n{body}}}\nvoid loop() {{}}\n"
    diagnostics = diagnostics_of(sketch)
    assert len(diagnostics) == MAX_DIAGNOSTICS
    assert diagnostics[0].line == 1 and len(diagnostics[0].message) == MAX_MESSAGE
    assert diagnostics[0].message.endswith("...")
    assert [d.line for d in diagnostics[1:4]] == [3, 4, 5]


def test_colours_and_typographic_quotes_become_plain_text():
    sketch = "void setup() { int unused; missing(); }\nvoid loop() {}\n"
    diagnostics = diagnostics_of(sketch, extra_flags=("-fsyntax-only", "-fdiagnostics-color=always"))
    assert Diagnostic("sketch.ino", 1, 36, "error", "'missing' was not declared in this scope") in diagnostics
    assert not any("\x1b" in d.message or "\u2018" in d.message for d in diagnostics)


def test_a_missing_header_is_reported_on_the_include_line():
    diagnostics = diagnostics_of(
        "\n#ifdef ARDUINO_AVR_UNO\n#include <WiFi.h>\n#endif\nvoid setup() {}\nvoid loop() {}\n"
    )
    assert diagnostics == [Diagnostic("sketch.ino", 3, 18, "error", "WiFi.h: No such file or directory")]


# --- The linker --------------------------------------------------------------------------------------------------


def link(sources: dict[str, str]) -> str:
    """Compile C++ sources with LTO and link them for the ATmega328P (no core: main is theirs); the linker's
    output."""
    with tempfile.TemporaryDirectory() as build:
        objects = []
        for name, text in sources.items():
            (Path(build) / name).write_text(text)
            compile_result = run_process(
                ["/usr/bin/avr-g++", "-c", "-Os", "-flto", "-mmcu=atmega328p", name, "-o", f"{name}.o"],
                cwd=build, limits=ProcessLimits(wall_seconds=60, cpu_seconds=60),
            )  # fmt: skip
            assert compile_result.returncode == 0, compile_result.stderr.decode()
            objects.append(f"{name}.o")
        result = run_process(
            ["/usr/bin/avr-gcc", "-Os", "-flto", "-fuse-linker-plugin", "-Wl,--gc-sections", "-mmcu=atmega328p",
             "-o", "sketch.elf", *objects],
            cwd=build, limits=ProcessLimits(wall_seconds=60, cpu_seconds=60),
        )  # fmt: skip
        assert result.returncode != 0, "meant not to link"
        return result.stderr.decode() + result.stdout.decode()


def test_undefined_references_are_named_without_paths():
    output = link({"main.cpp": "void missing(int);\nextern int nowhere;\nint main() { missing(nowhere); }\n"})
    assert "/" in output  # the linker names paths; the diagnostics do not
    diagnostics = linker_diagnostics(output)
    messages = sorted(d.message for d in diagnostics)
    assert messages == [
        "undefined reference to 'missing(int)': it is declared and used but never defined (or its library is "
        "not included)",
        "undefined reference to 'nowhere': it is declared and used but never defined (or its library is not included)",
    ]
    assert all((d.file, d.line, d.column, d.severity) == (None, None, None, "error") for d in diagnostics)


def test_a_sketch_without_loop_is_told_it_needs_one():
    output = link({"main.cpp": "void setup() {}\nvoid loop();\nint main() { setup(); for (;;) loop(); }\n"})
    (diagnostic,) = linker_diagnostics(output)
    # C++ names it loop(); the Arduino core's LTO link names it loop
    assert diagnostic.message == "undefined reference to 'loop()': every sketch needs a void loop() function"


def test_a_program_too_big_for_the_flash_says_by_how_much():
    big = "#include <avr/pgmspace.h>\nconst char big[30000] PROGMEM = {1};\nconst char more[5000] PROGMEM = {2};\n"
    main = "int main() { volatile char *p = (char *)&big[1]; volatile char *q = (char *)&more[1]; return *p + *q; }\n"
    output = link({"main.cpp": big + main})
    diagnostics = linker_diagnostics(output)
    assert len(diagnostics) == 1
    # ld says by how much only some of the time
    assert re.fullmatch(r"the sketch is too big for the board's flash \(program memory\)(: over by \d+ bytes)?",
                        diagnostics[0].message)  # fmt: skip


def test_a_function_defined_twice_is_named():
    twice = "int twice(int x) { return 2 * x; }\n"
    output = link({"a.cpp": twice, "b.cpp": twice + "int main() { return twice(1); }\n"})
    assert [d.message for d in linker_diagnostics(output)] == ["multiple definition of 'twice(int)'"]


@pytest.mark.parametrize("output", ["", "collect2: error: ld returned 1 exit status\n"])
def test_a_failed_link_always_says_something(output):
    expected = [Diagnostic(None, None, None, "error", "linking failed")] if output else []
    assert linker_diagnostics(output) == expected
