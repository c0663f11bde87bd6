"""The project's own SPICE model library: files a netlist may `.include` by bare name."""

from pathlib import Path

MODEL_SUFFIXES = (".lib", ".mod", ".model", ".sub", ".cir")


def model_library(directory: Path) -> dict[str, Path]:
    """Map of lower-case model names (file stems) to their files; empty if the folder is absent."""
    if not directory.is_dir():
        return {}
    return {path.stem.lower(): path for path in sorted(directory.iterdir()) if path.suffix.lower() in MODEL_SUFFIXES}
