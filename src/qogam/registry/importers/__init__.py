"""Importers: ``run_import(BnsImporter(as_of), path, dry_run=False)`` and friends."""

from .bns import BnsImporter
from .filings import FilingsImporter
from .generic import generic_importer, load_mapping
from .report import ImportReport
from .runner import run_import
from .tables import ImportFileError

__all__ = ["BnsImporter", "FilingsImporter", "ImportFileError", "ImportReport", "generic_importer",
           "load_mapping", "run_import"]
