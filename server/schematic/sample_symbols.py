"""A few symbols written by hand, shaped like KiCad's: for tests and the benchmark schematic, no library needed.

Pin positions are KiCad's (in mils, y up): Device:R has pin 1 at (0, 150) and pin 2 at (0, -150).
"""

from .symbol_info import SpiceMapping, SymbolInfo, SymbolPin


def _two_pin(symbol_id: str, prefix: str, default: str | None = None, half: int = 150, **spice) -> SymbolInfo:
    return SymbolInfo(
        symbol_id=symbol_id,
        reference_prefix=prefix,
        pins=(SymbolPin("1", "~", "passive", 0, half), SymbolPin("2", "~", "passive", 0, -half)),
        spice=SpiceMapping(prefix=prefix, pin_order=("1", "2"), default_value=default, **spice),
    )


def _power(symbol_id: str, name: str, electrical_type: str = "power_in") -> SymbolInfo:
    return SymbolInfo(
        symbol_id=symbol_id,
        reference_prefix="#PWR" if electrical_type == "power_in" else "#FLG",
        pins=(SymbolPin("1", name, electrical_type, 0, 0, hidden=electrical_type == "power_in"),),
        is_power=True,
        properties={"Value": name},
    )


RESISTOR = _two_pin("Device:R", "R")
CAPACITOR = _two_pin("Device:C", "C")
INDUCTOR = _two_pin("Device:L", "L")
VOLTAGE_SOURCE = SymbolInfo(
    symbol_id="Simulation_SPICE:VDC",
    reference_prefix="V",
    pins=(SymbolPin("1", "+", "passive", 0, 200), SymbolPin("2", "-", "passive", 0, -200)),
    spice=SpiceMapping(prefix="V", pin_order=("1", "2"), default_value="dc 1"),
)
CURRENT_SOURCE = SymbolInfo(
    symbol_id="Simulation_SPICE:IDC",
    reference_prefix="I",
    pins=(SymbolPin("1", "+", "passive", 0, 200), SymbolPin("2", "-", "passive", 0, -200)),
    spice=SpiceMapping(prefix="I", pin_order=("1", "2"), default_value="dc 1m"),
)
VCVS = SymbolInfo(  # E: output + -, control + -
    symbol_id="Simulation_SPICE:VCVS",
    reference_prefix="E",
    pins=(
        SymbolPin("1", "+", "passive", 300, 100),
        SymbolPin("2", "-", "passive", 300, -100),
        SymbolPin("3", "C+", "input", -300, 100),
        SymbolPin("4", "C-", "input", -300, -100),
    ),
    spice=SpiceMapping(prefix="E", pin_order=("1", "2", "3", "4"), default_value="1"),
)
GND = _power("power:GND", "GND")
VCC = _power("power:VCC", "VCC")
PWR_FLAG = _power("power:PWR_FLAG", "PWR_FLAG", "power_out")
DIODE = SymbolInfo(  # SPICE wants anode, cathode
    symbol_id="Device:D",
    reference_prefix="D",
    pins=(SymbolPin("1", "K", "passive", -150, 0), SymbolPin("2", "A", "passive", 150, 0)),
    spice=SpiceMapping(prefix="D", pin_order=("2", "1"), model_from_value=True),
    properties={"Value": "D"},
)
NPN = SymbolInfo(  # SPICE wants collector, base, emitter
    symbol_id="Device:Q_NPN_BCE",
    reference_prefix="Q",
    pins=(
        SymbolPin("1", "B", "input", -200, 0),
        SymbolPin("2", "C", "passive", 100, 200),
        SymbolPin("3", "E", "passive", 100, -200),
    ),
    spice=SpiceMapping(prefix="Q", pin_order=("2", "1", "3"), model="2n3904"),
)
NMOS = SymbolInfo(  # drain, gate, source, and the body tied to the source
    symbol_id="Device:Q_NMOS_DGS",
    reference_prefix="Q",
    pins=(
        SymbolPin("1", "D", "passive", 100, 200),
        SymbolPin("2", "G", "input", -200, 0),
        SymbolPin("3", "S", "passive", 100, -200),
    ),
    spice=SpiceMapping(prefix="M", pin_order=("1", "2", "3", "3"), model="nmos_basic", parameters=("w", "l")),
)
OPAMP = SymbolInfo(  # a subcircuit named by the value: in+, in-, V+, V-, out
    symbol_id="Simulation_SPICE:OPAMP",
    reference_prefix="U",
    pins=(
        SymbolPin("1", "+", "input", -300, 100),
        SymbolPin("2", "-", "input", -300, -100),
        SymbolPin("3", "~", "output", 300, 0),
        SymbolPin("4", "V+", "power_in", -100, 300),
        SymbolPin("5", "V-", "power_in", -100, -300),
    ),
    spice=SpiceMapping(prefix="X", pin_order=("1", "2", "4", "5", "3"), model_from_value=True),
)
DUAL_OPAMP = SymbolInfo(  # units A and B, unit C holds the supply pins
    symbol_id="Amplifier_Operational:LM358",
    reference_prefix="U",
    pins=(
        SymbolPin("3", "+", "input", -300, 100, unit=1),
        SymbolPin("2", "-", "input", -300, -100, unit=1),
        SymbolPin("1", "~", "output", 300, 0, unit=1),
        SymbolPin("5", "+", "input", -300, 100, unit=2),
        SymbolPin("6", "-", "input", -300, -100, unit=2),
        SymbolPin("7", "~", "output", 300, 0, unit=2),
        SymbolPin("8", "V+", "power_in", -100, 300, unit=3),
        SymbolPin("4", "V-", "power_in", -100, -300, unit=3),
    ),
    spice=SpiceMapping(prefix="X", pin_order=("3", "2", "1", "5", "6", "7", "8", "4"), model_from_value=True),
    unit_count=3,
)
NAND_GATE = SymbolInfo(  # old-style logic: hidden supply pins join the nets VCC and GND by name
    symbol_id="74xx:74LS00_1",
    reference_prefix="U",
    pins=(
        SymbolPin("1", "~", "input", -300, 100),
        SymbolPin("2", "~", "input", -300, -100),
        SymbolPin("3", "~", "output", 300, 0),
        SymbolPin("14", "VCC", "power_in", 0, 200, hidden=True),
        SymbolPin("7", "GND", "power_in", 0, -200, hidden=True),
    ),
)
CONNECTOR = SymbolInfo(  # drawable, but not a SPICE element
    symbol_id="Connector:Conn_01x02",
    reference_prefix="J",
    pins=(SymbolPin("1", "Pin_1", "passive", -200, 0), SymbolPin("2", "Pin_2", "passive", -200, -100)),
)

SAMPLE_SYMBOLS: dict[str, SymbolInfo] = {
    symbol.symbol_id: symbol
    for symbol in (
        RESISTOR, CAPACITOR, INDUCTOR, VOLTAGE_SOURCE, CURRENT_SOURCE, VCVS, GND, VCC, PWR_FLAG, DIODE, NPN, NMOS,
        OPAMP, DUAL_OPAMP, NAND_GATE, CONNECTOR,
    )
}  # fmt: skip
