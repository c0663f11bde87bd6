"""Memory use from avr-size -A, counted as the IDE counts it, with its warnings and errors."""

from .boards import BOARDS
from .size import memory_use, parse_sections, size_diagnostics

AVR_SIZE_A = """sketch.elf  :
section                     size      addr
.data                         22   8388864
.text                       1480         0
.bss                         184   8388886
.comment                      17         0
.note.gnu.avr.deviceinfo      64         0
.debug_info                 1524         0
Total                       3291
"""


def test_flash_is_text_plus_data_and_ram_is_data_bss_noinit():
    sections = parse_sections(AVR_SIZE_A)
    assert sections[".text"] == 1480 and sections[".debug_info"] == 1524 and "Total" not in sections
    assert memory_use({**sections, ".noinit": 10}, BOARDS["uno"]) == {
        "flash": 1502, "flash_max": 32256, "ram": 216, "ram_max": 2048,
    }  # fmt: skip


def test_a_program_that_fits_has_no_size_diagnostics():
    assert size_diagnostics({"flash": 32256, "flash_max": 32256, "ram": 1536, "ram_max": 2048}) == []


def test_over_75_percent_of_ram_is_a_warning():
    [warning] = size_diagnostics({"flash": 100, "flash_max": 32256, "ram": 1600, "ram_max": 2048})
    assert warning["severity"] == "warning" and warning["file"] is None
    assert "1600 bytes (78%)" in warning["message"] and "leaving 448 bytes" in warning["message"]


def test_too_big_says_by_how_much():
    diagnostics = size_diagnostics({"flash": 40000, "flash_max": 32256, "ram": 2100, "ram_max": 2048})
    assert [d["severity"] for d in diagnostics] == ["error", "error"]
    assert "7744 bytes more than the maximum of 32256" in diagnostics[0]["message"]
    assert "52 bytes more than the maximum of 2048" in diagnostics[1]["message"]
