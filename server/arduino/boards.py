"""The boards we build for, read from the Arduino AVR core's own `boards.txt` (Debian's arduino-core-avr), so the
MCU, clock, variant, define and memory sizes are exactly the IDE's.

A board that has a CPU menu in boards.txt (Nano, Mega) is one fixed menu choice here: the Nano with the
ATmega328P (new bootloader: 30720 bytes of flash), the Mega with the ATmega2560.
"""

from dataclasses import dataclass
from pathlib import Path

CORE_DIR = Path("/usr/share/arduino/hardware/arduino/avr")
ARDUINO_VERSION = 10819  # -DARDUINO: what IDE 1.8.19 passes; libraries test it (`#if ARDUINO >= 100`)


@dataclass(frozen=True)
class Board:
    id: str  # ours, in the API: "uno", "nano", "mega2560"
    name: str
    mcu: str  # -mmcu
    f_cpu: int  # Hz
    variant: str  # folder under CORE_DIR/variants: pins_arduino.h
    board_define: str  # -DARDUINO_<board_define>
    flash_max: int  # bytes of program space (flash minus the bootloader)
    ram_max: int  # bytes of SRAM

    @property
    def variant_dir(self) -> Path:
        return CORE_DIR / "variants" / self.variant

    def as_dict(self) -> dict:
        return {
            "id": self.id,
            "name": self.name,
            "mcu": self.mcu,
            "f_cpu": self.f_cpu,
            "flash_max": self.flash_max,
            "ram_max": self.ram_max,
        }


# Our id -> (boards.txt key, CPU menu choice or None, display name).
_CHOICES = {
    "uno": ("uno", None, "Arduino Uno"),
    "nano": ("nano", "atmega328", "Arduino Nano (ATmega328P)"),
    "mega2560": ("mega", "atmega2560", "Arduino Mega 2560"),
}


def read_properties(text: str) -> dict[str, str]:
    """The `key=value` lines of an Arduino properties file (boards.txt, platform.txt, library.properties)."""
    properties = {}
    for raw in text.splitlines():
        line = raw.strip()
        if line and not line.startswith("#") and "=" in line:
            key, value = line.split("=", 1)
            properties[key.strip()] = value.strip()
    return properties


def board_from_properties(properties: dict[str, str], board_id: str) -> Board:
    """Board `board_id` out of boards.txt's properties; a CPU menu choice overrides the board's own values."""
    key, cpu, name = _CHOICES[board_id]

    def value(prop: str) -> str:
        if cpu is not None and f"{key}.menu.cpu.{cpu}.{prop}" in properties:
            return properties[f"{key}.menu.cpu.{cpu}.{prop}"]
        try:
            return properties[f"{key}.{prop}"]
        except KeyError:
            raise ValueError(f"boards.txt has no {key}.{prop}") from None

    return Board(
        id=board_id,
        name=name,
        mcu=value("build.mcu"),
        f_cpu=int(value("build.f_cpu").rstrip("UL")),
        variant=value("build.variant"),
        board_define=value("build.board"),
        flash_max=int(value("upload.maximum_size")),
        ram_max=int(value("upload.maximum_data_size")),
    )


def read_boards(core_dir: Path = CORE_DIR) -> dict[str, Board]:
    properties = read_properties((core_dir / "boards.txt").read_text(encoding="utf-8", errors="replace"))
    return {board_id: board_from_properties(properties, board_id) for board_id in _CHOICES}


BOARDS: dict[str, Board] = read_boards()
