"""Sketch preprocessing like the Arduino IDE, checked by compiling the result with the real avr-g++.

`compile_sketch` runs avr-g++/avr-gcc with the IDE's flags for the Uno on every file `preprocess` says to
compile; diagnostics_test.py and libraries_test.py use it too.
"""

import re
import tempfile
import time
from pathlib import Path

import pytest

from arduino.boards import BOARDS, CORE_DIR, Board
from arduino.sketch import (
    GENERATED,
    MAIN_TAB,
    MAX_SOURCE_BYTES,
    Preprocessed,
    SketchInvalid,
    preprocess,
    validate_files,
)
from sandbox.process import ProcessLimits, run_process

# The IDE's compiler.cpp.flags / compiler.c.flags for the Uno, checking only (no objects), with diagnostics as
# the build service asks for them.
COMMON_FLAGS = ("-Os", "-Wall", "-fno-diagnostics-show-caret", "-fmessage-length=0", "-DARDUINO=10819",
                "-DARDUINO_ARCH_AVR", "-DDECIMAL_DIG=9")  # fmt: skip
CPP_FLAGS = ("-std=gnu++11", "-fpermissive", "-fno-exceptions", "-fno-threadsafe-statics", "-Wno-error=narrowing")


def compile_sketch(
    preprocessed: Preprocessed,
    include_dirs=(),
    board: Board = BOARDS["uno"],
    extra_flags=("-fsyntax-only", "-fdiagnostics-color=never"),
    absolute: bool = False,
) -> tuple[bool, str]:
    """Compile every file the sketch compiles, in a folder holding its sources: (all compiled, compiler output).
    `absolute`: name the files by their absolute paths, so gcc names included files that way too."""
    with tempfile.TemporaryDirectory() as scratch:
        build = Path(scratch)
        for name, text in preprocessed.sources.items():
            (build / name).parent.mkdir(parents=True, exist_ok=True)
            (build / name).write_text(text)
        ok, output = True, []
        for name in preprocessed.compile:
            if name.endswith(".c"):
                command = ["/usr/bin/avr-gcc", "-std=gnu11"]
            elif name.endswith(".S"):
                command = ["/usr/bin/avr-gcc", "-x", "assembler-with-cpp", "-c", "-o", "/dev/null"]
            else:
                command = ["/usr/bin/avr-g++", *CPP_FLAGS]
            flags = [*extra_flags] if not name.endswith(".S") else []
            board_flags = [f"-mmcu={board.mcu}", f"-DF_CPU={board.f_cpu}L", f"-DARDUINO_{board.board_define}"]
            includes = [CORE_DIR / "cores" / "arduino", board.variant_dir, *include_dirs]
            source = str(build / name) if absolute else name
            argv = [*command, *COMMON_FLAGS, *flags, *board_flags, *(f"-I{d}" for d in includes), source]
            result = run_process(
                argv,
                cwd=build,
                env={"PATH": "/usr/bin:/bin", "LANG": "C.UTF-8"},
                limits=ProcessLimits(wall_seconds=60, cpu_seconds=60),
            )
            ok = ok and result.returncode == 0
            output.append(result.stderr.decode() + result.stdout.decode())
        return ok, "".join(output)


def assert_compiles(preprocessed: Preprocessed, include_dirs=()) -> None:
    ok, output = compile_sketch(preprocessed, include_dirs)
    assert ok, f"{output}\n--- {GENERATED}:\n{preprocessed.sources[GENERATED]}"


def generated(sketch: str, files: dict | None = None) -> str:
    return preprocess(sketch, files or {}).sources[GENERATED]


def warnings_by_label(output: str) -> dict[str, tuple[str, int]]:
    """`#warning <label>` lines as gcc reported them: label -> (file, line)."""
    found = re.findall(r"^([\w.]+):(\d+):\d+: warning: #warning (\w+)", output, flags=re.MULTILINE)
    return {label: (file, int(line)) for file, line, label in found}


def labels_in(name: str, text: str) -> dict[str, tuple[str, int]]:
    """Where each `#warning <label>` of a file really is."""
    return {
        match.group(1): (name, text.count("\n", 0, match.start()) + 1)
        for match in re.finditer(r"^#warning (\w+)", text, flags=re.MULTILINE)
    }


# --- Prototypes: sketches that only compile with them ------------------------------------------------------------


def test_functions_used_before_their_definition_compile():
    sketch = """\
// Blink, with the work done in functions defined after setup() and loop()
const int LED = 13;

void setup() {
  pinMode(LED, OUTPUT);
  Serial.begin(9600);
}

void loop() {
  blinkTimes(3);
  Serial.println(average(analogRead(A0), analogRead(A1)));
}

void blinkTimes(int times) {
  for (int i = 0; i < times; i++) { toggle(); delay(100); toggle(); delay(100); }
}

void toggle() { digitalWrite(LED, !digitalRead(LED)); }

float average(int a, int b) { return (a + b) / 2.0; }
"""
    assert_compiles(preprocess(sketch))
    assert "void blinkTimes(int times);" in generated(sketch)


def test_without_prototypes_the_same_sketch_does_not_compile():
    """The check above is meaningful: g++ alone refuses a call before the definition."""
    sketch = "void setup() { helper(); }\nvoid loop() {}\nvoid helper() {}\n"
    plain = Preprocessed(sources={GENERATED: "#include <Arduino.h>\n" + sketch}, compile=[GENERATED],
                         user_files=frozenset({MAIN_TAB}))  # fmt: skip
    ok, output = compile_sketch(plain)
    assert not ok and "'helper' was not declared" in output.replace("\u2018", "'").replace("\u2019", "'")
    assert_compiles(preprocess(sketch))


def test_prototypes_go_before_the_first_function_after_the_declarations_before_it():
    sketch = """\
#include <EEPROM.h>
#define LIMIT 10
struct Reading { int value; unsigned long at; };
typedef unsigned char level_t;
enum Mode { IDLE, RUNNING };

Mode mode = IDLE;
void setup() { record(read(), RUNNING); }
void loop() {}
Reading read() { return Reading{analogRead(A0), millis()}; }
void record(const Reading &reading, Mode next) { mode = next; EEPROM.put(0, reading); }
level_t level(Reading r) { return r.value > LIMIT ? 1 : 0; }
"""
    text = generated(sketch)
    lines = text.splitlines()
    setup_line = lines.index("void setup();")
    assert lines.index("Mode mode = IDLE;") < setup_line < lines.index("void setup() { record(read(), RUNNING); }")
    assert "Reading read();" in lines and "level_t level(Reading r);" in lines
    assert_compiles(preprocess(sketch), [CORE_DIR / "libraries" / "EEPROM" / "src"])


def test_a_type_declared_after_the_first_function_is_declared_before_its_prototype():
    """The IDE would put `void show(Late l);` before setup() and fail; here it goes after `struct Late`."""
    sketch = """\
void setup() { Serial.begin(9600); }
struct Late { int y; };
void show(Late l) { Serial.println(l.y); }
void loop() { show(Late{2}); }
"""
    text = generated(sketch)
    assert text.index("void show(Late l);") > text.index("struct Late { int y; };")
    assert_compiles(preprocess(sketch))


def test_templates_pointers_references_static_inline_and_const_returns():
    sketch = """\
struct Point { int x, y; };
void setup() {
  int values[] = {3, 1, 2};
  Serial.println(largest(values[0], values[1]));
  Serial.println(*counter());
  Point p{1, 2};
  moveBy(p, 3).x++;
  Serial.println(label(1));
  Serial.println(sum(values, 3));
  Serial.println(square(4));
  Serial.println(combine<long>(1, 2));
}
void loop() {}

template <typename T>
T largest(T a, T b) { return a > b ? a : b; }

template <typename R, typename A> R combine(A a, A b) { return R(a) + R(b); }

static int *counter() { static int count = 0; return &count; }

Point &moveBy(Point &p, int dx) { p.x += dx; return p; }

const char *label(int n) { return n ? "on" : "off"; }

long sum(const int *values, size_t count) {
  long total = 0;
  for (size_t i = 0; i < count; i++) total += values[i];
  return total;
}

inline int square(int x) { return x * x; }

unsigned long
multiLine(int a,
          int b) { return a + b; }
"""
    text = generated(sketch)
    for prototype in ("template <typename T>\nT largest(T a, T b);", "static int *counter();",
                      "Point &moveBy(Point &p, int dx);", "const char *label(int n);", "inline int square(int x);",
                      "unsigned long\nmultiLine(int a,\nint b);"):  # fmt: skip
        assert prototype in text
    assert_compiles(preprocess(sketch))


def test_braces_in_comments_strings_and_characters_do_not_count():
    sketch = r"""
// a { in a line comment
/* a } in a block comment { */
const char *open = "{";
const char close = '}';
const char *raw = R"x(a "}" and a { in a raw string)x";
const char *escaped = "\"{";
#define BRACE '{'
void setup() { Serial.println(open); report(); }
void loop() {}
void report() { Serial.println(raw); Serial.println(close); /* } */ Serial.println(escaped); }
"""
    assert_compiles(preprocess(sketch))


def test_functions_in_classes_namespaces_and_member_definitions_get_no_prototype():
    sketch = """\
class Motor {
 public:
  void run();
  int speed() { return level(); }
 private:
  int level() { return 3; }
};
namespace tools { int twice(int x) { return 2 * x; } }
struct Counter { int n = 0; void add() { n++; } };
void Motor::run() { helper(); }
void setup() { Motor m; m.run(); Serial.println(tools::twice(m.speed())); }
void loop() {}
void helper() {}
"""
    text = generated(sketch)
    assert "int speed();" not in text and "int twice(int x);" not in text and "void add();" not in text
    assert "void run();" not in text.split("class Motor")[0]
    assert "void helper();" in text
    assert_compiles(preprocess(sketch))


def test_functions_in_extern_c_blocks_get_c_linkage_prototypes():
    sketch = 'void setup() { c_helper(1); }\nvoid loop() {}\nextern "C" {\nint c_helper(int x) { return x; }\n}\n'
    assert 'extern "C" int c_helper(int x);' in generated(sketch)
    assert_compiles(preprocess(sketch))


def test_declared_functions_get_no_second_prototype():
    sketch = """\
void setup(void);
void loop();
void blink(int times);
int twice(int);
void setup() { blink(2); twice(3); }
void loop() {}
void blink(int count) { (void)count; }
int twice(int x) { return 2 * x; }
static void quiet() {}
"""
    text = generated(sketch)
    assert text.count("blink(") == 3 and text.count("twice(") == 3
    assert text.count("void setup(") == 2 and text.count("void loop(") == 2
    assert "static void quiet();" in text
    assert_compiles(preprocess(sketch))


def test_overloads_each_get_a_prototype():
    sketch = """\
void setup() { show(1); show(2.5); show("three"); }
void loop() {}
void show(int x) { Serial.println(x); }
void show(double x) { Serial.println(x); }
void show(const char *x) { Serial.println(x); }
"""
    text = generated(sketch)
    assert "void show(int x);" in text and "void show(double x);" in text and "void show(const char *x);" in text
    assert_compiles(preprocess(sketch))


def test_default_arguments_move_into_the_prototype_when_a_call_precedes_the_definition():
    sketch = """\
void setup() { blink(); blink(5); beep(440); }
void loop() {}
void blink(int times = 3, int ms = 100) { for (int i = 0; i < times; i++) delay(ms); }
void beep(int hz, int ms = 50 /* short */) { tone(8, hz, ms); }
"""
    text = generated(sketch)
    assert "void blink(int times = 3, int ms = 100);" in text
    # the definition keeps its length and lines, without the defaults g++ would refuse to see twice
    assert "void blink(int times    , int ms      ) {" in text
    assert "void beep(int hz, int ms      /* short */) {" in text
    assert_compiles(preprocess(sketch))


def test_default_arguments_stay_in_a_definition_nothing_calls_before():
    sketch = "enum Speed { SLOW, FAST };\nvoid setup() {}\nvoid go(Speed s = FAST) {}\nvoid loop() { go(); }\n"
    text = generated(sketch)
    assert "void go(Speed s);" in text and "void go(Speed s = FAST) {}" in text
    sketch_after = "void go(int speed = 2) { (void)speed; }\nvoid setup() { go(); }\nvoid loop() {}\n"
    assert "void go(int speed);" in generated(sketch_after)
    assert_compiles(preprocess(sketch))
    assert_compiles(preprocess(sketch_after))


def test_a_function_named_in_a_global_initialiser_is_declared_before_it():
    sketch = """\
typedef void (*Handler)();
Handler handlers[] = {onRed, onGreen};
struct Task { Handler run; } task = {onGreen};
void setup() { handlers[0](); task.run(); }
void loop() {}
void onRed() {}
void onGreen() {}
"""
    text = generated(sketch)
    assert text.index("void onRed();") < text.index("Handler handlers[]")
    assert_compiles(preprocess(sketch))


def test_a_function_defined_under_a_disabled_condition_keeps_its_condition():
    """The IDE reads the code after the preprocessor; a prototype for a type that is not there must not break."""
    sketch = """\
#define HAVE_DISPLAY 0
void setup() { report(1); }
void loop() {}
#if HAVE_DISPLAY
void report(DisplayThing value) { value.show(); }
#elif defined(ARDUINO_AVR_UNO)
void report(int value) { Serial.println(value); }
#else
void report(long value) { Serial.println(value); }
#endif
#ifdef NOT_DEFINED_ANYWHERE
void unused(UnknownType t) {}
#endif
"""
    text = generated(sketch)
    assert "#if HAVE_DISPLAY\n#line 5" in text
    assert "#if HAVE_DISPLAY\n#elif defined(ARDUINO_AVR_UNO)\n#line 7" in text
    assert_compiles(preprocess(sketch))


def test_a_function_split_by_a_condition_is_left_to_the_compiler():
    sketch = """\
void setup() {}
void loop() { show(1); }
void show(
#ifdef WIDE
  long value
#else
  int value
#endif
) { Serial.println(value); }
"""
    text = generated(sketch)
    assert "void show(\n" not in text.split("void setup() {}")[0]  # no prototype across a directive
    assert "void setup();" in text


def test_class_bodies_calling_later_functions_compile():
    sketch = """\
struct Blinker {
  void run() { toggle(); }
};
Blinker blinker;
void setup() { blinker.run(); }
void loop() {}
void toggle() { digitalWrite(13, !digitalRead(13)); }
"""
    assert_compiles(preprocess(sketch))


def test_interrupt_handlers_and_macros_are_not_functions_to_declare():
    sketch = """\
volatile int ticks;
ISR(TIMER1_COMPA_vect) { ticks++; }
void setup() { noInterrupts(); TCCR1A = 0; interrupts(); }
void loop() { report(); }
void report() { Serial.println(ticks); }
"""
    text = generated(sketch)
    assert "ISR(TIMER1_COMPA_vect);" not in text
    assert_compiles(preprocess(sketch))


def test_common_sketch_idioms_compile():
    sketch = """\
#include <EEPROM.h>
const int buttonPin = 2;
volatile bool pressed = false;
auto doubler = [](int x) { return x * 2; };
struct Note { int pitch; int ms; };
const Note melody[] = { {262, 250}, {294, 250} };
typedef struct { int cells[3][3]; } Matrix;
enum class Colour : uint8_t { Red, Green };

void setup(void)
{
  Serial.begin(9600);
  attachInterrupt(digitalPinToInterrupt(buttonPin), onPress, FALLING);
  forEach(printValue);
  int values[] = {1, 2, 3};
  fill(values, 3);
  Serial.println(isBig(5));
  Serial.println(readWord());
  Serial.println(name(Colour::Red));
  log();
  Serial.println(zero<long>());
  Serial.println(zeroDefault());
  Serial.println(doubler(2));
  Serial.println(slow());
  Serial.println(total(melody, 2));
  Matrix m; clear(m);
}

void loop()
{
  if (pressed) { pressed = false; Serial.println(F("pressed")); }
}

void onPress() { pressed = true; }
void forEach(void (*fn)(int)) { for (int i = 0; i < 3; i++) fn(i); }
void printValue(int v) { Serial.println(v); }
void fill(int values[], int n) { for (int i = 0; i < n; i++) values[i] = i; }
boolean isBig(byte b) { return b > 100; }
word readWord() { return EEPROM.read(0) | (EEPROM.read(1) << 8); }
String name(Colour c) { return c == Colour::Red ? "red" : "green"; }
void log(const char *msg = "hi, {there}") { Serial.println(msg); }
template <typename T> T zero() { return T(); }
template <typename T = int> T zeroDefault() { return T(); }
template <typename T = int> T unusedDefault() { return T(); }
int __attribute__((noinline)) slow() { return 42; }
long total(const Note notes[], int count) { long t = 0; for (int i = 0; i < count; i++) t += notes[i].ms; return t; }
void clear(Matrix &m) { memset(&m, 0, sizeof m); }
unsigned long long big() { return 1ULL << 40; }
int /* counted */ counter() { static int n; return ++n; }
void a() {} void b() { a(); }
"""
    text = generated(sketch)
    assert "template <typename T = int> T zeroDefault();" in text  # called first: the default moves
    assert "template <typename T> T unusedDefault();" in text  # not: g++ takes it from the definition
    assert "int __attribute__((noinline)) slow();" in text and "long total(const Note notes[], int count);" in text
    assert_compiles(preprocess(sketch), [CORE_DIR / "libraries" / "EEPROM" / "src"])


def test_a_declaration_after_the_first_call_does_not_stand_in_for_the_prototype():
    sketch = "void setup() { later(1); }\nvoid loop() {}\nvoid later(int);\nvoid later(int x) {}\n"
    assert_compiles(preprocess(sketch))


def test_a_first_function_under_a_condition_gets_the_prototypes_before_the_condition():
    sketch = """\
#ifdef ARDUINO_AVR_UNO
void board() { Serial.println("uno"); }
#else
void board() { Serial.println("other"); }
#endif
void setup() { board(); report(); }
void loop() {}
void report() {}
"""
    text = generated(sketch)
    assert text.index("void report();") < text.index("#ifdef ARDUINO_AVR_UNO\nvoid board() {")
    assert_compiles(preprocess(sketch))


# --- Tabs, #line and columns -------------------------------------------------------------------------------------

MAIN_WITH_LABELS = """\
// line-mapping probe { a brace in a comment
#include <EEPROM.h>
struct Point { int x; }; const char *s = "}";

void setup() { show(Point{1}); twice(); fromB(); }
#warning M6
int counter = 0; void show(Point p) {
#warning M8
}
/* a multi-line
   comment } */ void twice(int times = 2) {
#warning M12
}
struct Late { int y; };
void late(Late l) {}
#warning M16
void loop() {}
#warning M18"""  # no newline at the end: the next tab must still start on a line of its own

TAB_B = """\
// tab b
void fromB() {
#warning B3
}
#warning B5
"""
TAB_A = "#warning A1\nint fromA() { return fromB2(); }\n#warning A3\n"
TAB_C = "int fromB2() { return 2; }\n#warning C2\n"


def test_tabs_are_joined_main_first_then_alphabetically_each_after_its_line_directive():
    text = generated(MAIN_WITH_LABELS, {"b.ino": TAB_B, "Apple.ino": TAB_A, "c.ino": TAB_C})
    tabs = [(MAIN_TAB, MAIN_WITH_LABELS), ("Apple.ino", TAB_A), ("b.ino", TAB_B), ("c.ino", TAB_C)]
    order = [text.index(f'#line 1 "{name}"\n{tab.splitlines()[0]}\n') for name, tab in tabs]
    assert order == sorted(order)
    assert text.startswith('#include <Arduino.h>\n#line 1 "sketch.ino"\n')
    assert "#warning M18\n#line 1" in text


def test_every_line_keeps_its_tab_and_number_through_prototypes_and_moved_defaults():
    files = {"b.ino": TAB_B, "Apple.ino": TAB_A, "c.ino": TAB_C}
    ok, output = compile_sketch(preprocess(MAIN_WITH_LABELS, files), [CORE_DIR / "libraries" / "EEPROM" / "src"])
    assert ok, output
    expected = labels_in(MAIN_TAB, MAIN_WITH_LABELS)
    for name, text in files.items():
        expected.update(labels_in(name, text))
    assert warnings_by_label(output) == expected


def test_columns_stay_right_after_prototypes_inserted_mid_line():
    sketch = "struct P { int x; }; void first() { int y = undefinedName; }\nvoid setup() { first(); }\nvoid loop() {}\n"
    text = generated(sketch)
    assert "struct P { int x; }; \n" in text  # the prototypes go between the struct and the function
    ok, output = compile_sketch(preprocess(sketch))
    column = sketch.index("undefinedName") + 1
    assert not ok and f"sketch.ino:1:{column}: error:" in output, output


def test_crlf_line_ends_are_read_as_lines():
    sketch = "void setup() {\r\n  later();\r\n}\r\nvoid loop() {}\r\nvoid later() {}\r\n"
    assert_compiles(preprocess(sketch))


def test_the_request_files_are_compiled_alongside_unchanged():
    files = {
        "config.h": "#pragma once\nconst int PIN = 13;\nint scaled(int x);\n",
        "scale.cpp": '#include "config.h"\nint scaled(int x) { return x * 2; }\n',
        "raw.c": "int c_twice(int x) { return 2 * x; }\n",
        "nop.S": "#include <avr/io.h>\n.global asm_nop\nasm_nop:\n  nop\n  ret\n",
    }
    sketch = (
        '#include "config.h"\nextern "C" int c_twice(int);\nvoid setup() { pinMode(PIN, OUTPUT); }\nvoid loop() {}\n'
    )
    result = preprocess(sketch, files)
    assert result.compile == [GENERATED, "nop.S", "raw.c", "scale.cpp"]
    assert {name: result.sources[name] for name in files} == files
    assert result.user_files == {MAIN_TAB, *files}
    assert_compiles(result)


# --- Requests that are refused -----------------------------------------------------------------------------------

BLINK = "void setup() { pinMode(13, OUTPUT); }\nvoid loop() { digitalWrite(13, !digitalRead(13)); delay(500); }\n"


@pytest.mark.parametrize(
    "name",
    ["../evil.h", "a/b.h", "/etc/passwd.h", "x;rm -rf ~.h", "$(reboot).cpp", "`id`.c", "evil.sh", ".hidden.h",
     "-rf.cpp", "a b.h", "noextension", "x.H", "x.s", "x.ino.exe", "", "caf\u00e9.h", "tab\t.h", "n\n.h",
     "sketch.ino", "sketch.ino.cpp", "x" * 200 + ".h"],
)  # fmt: skip
def test_file_names_outside_the_rules_are_refused_naming_the_file(name):
    with pytest.raises(SketchInvalid) as refused:
        validate_files(BLINK, {name: "int x;\n"})
    assert refused.value.errors[0]["field"] == f"files.{name}"


def test_allowed_file_names():
    validate_files(BLINK, {name: "" for name in ("a.h", "b.hpp", "c.c", "d.cpp", "e.S", "tab2.ino", "_x-1.2.h")})


def test_contents_that_are_not_text_are_refused():
    with pytest.raises(SketchInvalid):
        validate_files(BLINK, {"a.h": b"int x;"})
    with pytest.raises(SketchInvalid):
        validate_files(b"void setup() {}", {})
    with pytest.raises(SketchInvalid):
        validate_files(BLINK, ["a.h"])
    with pytest.raises(SketchInvalid):
        validate_files("\ud800", {})  # a lone surrogate: no UTF-8 for the compiler


def test_more_than_a_megabyte_of_sources_is_refused_before_anything_reads_it():
    just_under = "//" + "x" * (MAX_SOURCE_BYTES - 4 - len(BLINK)) + "\n" + BLINK
    validate_files(just_under, {})
    with pytest.raises(SketchInvalid) as refused:
        validate_files(BLINK, {"a.h": "x" * MAX_SOURCE_BYTES})
    assert refused.value.errors[0]["field"] == "files"
    multibyte = "// " + "\u00e9" * (MAX_SOURCE_BYTES // 2) + "\n"  # under a million characters, over in UTF-8
    with pytest.raises(SketchInvalid):
        validate_files(multibyte, {})
    sixteen = "x" * (16 * 1024 * 1024)
    started = time.perf_counter()
    for _ in range(100):
        with pytest.raises(SketchInvalid) as refused:
            preprocess(sixteen, {})
    assert time.perf_counter() - started < 0.5  # counting characters, not lexing
    assert refused.value.errors[0]["field"] == "sketch"


@pytest.mark.parametrize(
    "lines",
    ['#include "/etc/passwd"', "#include </etc/passwd>", '#include "../../../../etc/passwd"', "#include <../x.h>",
     "  #  include   </proc/self/environ>", '#include_next "/etc/hosts"', '#import "/etc/hosts"',
     '#include "~/secrets.h"', '#include "C:/x.h"', '#include "a\\\\b.h"', "#/**/include </etc/passwd>",
     "#inc\\\nlude </etc/passwd>", '#pragma GCC dependency "/etc/x"', 'asm(".incbin \\"/etc/passwd\\"");',
     'const char *x = ".INCLUDE";', '#elif __has_include("/etc/shadow")',
     "#define PROBE __has_include_next(<../../x>)", "%:include </etc/passwd>",
     '#define SECRET "/etc/passwd"\n#include SECRET', "int x = 1'a; /* gcc 5 has no digit separators\n#include </x>"],
)  # fmt: skip
def test_what_would_read_a_host_file_is_refused_with_its_line(lines):
    sketch = f"// first line\n{lines}\n{BLINK}"
    with pytest.raises(SketchInvalid) as refused:
        preprocess(sketch, {})
    error = refused.value.errors[0]
    refused_line = 2 + lines.count("\n#")  # the last line, when a directive follows
    assert (error["file"], error["line"], error["field"]) == (MAIN_TAB, refused_line, "sketch")
    assert refused.value.diagnostics()[0]["severity"] == "error"


def test_host_files_are_refused_in_every_file_of_the_request():
    files = {"b.ino": "\n\n#include </etc/passwd>\n", "x.h": '\n#include "../y.h"\n', "y.S": '\n\n\n.incbin "/x"\n'}
    with pytest.raises(SketchInvalid) as refused:
        preprocess(BLINK, files)
    assert sorted((e["file"], e["line"]) for e in refused.value.errors) == [("b.ino", 3), ("x.h", 2), ("y.S", 4)]


def test_paths_in_comments_strings_and_ordinary_includes_are_fine():
    sketch = f"""\
// #include "/etc/passwd"
/* #include </etc/passwd> */
#include <avr/pgmspace.h>
#include "util.h"
#include <utility/twi.h>
const char *help = "#include </etc/passwd>";
{BLINK}"""
    result = preprocess(sketch, {"util.h": "#pragma once\n"})
    assert result.sources["util.h"] == "#pragma once\n"


# --- Linear time -------------------------------------------------------------------------------------------------

MEGABYTE = MAX_SOURCE_BYTES - 64


def megabyte_of(unit: str, head: str = "", tail: str = "") -> str:
    return head + unit * ((MEGABYTE - len(head) - len(tail)) // len(unit)) + tail


PATHOLOGICAL = {
    "open braces": megabyte_of("{"),
    "close braces": megabyte_of("}"),
    "open comments": megabyte_of("/*"),
    "unterminated strings": megabyte_of('"{\n'),
    "open parentheses": megabyte_of("("),
    "angle brackets": megabyte_of("a<"),
    "templates": megabyte_of("template<"),
    "nested conditions": megabyte_of("#if A\nvoid f() {\n#else\n"),
    "tiny functions": megabyte_of("void f(){}\n"),
    "defaults": megabyte_of("void setup(){f();}\nvoid f(int a=1){}\n"),
    "parameters": megabyte_of("int,", "void f(", "int){}"),
    "raw strings": megabyte_of('R"x('),
    "namespaces": megabyte_of("namespace a {"),
    "line continuations": megabyte_of("#define X \\\n"),
}


@pytest.mark.parametrize("text", PATHOLOGICAL.values(), ids=PATHOLOGICAL.keys())
def test_a_megabyte_of_pathological_code_is_preprocessed_in_linear_time(text):
    started = time.perf_counter()
    result = preprocess(text, {})
    elapsed = time.perf_counter() - started
    assert elapsed < 10, f"{elapsed:.1f} s"  # measured: 1-3 s on the development machine
    assert len(result.sources[GENERATED]) < 3 * len(text) + 1000
