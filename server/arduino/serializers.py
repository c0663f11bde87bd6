from rest_framework import serializers

from ohmcloud.strict_serializer import StrictSerializer

from .boards import BOARDS
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
