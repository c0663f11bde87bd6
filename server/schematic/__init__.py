"""Schematics: the v1 format, connectivity from geometry, ERC and the SPICE netlister (pure Python)."""
