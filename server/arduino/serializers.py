from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from ohmcloud.strict_serializer import StrictSerializer

from .boards import BOARDS
from .run_circuit import clean_circuit, clean_part_inputs, clean_pin_ref
from .sketch import SketchInvalid, validate_files


class BuildRequestSerializer(StrictSerializer):
    """A sketch as the IDE holds it: the main tab, and more tabs and files beside it."""

    board = serializers.ChoiceField(choices=list(BOARDS), help_text="A board id from GET /api/arduino/boards.")
    sketch = serializers.CharField(
        trim_whitespace=False, allow_blank=True, help_text="The main tab (`sketch.ino`): the .ino text."
    )
    files = serializers.DictField(
        child=serializers.CharField(trim_whitespace=False, allow_blank=True),
        required=False,
        default=dict,
        help_text=(
            "More files by name: further .ino tabs (after the main tab, alphabetically) and .h, .hpp, .c, .cpp, .S "
            "files. Names: `[A-Za-z0-9_][A-Za-z0-9_.-]*`; sketch and files together at most 1 MB."
        ),
    )

    def validate(self, attrs):
        try:
            validate_files(attrs["sketch"], attrs["files"])
        except SketchInvalid as invalid:  # each error keeps its field, e.g. "files.bad name.h"
            errors = [{key: value for key, value in error.items() if value is not None} for error in invalid.errors]
            raise serializers.ValidationError(errors) from None
        return attrs


class ArduinoBoardSerializer(serializers.Serializer):
    id = serializers.CharField(help_text='"uno", "nano" or "mega2560": the `board` of a build.')
    name = serializers.CharField()
    mcu = serializers.CharField(help_text='The microcontroller, as avr-gcc names it ("atmega328p").')
    f_cpu = serializers.IntegerField(help_text="Clock frequency in Hz.")
    flash_max = serializers.IntegerField(help_text="Bytes of program space (flash without the bootloader).")
    ram_max = serializers.IntegerField(help_text="Bytes of SRAM.")


class ArduinoLibrarySerializer(serializers.Serializer):
    name = serializers.CharField(help_text='As in `library.properties`, e.g. "Servo".')
    version = serializers.CharField()
    sentence = serializers.CharField(help_text="What it is for, in one sentence.")
    headers = serializers.ListField(
        child=serializers.CharField(), help_text="What a sketch `#include`s to use it; that is all it takes."
    )
    bundled = serializers.BooleanField(
        help_text="True for the libraries OhmCloud ships itself (Servo, LiquidCrystal, Stepper); false for those "
        "of the Arduino AVR core (EEPROM, SPI, Wire, SoftwareSerial, HID)."
    )


class BuildDiagnosticSerializer(serializers.Serializer):
    file = serializers.CharField(
        allow_null=True, help_text='The request\'s file ("sketch.ino", a tab, a .h ...); null for the program as a '
        "whole (linking, size, time limit)."
    )  # fmt: skip
    line = serializers.IntegerField(allow_null=True, help_text="1-based, in that file.")
    column = serializers.IntegerField(allow_null=True)
    severity = serializers.ChoiceField(["error", "warning", "note", "info"])
    message = serializers.CharField()


class BuildSizeSerializer(serializers.Serializer):
    flash = serializers.IntegerField(help_text="Bytes of flash used (.text + .data).")
    flash_max = serializers.IntegerField()
    ram = serializers.IntegerField(help_text="Bytes of RAM used by global variables (.data + .bss + .noinit).")
    ram_max = serializers.IntegerField()


class BuildSerializer(serializers.Serializer):
    """A build's state and, once it ended, its program and diagnostics."""

    id = serializers.UUIDField()
    status = serializers.ChoiceField(["queued", "running", "succeeded", "failed", "cancelled"])
    board = serializers.CharField()
    hex = serializers.CharField(allow_null=True, help_text="The program as Intel HEX, once the build succeeded.")
    size = BuildSizeSerializer(
        allow_null=True, help_text="Memory use once linked; also for a failed build that was too big."
    )
    diagnostics = BuildDiagnosticSerializer(
        many=True, help_text="The compiler's errors and warnings on the request's own files, then size warnings."
    )
    timings = serializers.DictField(child=serializers.FloatField(), help_text="Seconds spent per stage.")
    cache = serializers.DictField(
        child=serializers.IntegerField(),
        help_text="Cached products used (`core_hits`, `library_hits`) and built (`core_misses`, `library_misses`).",
    )
    created_at = serializers.DateTimeField()
    started_at = serializers.DateTimeField(allow_null=True)
    finished_at = serializers.DateTimeField(allow_null=True)


class RunInputsSerializer(StrictSerializer):
    """What the outside world does to the board during a run; pins are checked against the board by the run."""

    serial = serializers.CharField(
        trim_whitespace=False, allow_blank=True, max_length=65536, required=False,
        help_text="Typed into `Serial` once the program calls `Serial.begin`, at the program's baud rate.",
    )  # fmt: skip
    digital = serializers.DictField(
        child=serializers.IntegerField(min_value=0, max_value=1), required=False,
        help_text='Levels driven onto pins by number, `{"2": 1}`: what `digitalRead` sees while a pin is an input.',
    )  # fmt: skip
    analog = serializers.DictField(
        child=serializers.FloatField(min_value=0, max_value=5), required=False,
        help_text='Volts on analog inputs by name or pin number, `{"A0": 2.5}`; the others read 0 V.',
    )  # fmt: skip
    parts = serializers.JSONField(
        required=False,
        help_text='With a `circuit`: what happens to its parts, at most 1000 inputs, `{"t_ms": 500, "part": "pot1", '
        '"control": "position", "value": 0.5}` (a setting) or `{"t_ms": 500, "part": "btn1", "pressed": true}`.',
    )


@extend_schema_field({"oneOf": [{"type": "integer", "minimum": 0}, {"type": "string", "example": "led1.A"}]})
class RunPinField(serializers.Field):
    """A pin to record: an Arduino pin number (the board's own level) or, with a circuit, a pin of a part
    (`"led1.A"`: its net's level)."""

    default_error_messages = {"invalid": 'A pin number or a pin of a part like "led1.A".'}

    def to_internal_value(self, data):
        if isinstance(data, str) and data.isdigit():
            data = int(data)
        if isinstance(data, int) and not isinstance(data, bool) and data >= 0:
            return data
        if isinstance(data, str) and "." in data and len(data) <= 100:
            return data  # checked against the circuit by the request's validate()
        self.fail("invalid")

    def to_representation(self, value):
        return value


class RunRequestSerializer(StrictSerializer):
    """A program to run headless: a build's (by id) or an Intel HEX file given here, on the bare board or in a
    circuit."""

    build = serializers.CharField(required=False, help_text="The id of a succeeded build you may read.")
    hex = serializers.CharField(required=False, max_length=2_000_000, help_text="An Intel HEX file instead.")
    board = serializers.ChoiceField(
        choices=list(BOARDS), required=False, help_text="Required with `hex`; with `build`, the build's board."
    )
    seconds = serializers.FloatField(min_value=0.001, max_value=10, help_text="Simulated seconds, at most 10.")
    inputs = RunInputsSerializer(required=False)
    pins = serializers.ListField(
        child=RunPinField(), required=False, max_length=170,
        help_text="Record only these digital pins (A0 = 14 on the Uno, 54 on the Mega) and, with a circuit, these "
        'pins of parts (`"led1.A"`: their net levels); absent: every digital pin.',
    )  # fmt: skip
    circuit = serializers.JSONField(
        required=False,
        help_text='The board\'s circuit, `{"components": [{"id", "kind", "props"?}], "wires": [["uno1.D13", "r1.1"]]}` '
        "(at most 500 components, 5000 wires): one component of the board's kind runs the program.",
    )
    mcu = serializers.CharField(
        required=False, max_length=64, help_text="With a circuit of several such boards: the one that runs the program."
    )

    def validate_circuit(self, value):
        return clean_circuit(value)

    def validate(self, attrs):
        if ("build" in attrs) == ("hex" in attrs):
            raise serializers.ValidationError({"build": "Give exactly one of `build` and `hex`."})
        if "hex" in attrs and "board" not in attrs:
            raise serializers.ValidationError({"board": "Required with `hex`."})
        circuit, inputs = attrs.get("circuit"), attrs.get("inputs") or {}
        ids = {component["id"] for component in circuit["components"]} if circuit else set()
        if not circuit and "mcu" in attrs:
            raise serializers.ValidationError({"mcu": "Only with a `circuit`."})
        if not circuit and "parts" in inputs:
            raise serializers.ValidationError({"inputs.parts": "Only with a `circuit`."})
        for field in ("digital", "analog"):
            if circuit and field in inputs:
                raise serializers.ValidationError(
                    {f"inputs.{field}": "Not with a `circuit`: its parts drive the pins (use `inputs.parts`)."}
                )
        if "parts" in inputs:
            try:
                inputs["parts"] = clean_part_inputs(inputs["parts"], ids, attrs["seconds"])
            except serializers.ValidationError as error:
                raise serializers.ValidationError({"inputs": {"parts": error.detail}}) from None
        for i, pin in enumerate(attrs.get("pins") or ()):
            if isinstance(pin, str):
                if not circuit:
                    raise serializers.ValidationError({f"pins.{i}": "A pin of a part needs a `circuit`."})
                clean_pin_ref(pin, f"pins.{i}", ids)
        return attrs


class RunResultSerializer(serializers.Serializer):
    serial = serializers.CharField(help_text="What the program sent on `Serial` (UTF-8), up to 64 kB.")
    serialBaud = serializers.IntegerField(allow_null=True, help_text="The baud rate the program set, if any.")
    serialBytesTotal = serializers.IntegerField(help_text="All bytes sent, also those past the 64 kB kept.")
    serialCapped = serializers.BooleanField()
    serialInputPending = serializers.IntegerField(help_text="Bytes of `inputs.serial` not yet read at the end.")
    traces = serializers.DictField(
        child=serializers.ListField(child=serializers.ListField(child=serializers.FloatField())),
        help_text='Pin → `[[t_us, value], ...]`, the level changes in time order; a digital pin ("13") starts at 0, '
        'a pin of a part ("led1.A") with its net\'s level at 0 µs (null while the net floats).',
    )  # fmt: skip
    pinChangesTotal = serializers.IntegerField(help_text="All changes, also those past the cap of 20,000 kept.")
    pinChangesCapped = serializers.BooleanField()
    simulatedMs = serializers.FloatField()
    wallMs = serializers.FloatField()
    stoppedEarly = serializers.BooleanField(help_text="The wall-time limit ended the run before `seconds`.")
    warnings = serializers.ListField(child=serializers.CharField())
    circuitWarnings = serializers.ListField(
        child=serializers.DictField(), required=False,
        help_text='With a circuit: `[{"t_us", "kind", "pins", "message"}]`, each warning once, when it first appeared.',
    )  # fmt: skip
    parts = serializers.DictField(
        child=serializers.DictField(), required=False,
        help_text='With a circuit: what each part shows at the end, by id (`{"type": "led", "brightness": 1}` ...).',
    )  # fmt: skip


class RunSerializer(serializers.Serializer):
    """A headless run's state and, once it succeeded, what the program did."""

    id = serializers.UUIDField()
    status = serializers.ChoiceField(["queued", "running", "succeeded", "failed", "cancelled"])
    board = serializers.CharField()
    build = serializers.UUIDField(allow_null=True, help_text="The build whose program runs; null for a given HEX.")
    mcu = serializers.CharField(allow_null=True, help_text="The circuit's component that runs it; null without one.")
    seconds = serializers.FloatField()
    result = RunResultSerializer(allow_null=True)
    diagnostics = serializers.ListField(child=serializers.DictField(), help_text='`[{"severity", "message"}]`')
    timings = serializers.DictField(child=serializers.FloatField())
    created_at = serializers.DateTimeField()
    started_at = serializers.DateTimeField(allow_null=True)
    finished_at = serializers.DateTimeField(allow_null=True)
