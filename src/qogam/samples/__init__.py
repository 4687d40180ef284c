"""The sample charter shipped with qogam, for demos, tutorials and smoke tests.

``sample_charter.docx`` (Word automatic numbering) and its source ``sample_charter.txt`` are a
local public association's charter with the defects a registrar sees most often;
``sample_charter.yaml`` lists each planted defect with the rule that must find it.
"""

from __future__ import annotations

from importlib import resources
from pathlib import Path

import yaml

_FORMATS = ("docx", "txt")


def sample_charter_path(fmt: str = "docx") -> Path:
    """Path of the sample charter as a DOCX (default) or as plain text."""
    if fmt not in _FORMATS:
        raise ValueError(f"unknown sample format {fmt!r}; use one of {', '.join(_FORMATS)}")
    return Path(str(resources.files(__name__) / f"sample_charter.{fmt}"))


def sample_defects() -> list[dict]:
    """The planted defects: ``{"rule", "severity", "quote", "note"}`` each."""
    data = yaml.safe_load((resources.files(__name__) / "sample_charter.yaml").read_text(encoding="utf-8"))
    return list(data["defects"])
