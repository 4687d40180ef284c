"""Rule catalogue (data) and the checks that turn a charter into findings.

Public API (contract for the web app, batch and CLI):

    check_file(path, *, region=None, sphere=None, lang="ru") -> CheckResult
    check_document(document, *, region=None, sphere=None, lang="ru") -> CheckResult

``CheckResult.to_dict()`` is the JSON of ``qogam check --format json`` (DESIGN.md);
``CheckResult.exit_code`` is 0 (no error-level finding) or 1.
Reading errors raise ``qogam.documents.DocumentError`` (exit status 2).
"""
