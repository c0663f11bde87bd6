"""Flash and RAM use of a built program, as the IDE reports them (platform.txt's recipe.size.regex*): from
`avr-size -A`, flash = .text + .data (+ .bootloader), RAM = .data + .bss + .noinit."""

import re

from .boards import Board

FLASH_SECTIONS = (".text", ".data", ".bootloader")
RAM_SECTIONS = (".data", ".bss", ".noinit")
RAM_WARNING_SHARE = 0.75  # the IDE warns of stability problems above 75 % of RAM used by globals
_SECTION_LINE = re.compile(r"^(\.\S+)\s+(\d+)\s+\d+\s*$")


def parse_sections(avr_size_output: str) -> dict[str, int]:
    """Section name -> size in bytes, from `avr-size -A` output."""
    sections = {}
    for line in avr_size_output.splitlines():
        match = _SECTION_LINE.match(line.strip())
        if match:
            sections[match.group(1)] = int(match.group(2))
    return sections


def memory_use(sections: dict[str, int], board: Board) -> dict[str, int]:
    """The API's `size`: {"flash", "flash_max", "ram", "ram_max"} in bytes."""
    return {
        "flash": sum(sections.get(name, 0) for name in FLASH_SECTIONS),
        "flash_max": board.flash_max,
        "ram": sum(sections.get(name, 0) for name in RAM_SECTIONS),
        "ram_max": board.ram_max,
    }


def size_diagnostics(size: dict[str, int]) -> list[dict]:
    """An error when the program does not fit (the build fails), a warning when globals leave little RAM."""
    flash, flash_max, ram, ram_max = size["flash"], size["flash_max"], size["ram"], size["ram_max"]
    found = []
    if flash > flash_max:
        found.append(
            _diagnostic(
                "error",
                f"Sketch too big: it uses {flash} bytes of program storage space, {flash - flash_max} bytes more "
                f"than the maximum of {flash_max} bytes.",
            )
        )
    if ram > ram_max:
        found.append(
            _diagnostic(
                "error",
                f"Not enough memory: global variables use {ram} bytes of dynamic memory, {ram - ram_max} bytes "
                f"more than the maximum of {ram_max} bytes.",
            )
        )
    elif ram > RAM_WARNING_SHARE * ram_max:
        found.append(
            _diagnostic(
                "warning",
                f"Low memory available, stability problems may occur: global variables use {ram} bytes "
                f"({100 * ram // ram_max}%) of dynamic memory, leaving {ram_max - ram} bytes for local variables.",
            )
        )
    return found


def _diagnostic(severity: str, message: str) -> dict:
    return {"file": None, "line": None, "column": None, "severity": severity, "message": message}
