"""The VCD writer against the format's rules (IEEE 1364-2005, 18.2): a strict reader below checks the
declarations, the identifier codes, the initial dump and that time only moves forward, and gives back the
waveforms to compare with what went in."""

import re

import pytest

from .vcd import identifier, write_vcd

ID_CODE = re.compile(r"^[!-~]+$")


def read_vcd(text: str) -> dict:
    """Parse `text` as a VCD file of one-bit wires, failing on anything the standard does not allow."""
    tokens = text.split()
    i, header, variables = 0, {}, {}
    while tokens[i] != "$enddefinitions":
        keyword = tokens[i]
        assert keyword.startswith("$"), f"not a declaration keyword: {keyword}"
        end = tokens.index("$end", i)
        body = tokens[i + 1 : end]
        if keyword == "$var":
            kind, size, code, reference = body
            assert kind == "wire" and size == "1" and ID_CODE.match(code), body
            assert code not in variables, f"identifier {code} declared twice"
            variables[code] = reference
        else:
            assert keyword in ("$version", "$date", "$comment", "$timescale", "$scope", "$upscope"), keyword
            header.setdefault(keyword, []).append(" ".join(body))
        i = end + 1
    assert tokens[i + 1] == "$end"
    assert header["$timescale"] == ["1 us"]
    assert len(header["$scope"]) == len(header["$upscope"]) == 1
    values: dict[str, list[tuple[int, int | None]]] = {reference: [] for reference in variables.values()}
    time, dumped = None, set()
    in_dump = False
    for token in tokens[i + 2 :]:
        if token.startswith("#"):
            assert not in_dump
            new_time = int(token[1:])
            assert time is None or new_time > time, f"time goes from {time} to {new_time}"
            time = new_time
        elif token == "$dumpvars":
            assert time == 0 and not dumped
            in_dump = True
        elif token == "$end":
            assert in_dump
            in_dump = False
            assert dumped == set(variables), "$dumpvars must give every variable its initial value"
        else:
            level, code = token[0], token[1:]
            assert level in "01z" and code in variables, token
            assert time is not None, "a value change before the first timestamp"
            if in_dump:
                dumped.add(code)
            values[variables[code]].append((time, None if level == "z" else int(level)))
    return {"header": header, "values": values, "end": time}


def test_a_blinking_pin_and_a_pwm_pin_read_back_exactly():
    blink = [[1000000.0625, 1], [2000000.125, 0], [3000000.1875, 1]]
    pwm = [[10.5, 1], [1034, 0], [2058, 1]]
    vcd = read_vcd(write_vcd({13: blink, 9: pwm}, end_us=3_500_000))
    assert vcd["values"] == {
        "D9": [(0, 0), (10, 1), (1034, 0), (2058, 1)],  # round(10.5) = 10: half to even
        "D13": [(0, 0), (1000000, 1), (2000000, 0), (3000000, 1)],
    }
    assert vcd["end"] == 3_500_000


def test_changes_at_time_zero_are_the_initial_values():
    text = write_vcd({2: [[0.25, 1], [5, 0]], 3: []})
    assert read_vcd(text)["values"] == {"D2": [(0, 1), (5, 0)], "D3": [(0, 0)]}
    assert text.count("#0") == 1


def test_two_changes_within_one_microsecond_keep_the_last_and_drop_no_ops():
    # A 0.25 µs pulse on pin 4 vanishes at 1 µs resolution; pin 5 goes high and stays high.
    text = write_vcd({4: [[7.1, 1], [7.35, 0]], 5: [[7.2, 0], [7.3, 1]]})
    assert read_vcd(text)["values"] == {"D4": [(0, 0)], "D5": [(0, 0), (7, 1)]}


def test_the_end_is_not_before_the_last_change_and_is_optional():
    assert read_vcd(write_vcd({13: [[500, 1]]}, end_us=100))["end"] == 500
    assert read_vcd(write_vcd({13: [[500, 1]]}))["end"] == 500
    assert read_vcd(write_vcd({}, end_us=10))["values"] == {}


def test_pins_of_parts_are_named_as_given_after_the_digital_pins_and_float_as_z():
    text = write_vcd({"led1.A": [[0, None], [11.25, 0], [1000, 1]], 13: [[11.25, 1]], "btn1.1.l": [[0, 1]]})
    assert read_vcd(text)["values"] == {
        "D13": [(0, 0), (11, 1)],
        "btn1.1.l": [(0, 1)],
        "led1.A": [(0, None), (11, 0), (1000, 1)],
    }
    assert text.index(" D13 ") < text.index(" btn1.1.l ") < text.index(" led1.A ")


def test_many_pins_get_distinct_printable_identifiers():
    codes = [identifier(i) for i in range(94 * 95 + 3)]
    assert len(set(codes)) == len(codes) and all(ID_CODE.match(code) for code in codes)
    assert codes[:2] == ["!", '"'] and codes[93] == "~" and len(codes[94]) == 2
    traces = {pin: [[pin + 1, 1]] for pin in range(120)}
    values = read_vcd(write_vcd(traces))["values"]
    assert values["D119"] == [(0, 0), (120, 1)] and len(values) == 120


@pytest.mark.parametrize("trace", [[[5, 2]], [[-1, 1]]])
def test_bad_levels_and_negative_times_are_refused(trace):
    with pytest.raises(ValueError):
        write_vcd({13: trace})
