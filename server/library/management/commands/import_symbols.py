"""`manage.py import_symbols [NAME ...] [--all] [--dir DIR]`: import KiCad symbol libraries (see library.importer)."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from library.importer import DEFAULT_LIBRARIES, available_libraries, import_libraries, symbol_directory


class Command(BaseCommand):
    help = (
        "Import KiCad symbol libraries (*.kicad_sym) into the component library. Without names: the default set "
        f"({', '.join(DEFAULT_LIBRARIES)}). Unchanged files are skipped."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "names", nargs="*", help="Library names, e.g. Device Timer (file names without .kicad_sym)."
        )
        parser.add_argument("--all", action="store_true", help="Import every library in the folder.")
        parser.add_argument("--dir", type=Path, help="The folder of .kicad_sym files (default: KICAD_SYMBOL_DIR).")

    def handle(self, *args, names: list[str], all: bool, dir: Path | None, **options):
        directory = dir or symbol_directory()
        if not directory.is_dir():
            raise CommandError(f"{directory} is not a folder of KiCad symbol libraries (install kicad-symbols)")
        if all and names:
            raise CommandError("give library names or --all, not both")
        selected = available_libraries(directory) if all else names or list(DEFAULT_LIBRARIES)
        report = import_libraries(selected, directory)
        for result in report.libraries:
            if result.status == "missing":
                self.stderr.write(
                    self.style.WARNING(f"{result.name}: skipped, {directory / result.name}.kicad_sym is missing")
                )
            elif result.status == "imported" and options["verbosity"] > 1:
                self.stdout.write(
                    f"{result.name}: {result.components} components ({result.simulatable} simulatable)"
                    f" in {result.seconds:.2f} s"
                )
            for warning in result.warnings:
                self.stderr.write(self.style.WARNING(f"{result.name}: {warning}"))
        if options["verbosity"] == 0 and not report.count("imported"):
            return  # -v 0 (./run's bootstrap): say something only when something changed
        total = sum(result.components for result in report.libraries)
        self.stdout.write(
            f"{report.count('imported')} libraries imported ({report.components_imported} components),"
            f" {report.count('unchanged')} unchanged, {report.count('missing')} missing;"
            f" {total} components in these libraries; {report.seconds:.2f} s"
        )
