"""SPICE simulation: netlist checks, the sandboxed ngspice runner, raw results."""
