"""Write the EDA app's example circuits (schematic.examples) as JSON files."""

import json
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand

from library.symbol_info import symbols_for
from schematic.examples import SYMBOLS, example_documents

DEFAULT_DIR = settings.WEB_DIR / "apps" / "eda" / "src" / "examples"


def render(document: dict) -> str:
    return json.dumps(document, indent=1, ensure_ascii=False) + "\n"


class Command(BaseCommand):
    help = "Write the example schematics to the EDA app (needs the default library imported)."

    def add_arguments(self, parser):
        parser.add_argument("--out", type=Path, default=DEFAULT_DIR)

    def handle(self, *args, out: Path, **options):
        out.mkdir(parents=True, exist_ok=True)
        documents = example_documents(symbols_for(SYMBOLS))
        for slug, document in documents.items():
            (out / f"{slug}.json").write_text(render(document))
        index = [{"slug": slug, "title": d["title"], "description": d["description"]} for slug, d in documents.items()]
        (out / "index.json").write_text(render(index))
        self.stdout.write(f"{len(documents)} examples written to {out}")
