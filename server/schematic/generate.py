"""Schematics made by program, for benchmarks: `ladder_schematic(n)` is an RC ladder of n parts.

Use it with `sample_symbols.SAMPLE_SYMBOLS` (the symbols it places) and `LADDER_ANALYSES`:

    data = ladder_schematic(10_000)
    result = netlist(parse_schematic(data), SAMPLE_SYMBOLS, LADDER_ANALYSES)
"""

from .sample_symbols import CAPACITOR, GND, RESISTOR, VOLTAGE_SOURCE

LADDER_ANALYSES = [{"type": "op"}, {"type": "tran", "step": "1u", "stop": "1m"}]
STAGES_PER_ROW = 50
PITCH = 600  # mils between ladder nodes
ROW_PITCH = 1000


def ladder_schematic(n_parts: int) -> dict:
    """A valid schematic of n parts (n >= 1): a source V1, then series resistors and shunt capacitors.

    Each capacitor has its own GND symbol (power symbols are not counted as parts); with an even n the ladder
    ends in a resistor into ground. Rows of 50 stages are joined by a pair of labels: the last node of a row
    and the first node of the next carry the same local label. The wires meet the parts' pins at their ends, and
    each shunt capacitor's wire ends on the junction of two series wires (a T).
    """
    if n_parts < 1:
        raise ValueError("a ladder has at least one part, the source")
    components: list[dict] = []
    wires: list[dict] = []
    labels: list[dict] = []
    junctions: list[dict] = []

    def add(symbol: str, reference: str, value: str, position: tuple[int, int], rotation: int = 0) -> None:
        components.append(
            {
                "id": f"c{len(components)}",
                "symbol": symbol,
                "position": list(position),
                "rotation": rotation,
                "reference": reference,
                "value": value,
            }
        )

    def wire(*points: tuple[int, int]) -> None:
        wires.append({"id": f"w{len(wires)}", "points": [list(point) for point in points]})

    def ground(position: tuple[int, int]) -> None:
        add(GND.symbol_id, f"#PWR{len(components)}", "GND", position)

    source_half = VOLTAGE_SOURCE.pins[0].y  # pin 1 is above the centre
    cap_half = CAPACITOR.pins[0].y
    res_half = RESISTOR.pins[0].y
    x0, y0 = 1000, 1000
    add(VOLTAGE_SOURCE.symbol_id, "V1", "dc 5", (x0, y0 + 100 + source_half))
    wire((x0, y0), (x0, y0 + 100))
    ground((x0, y0 + 100 + 2 * source_half))

    remaining = n_parts - 1
    stage = 0
    node = (x0, y0)
    while remaining > 0:
        row, column = divmod(stage, STAGES_PER_ROW)
        if column == 0 and row > 0:  # the next row starts under the first, joined by a pair of labels
            name = f"ROW{row}"
            labels.append({"id": f"l{len(labels)}", "position": list(node), "text": name})
            node = (x0, y0 + row * ROW_PITCH)
            labels.append({"id": f"l{len(labels)}", "position": list(node), "text": name})
        x, y = node
        stage += 1
        # the series resistor, horizontal (rotated 90°: pin 1 on the left)
        add(RESISTOR.symbol_id, f"R{stage}", "1k", (x + PITCH // 2, y), rotation=90)
        wire((x, y), (x + PITCH // 2 - res_half, y))
        wire((x + PITCH // 2 + res_half, y), (x + PITCH, y))
        remaining -= 1
        node = (x + PITCH, y)
        if remaining == 0:  # the ladder ends in this resistor: into ground
            ground(node)
            break
        # the shunt capacitor, hanging below the node
        nx, ny = node
        add(CAPACITOR.symbol_id, f"C{stage}", "1n", (nx, ny + 200 + cap_half))
        wire((nx, ny), (nx, ny + 200))
        ground((nx, ny + 200 + 2 * cap_half))
        remaining -= 1
        if remaining and column + 1 < STAGES_PER_ROW:  # the next resistor's wire starts here too: a T
            junctions.append({"id": f"j{len(junctions)}", "position": [nx, ny]})
    return {
        "format": "ohmcloud-schematic",
        "version": 1,
        "sheet": {"size": "A1", "orientation": "landscape"},
        "title_block": {"title": f"RC ladder, {n_parts} parts"},
        "components": components,
        "wires": wires,
        "junctions": junctions,
        "labels": labels,
        "no_connects": [],
    }
