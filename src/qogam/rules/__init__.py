"""Rule catalogue (data) and the checks that turn a charter into findings.

Public API (the web app, batch and CLI use it):

    check_file(path, *, region=None, sphere=None, lang="ru") -> CheckResult
    check_document(document, *, region=None, sphere=None, lang="ru") -> CheckResult

``CheckResult.to_dict()`` is the JSON of ``qogam check --format json`` (DESIGN.md);
``CheckResult.exit_code`` is 0 (no error-level finding) or 1. Reading errors raise
``qogam.documents.DocumentError`` (the CLI's exit status 2).

Where a rule lives: its texts, severity, legal basis and thresholds in ``catalogue.yaml``; its
logic in ``checks/<family>.py`` under ``@check("<slug>")``.
"""

from .catalogue import Catalogue, Rule, load
from .engine import CheckResult, check_document, check_file
from .model import Finding, Location

__all__ = ["Catalogue", "CheckResult", "Finding", "Location", "Rule", "check_document", "check_file", "load"]
