"""Pin traces as a Value Change Dump (IEEE 1364, section 18): the file GTKWave, PulseView and sigrok open.

Deliberately small: one-bit wires only (0, 1, and z for a floating net), times in whole microseconds. A pin that
changes twice within the same microsecond shows its last level at that time (and nothing if that is the level it
already had), so the file never holds two values of one wire at one time.
"""

from collections.abc import Mapping, Sequence

FIRST_ID, LAST_ID = 33, 126  # identifier codes are printable ASCII, '!'..'~'


def identifier(index: int) -> str:
    """The short code of the `index`-th variable: '!', '"', ... '~', then '!!', '"!' ... (base 94)."""
    base = LAST_ID - FIRST_ID + 1
    code = chr(FIRST_ID + index % base)
    index //= base
    while index:
        index -= 1
        code += chr(FIRST_ID + index % base)
        index //= base
    return code


def write_vcd(
    traces: Mapping[int | str, Sequence[Sequence[float | None]]],
    end_us: float | None = None,
    *,
    initial: int = 0,
    scope: str = "arduino",
) -> str:
    """`traces`: pin → [[t_us, value], ...] in time order; every pin starts at `initial` at time 0 (after reset an
    AVR pin is a floating input: 0). A pin is an Arduino pin number (wire `D13`) or a pin of a part (`"led1.A"`, a
    net's level: None while it floats). `end_us` adds a last timestamp so viewers show the whole run."""
    pins = sorted(traces, key=pin_order)
    codes = {pin: identifier(i) for i, pin in enumerate(pins)}
    levels = {pin: _bit(initial) for pin in pins}
    changes: dict[int, dict[int | str, str]] = {}  # time → pin → level, the last one of each pin at each time
    for pin in pins:
        for t_us, value in traces[pin]:
            changes.setdefault(_time(t_us), {})[pin] = _bit(value)
    for pin, level in changes.pop(0, {}).items():  # what happens at time 0 is the initial value
        levels[pin] = level

    lines = ["$version OhmCloud headless Arduino run $end", "$timescale 1 us $end", f"$scope module {scope} $end"]
    lines += [f"$var wire 1 {codes[pin]} {pin if isinstance(pin, str) else f'D{pin}'} $end" for pin in pins]
    lines += ["$upscope $end", "$enddefinitions $end", "#0", "$dumpvars"]
    lines += [f"{levels[pin]}{codes[pin]}" for pin in pins]
    lines.append("$end")
    last = 0
    for time in sorted(changes):
        moved = [(pin, level) for pin, level in sorted(changes[time].items(), key=lambda change: pin_order(change[0]))]
        moved = [(pin, level) for pin, level in moved if levels[pin] != level]
        if not moved:
            continue
        lines.append(f"#{time}")
        for pin, level in moved:
            lines.append(f"{level}{codes[pin]}")
            levels[pin] = level
        last = time
    if end_us is not None and _time(end_us) > last:
        lines.append(f"#{_time(end_us)}")
    return "\n".join(lines) + "\n"


def pin_order(pin: int | str) -> tuple:
    """Digital pins by number, then pins of parts by name."""
    return (isinstance(pin, str), pin)


def _time(t_us: float) -> int:
    if t_us < 0:
        raise ValueError(f"negative time {t_us}")
    return round(t_us)


def _bit(value) -> str:
    if value is None:
        return "z"
    if value not in (0, 1):  # True/False compare equal to 1/0
        raise ValueError(f"a pin level is 0, 1 or None, not {value!r}")
    return "1" if value else "0"
