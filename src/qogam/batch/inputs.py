"""Which files a batch checks: a folder (recursively), a glob pattern, or explicit paths."""

from __future__ import annotations

import errno
import glob
import hashlib
import os
from collections.abc import Iterable
from pathlib import Path

# Charter files by extension; anything else in a folder (thumbnails, .DS_Store, results) is skipped.
CHARTER_SUFFIXES = frozenset(
    {".docx", ".doc", ".odt", ".rtf", ".pdf", ".txt", ".htm", ".html",
     ".jpg", ".jpeg", ".png", ".tif", ".tiff", ".bmp", ".webp"}
)
_CHUNK = 1 << 20


class InputError(ValueError):
    """The batch input names nothing that can be checked; the message says what to give instead."""


def expand_inputs(specs: Iterable[str | Path], *, exclude: Path | None = None) -> list[Path]:
    """Charter files named by ``specs`` (folders, glob patterns or files), sorted, each once.

    ``exclude`` is a folder whose files are never inputs (the batch's own output folder).
    """
    found: dict[str, Path] = {}
    excluded = exclude.resolve() if exclude is not None else None
    for spec in specs:
        text = str(spec)
        path = Path(text).expanduser()
        try:
            path.stat()
        except OSError as exc:
            if exc.errno == errno.ENAMETOOLONG:
                raise InputError(f"{text[:80]}…: the name is too long for a file or folder. Check the path.") from exc
        if path.is_dir():
            candidates = (p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in CHARTER_SUFFIXES)
        elif path.is_file():
            candidates = iter([path])
        elif glob.has_magic(text):
            candidates = (Path(p) for p in glob.iglob(os.path.expanduser(text), recursive=True) if Path(p).is_file())
        else:
            raise InputError(f"{text}: no such file, folder or matching files. Give a folder, a file or a pattern "
                             "such as 'scans/**/*.pdf' (in quotes, so the shell does not expand it).")
        for candidate in candidates:
            resolved = candidate.resolve()
            if excluded is not None and excluded in resolved.parents:
                continue
            if candidate.name.startswith(("~$", ".")):
                continue  # Word lock files and hidden files
            found.setdefault(str(resolved), resolved)
    return [found[key] for key in sorted(found)]


def content_hash(path: Path) -> str:
    """SHA-256 of the file's bytes: a re-run recognises a file already checked by its content."""
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        while chunk := handle.read(_CHUNK):
            digest.update(chunk)
    return digest.hexdigest()
