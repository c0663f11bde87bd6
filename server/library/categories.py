"""The palette categories of the component library, derived from KiCad library names (pure)."""

OTHER = "Other"

# In palette order. A library belongs to the first category naming it exactly, else to the first
# whose prefix it starts with, else to OTHER.
_CATEGORIES: tuple[tuple[str, frozenset[str], tuple[str, ...]], ...] = (
    ("Passive & basic", frozenset({"Device", "Transformer", "Filter"}), ()),
    ("Sources & simulation", frozenset({"Simulation_SPICE", "pspice"}), ()),
    ("Power symbols", frozenset({"power"}), ()),
    ("Diodes", frozenset({"Diode", "Diode_Bridge"}), ()),
    ("LEDs & optoelectronics", frozenset({"LED", "Diode_Laser", "Fiber_Optic", "Interface_Optical"}), ("Display_",)),
    ("Transistors", frozenset({"Triac_Thyristor"}), ("Transistor_",)),
    ("Amplifiers", frozenset({"Comparator"}), ("Amplifier_",)),
    ("Analog ICs", frozenset({"Analog", "Audio", "Potentiometer_Digital"}), ("Analog_", "Reference_")),
    (
        "Power management",
        frozenset({"Battery_Management"}),
        ("Regulator_", "Converter_", "Power_Management", "Power_Protection", "Power_Supervisor"),
    ),
    ("Timers & oscillators", frozenset({"Timer", "Oscillator"}), ("Timer_",)),
    ("Switches & relays", frozenset({"Switch", "Relay", "Relay_SolidState", "Jumper"}), ()),
    ("Connectors", frozenset(), ("Connector",)),
    ("Digital logic", frozenset({"4xxx", "4xxx_IEEE", "74xGxx", "74xx", "74xx_IEEE", "Buffer"}), ("Logic_",)),
    ("Programmable logic", frozenset(), ("CPLD_", "FPGA_")),
    ("Microcontrollers & processors", frozenset({"CPU", "GPU"}), ("MCU_", "CPU_", "DSP_")),
    ("Memory", frozenset(), ("Memory_",)),
    ("Interfaces & drivers", frozenset({"Interface", "Isolator", "Isolator_Analog"}), ("Interface_", "Driver_")),
    ("Sensors", frozenset({"Sensor"}), ("Sensor_",)),
    ("RF & wireless", frozenset({"RF"}), ("RF_",)),
    ("Motors & mechanical", frozenset({"Motor", "Mechanical"}), ()),
)

CATEGORY_ORDER: tuple[str, ...] = (*(name for name, _, _ in _CATEGORIES), OTHER)


def category_for(library: str) -> str:
    """The palette category of the KiCad library `library` ("Device" -> "Passive & basic")."""
    for name, exact, _ in _CATEGORIES:
        if library in exact:
            return name
    for name, _, prefixes in _CATEGORIES:
        if library.startswith(prefixes):
            return name
    return OTHER
