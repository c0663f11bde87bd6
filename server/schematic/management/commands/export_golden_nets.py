"""Write the server's nets of the golden schematics (schematic.golden_nets) for the browser's connectivity spec."""

from pathlib import Path

from django.core.management.base import BaseCommand

from library.symbol_info import symbols_for
from schematic.examples import SYMBOLS
from schematic.golden_nets import FIXTURE, golden_cases, render


class Command(BaseCommand):
    help = "Write the golden schematics and their nets to the canvas package (needs the default library imported)."

    def add_arguments(self, parser):
        parser.add_argument("--out", type=Path, default=FIXTURE)

    def handle(self, *args, out: Path, **options):
        cases = golden_cases(symbols_for(SYMBOLS))
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_text(render(cases))
        self.stdout.write(f"{len(cases)} cases written to {out}")
