"""Hypothesis settings for the schematic tests: its example cache outside the source tree, no deadline."""

import os
import tempfile
from pathlib import Path

from hypothesis import configuration, settings

configuration.set_hypothesis_home_dir(Path(os.environ.get("OHM_VAR_DIR") or tempfile.gettempdir()) / "hypothesis")
settings.register_profile("ohmcloud", deadline=None, print_blob=True)
settings.load_profile("ohmcloud")
