"""The boards come from the core's boards.txt, CPU menus resolved as the IDE resolves them."""

from .boards import BOARDS, CORE_DIR, board_from_properties, read_properties


def test_the_three_boards_match_the_ides_boards_txt():
    assert {board_id: (b.mcu, b.f_cpu, b.variant, b.board_define, b.flash_max, b.ram_max)
            for board_id, b in BOARDS.items()} == {
        "uno": ("atmega328p", 16_000_000, "standard", "AVR_UNO", 32256, 2048),
        "nano": ("atmega328p", 16_000_000, "eightanaloginputs", "AVR_NANO", 30720, 2048),
        "mega2560": ("atmega2560", 16_000_000, "mega", "AVR_MEGA2560", 253952, 8192),
    }  # fmt: skip
    for board in BOARDS.values():
        assert (board.variant_dir / "pins_arduino.h").is_file()
    assert (CORE_DIR / "cores" / "arduino" / "Arduino.h").is_file()


def test_a_cpu_menu_choice_overrides_the_boards_own_values():
    properties = read_properties(
        "# comment\n"
        "mega.name=Arduino Mega\n"
        "mega.build.f_cpu=16000000L\nmega.build.variant=mega\nmega.build.board=AVR_MEGA\n"
        "mega.upload.maximum_data_size=8192\n"
        "mega.menu.cpu.atmega2560.build.mcu=atmega2560\n"
        "mega.menu.cpu.atmega2560.build.board=AVR_MEGA2560\n"
        "mega.menu.cpu.atmega2560.upload.maximum_size = 253952\n"
        "mega.menu.cpu.atmega1280.build.mcu=atmega1280\n"
    )
    board = board_from_properties(properties, "mega2560")
    assert (board.mcu, board.board_define, board.flash_max, board.ram_max) == (
        "atmega2560",
        "AVR_MEGA2560",
        253952,
        8192,
    )


def test_the_api_shape():
    assert BOARDS["uno"].as_dict() == {
        "id": "uno", "name": "Arduino Uno", "mcu": "atmega328p", "f_cpu": 16_000_000, "flash_max": 32256,
        "ram_max": 2048,
    }  # fmt: skip
