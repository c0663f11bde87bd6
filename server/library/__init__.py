"""The component library: KiCad symbols, their SPICE mappings and the project's own models."""
